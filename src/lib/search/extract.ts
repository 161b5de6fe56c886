// What the search index reads from a built page: the text of the parts marked data-search-body
// (less what is never worth finding), the first <h1> in them as title, the rows of a table marked
// data-search-rows (a dataset's figures), and the values marked data-search-meta /
// data-search-filter (src/components/SearchFields.astro writes them). A part marked
// data-search-body="find" is found by its words but never shown as an excerpt (a dataset's list
// of sources and of columns: the same titles and columns on page after page).
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
  // A row's past values (figure history) are not what it says now.
  ".dataset-table__history",
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
  /** Rows of a data-search-rows table (body rows only): the cells with text, joined by " · ". */
  rows: string[];
  /** Text found by its words but never shown (data-search-body="find"). */
  hidden: string;
  meta: { kind?: string; date?: string; published?: string };
  filters: Record<FilterField, string[]>;
};

type Open = {
  tag: string;
  classes: string[];
  body: boolean;
  excluded: boolean;
  hidden: boolean;
  /** Inside a data-search-rows element, and not in its <thead>. */
  rows: boolean;
};
type Simple = { tag?: string; className?: string };

function parseSimple(part: string): Simple {
  const [tag, className] = part.split(".");
  return { ...(tag ? { tag } : {}), ...(className ? { className } : {}) };
}

const rules = (selectors: string[]) => selectors.map((s) => s.split(" ").map(parseSimple));
const EXCLUDED = rules(EXCLUDE);

function matches(simple: Simple, element: Pick<Open, "tag" | "classes">): boolean {
  return (
    (simple.tag === undefined || simple.tag === element.tag) &&
    (simple.className === undefined || element.classes.includes(simple.className))
  );
}

/** Whether an element opened inside `stack` matches one of the rules. */
function matchesAny(
  element: Pick<Open, "tag" | "classes">,
  stack: Open[],
  list: Simple[][],
): boolean {
  return list.some((rule) => {
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

type Field = { kind: "meta" | "filter"; name: string; depth: number; text: string };

/** The state of one page's reading: what is collected so far. */
class PageReader {
  readonly stack: Open[] = [];
  text = "";
  hidden = "";
  rows: string[] = [];
  title: string | undefined;
  titleText: string | undefined;
  anyBody = false;
  readonly meta: ExtractedPage["meta"] = {};
  readonly filters: ExtractedPage["filters"] = { tinh: [], "chu-de": [], nam: [] };
  field: Field | undefined;
  /** The cells of the row being read, and the cell. */
  row: string[] | undefined;
  cell: string | undefined;

  open(tag: string, attributes: Record<string, string>): void {
    const parent = this.stack.at(-1);
    const classes = (attributes.class ?? "").split(/\s+/).filter(Boolean);
    const element = { tag, classes };
    const open: Open = {
      tag,
      classes,
      body: (parent?.body ?? false) || Object.hasOwn(attributes, "data-search-body"),
      excluded: (parent?.excluded ?? false) || matchesAny(element, this.stack, EXCLUDED),
      hidden: (parent?.hidden ?? false) || attributes["data-search-body"] === "find",
      rows:
        tag !== "thead" &&
        ((parent?.rows ?? false) || Object.hasOwn(attributes, "data-search-rows")),
    };
    this.stack.push(open);
    if (open.body) this.anyBody = true;
    this.#space(tag);
    if (tag === "q") this.read("“");
    if (open.rows && !open.excluded) {
      if (tag === "tr") this.row = [];
      if ((tag === "td" || tag === "th") && this.row) this.cell = "";
    }
    if (open.body && !open.excluded && tag === "h1" && this.title === undefined)
      this.titleText = "";
    const metaName = attributes["data-search-meta"];
    const filterName = attributes["data-search-filter"];
    const depth = this.stack.length;
    if (metaName) this.field = { kind: "meta", name: metaName, depth, text: "" };
    if (filterName) this.field = { kind: "filter", name: filterName, depth, text: "" };
  }

  #space(tag: string): void {
    // In a cell, a quotation and the link after it are shown on lines of their own.
    if (this.cell !== undefined) this.cell += " ";
    if (INLINE.has(tag)) return;
    this.text += " ";
    this.hidden += " ";
  }

  read(data: string): void {
    if (this.field) this.field.text += data;
    const top = this.stack.at(-1);
    if (!top || top.excluded) return;
    if (top.rows && this.cell !== undefined) this.cell += data;
    if (!top.body) return;
    if (this.titleText !== undefined) this.titleText += data;
    else if (top.hidden) this.hidden += data;
    else this.text += data;
  }

  close(tag: string): void {
    if (tag === "q") this.read("”");
    const field = this.field;
    if (field && field.depth === this.stack.length) {
      this.#keep(field);
      this.field = undefined;
    }
    if (tag === "h1" && this.titleText !== undefined) {
      this.title = squash(this.titleText);
      this.titleText = undefined;
    }
    if ((tag === "td" || tag === "th") && this.cell !== undefined) {
      const cell = squash(this.cell);
      if (cell) this.row?.push(cell);
      this.cell = undefined;
    }
    if (tag === "tr" && this.row) {
      if (this.row.length) this.rows.push(this.row.join(" · "));
      this.row = undefined;
    }
    this.stack.pop();
    this.#space(tag);
  }

  #keep(field: Field): void {
    const value = squash(field.text);
    const { name } = field;
    if (field.kind === "meta" && (name === "kind" || name === "date" || name === "published"))
      this.meta[name] = value;
    if (field.kind === "filter" && Object.hasOwn(this.filters, name) && value)
      this.filters[name as FilterField].push(value);
  }
}

/** Reads one page; undefined when nothing in it is marked data-search-body. */
export function extractPage(html: string): ExtractedPage | undefined {
  const reader = new PageReader();
  const parser = new Parser(
    {
      onopentag: (tag, attributes) => reader.open(tag, attributes),
      ontext: (data) => reader.read(data),
      onclosetag: (tag) => reader.close(tag),
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  if (!reader.anyBody) return undefined;
  return {
    title: reader.title ?? "",
    text: squash(reader.text),
    rows: reader.rows,
    hidden: squash(reader.hidden),
    meta: reader.meta,
    filters: reader.filters,
  };
}
