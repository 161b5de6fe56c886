// What the search index reads from a built page: the text of the parts marked data-search-body
// (less what is never worth finding), the first <h1> in them as title, and the values marked
// data-search-meta / data-search-filter (src/components/SearchFields.astro writes them).
import { Parser } from "htmlparser2";
import type { FilterField } from "./index-files.ts";

/**
 * Parts of a page never worth finding: controls, chart drawings and their number tables and
 * download links, print-only lines, field names, and the column notes every dataset page repeats
 * (their examples name the same units on every page). Chart titles, takeaways and captions, photo
 * captions, column labels and sources stay. Each is a tag, a .class, or one inside another ("A B").
 */
export const EXCLUDE = [
  "svg",
  "script",
  "style",
  "template",
  "noscript",
  "nav",
  "form",
  "footer",
  ".article-terms dt",
  ".article-header .meta",
  ".chart__details",
  ".chart__downloads",
  ".column-reference dd",
  ".photo-missing",
  ".breadcrumbs",
  ".reading-tools",
  ".article-actions",
  ".print-only",
  ".visually-hidden",
];

/** Elements that do not break a line: text on either side runs on (no space is added). */
const INLINE = new Set(
  "a abbr b bdi bdo cite code data dfn em i kbd mark q s samp small span strong sub sup time u var wbr".split(
    " ",
  ),
);

export type ExtractedPage = {
  title: string;
  /** The indexed text without the title, blocks separated by a space. */
  text: string;
  meta: { kind?: string; date?: string; published?: string };
  filters: Record<FilterField, string[]>;
};

type Open = { tag: string; classes: string[]; body: boolean; excluded: boolean };
type Simple = { tag?: string; className?: string };

function parseSimple(part: string): Simple {
  const [tag, className] = part.split(".");
  return { ...(tag ? { tag } : {}), ...(className ? { className } : {}) };
}

const RULES = EXCLUDE.map((selector) => selector.split(" ").map(parseSimple));

function matches(simple: Simple, element: Pick<Open, "tag" | "classes">): boolean {
  return (
    (simple.tag === undefined || simple.tag === element.tag) &&
    (simple.className === undefined || element.classes.includes(simple.className))
  );
}

/** Whether an element opened inside `stack` matches one of EXCLUDE. */
function isExcluded(element: Pick<Open, "tag" | "classes">, stack: Open[]): boolean {
  return RULES.some((rule) => {
    if (!matches(rule.at(-1)!, element)) return false;
    // The rest of the rule, right to left, among the ancestors.
    let need = rule.length - 2;
    for (let i = stack.length - 1; i >= 0 && need >= 0; i--) {
      if (matches(rule[need]!, stack[i]!)) need--;
    }
    return need < 0;
  });
}

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

/** Reads one page; undefined when nothing in it is marked data-search-body. */
export function extractPage(html: string): ExtractedPage | undefined {
  const stack: Open[] = [];
  let text = "";
  let title: string | undefined;
  let titleText: string | undefined;
  let anyBody = false;
  const meta: ExtractedPage["meta"] = {};
  const filters: ExtractedPage["filters"] = { tinh: [], "chu-de": [], nam: [] };
  let field: { kind: "meta" | "filter"; name: string; depth: number; text: string } | undefined;

  const parser = new Parser(
    {
      onopentag(tag, attributes) {
        const parent = stack.at(-1);
        const classes = (attributes.class ?? "").split(/\s+/).filter(Boolean);
        const body = (parent?.body ?? false) || Object.hasOwn(attributes, "data-search-body");
        const excluded = (parent?.excluded ?? false) || isExcluded({ tag, classes }, stack);
        stack.push({ tag, classes, body, excluded });
        if (body) anyBody = true;
        if (!INLINE.has(tag)) text += " ";
        if (body && !excluded && tag === "h1" && title === undefined) titleText = "";
        const metaName = attributes["data-search-meta"];
        const filterName = attributes["data-search-filter"];
        if (metaName) field = { kind: "meta", name: metaName, depth: stack.length, text: "" };
        if (filterName) field = { kind: "filter", name: filterName, depth: stack.length, text: "" };
      },
      ontext(data) {
        if (field) field.text += data;
        const top = stack.at(-1);
        if (!top?.body || top.excluded) return;
        if (titleText !== undefined) titleText += data;
        else text += data;
      },
      onclosetag(tag) {
        if (field && field.depth === stack.length) {
          const value = squash(field.text);
          if (
            field.kind === "meta" &&
            (field.name === "kind" || field.name === "date" || field.name === "published")
          )
            meta[field.name] = value;
          if (field.kind === "filter" && Object.hasOwn(filters, field.name) && value)
            filters[field.name as FilterField].push(value);
          field = undefined;
        }
        if (tag === "h1" && titleText !== undefined) {
          title = squash(titleText);
          titleText = undefined;
        }
        stack.pop();
        if (!INLINE.has(tag)) text += " ";
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  if (!anyBody) return undefined;
  return { title: title ?? "", text: squash(text), meta, filters };
}
