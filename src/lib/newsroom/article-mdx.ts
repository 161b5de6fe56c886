// The only way the newsroom writes an article: a draft (fields and body blocks) -> the text of
// content/news/<slug>.mdx. Frontmatter values are JSON-quoted strings; the body is text escaped so
// MDX reads none of it as markup; components come from the known set with literal props whose
// values are names (no quote, brace or space can reach them). No import, export or expression.
import { escapeMdx } from "../content/capture-mdx.ts";
import type { MdxComponentName } from "../content/mdx-components.ts";

/** The frontmatter as a form gives it: required text may be empty (the article check says so). */
export type DraftFields = {
  title: string;
  kicker?: string;
  published?: string;
  publishedLabel?: string;
  period?: string;
  /** A number; text typed where a year belongs is written as text, and the check refuses it. */
  periodYear?: number | string;
  source: { outlet: string; mark?: string };
  locality: { province: string; district?: string };
  unit: string;
  author?: { name: string; role?: string };
  summary: string;
  topics: readonly string[];
};

/** A run of a paragraph: plain text, or a figure linked to its dataset row (<DataFigure>). */
export type Inline = { text: string } | { figure: string; row: string };

export type BodyBlock =
  | { kind: "paragraph"; parts: readonly Inline[] }
  | { kind: "caption"; text: string }
  /** A chart by its id, or the chart of a dataset narrowed to this article (source). */
  | { kind: "chart"; id: string }
  | { kind: "chart"; dataset: string; source: string };

export type ArticleDraft = { fields: DraftFields; body: readonly BodyBlock[] };

/** Names only (chart ids, dataset ids, slugs): nothing that could close an attribute. */
const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** "<dataset>#<row id>". */
const ROW = /^[a-z0-9]+(?:-[a-z0-9]+)*#[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

/** Control characters and lone surrogates are dropped: invisible, and YAML refuses some. */
function clean(text: string): string {
  return text.toWellFormed().replace(/(?![\t\n\r])\p{Cc}/gu, "");
}

/** Line breaks inside a run become spaces; the run's own spaces stay (they part it from the next). */
const flat = (text: string) => clean(text).replace(/\s*[\r\n\u2028\u2029]+\s*/g, " ");

/** One line of text: line breaks become spaces (an MDX paragraph is one line here). */
const oneLine = (text: string) => flat(text).trim();

/** A YAML double-quoted scalar: JSON's quoting, with the characters YAML reads otherwise escaped. */
export function yamlString(value: string): string {
  return JSON.stringify(oneLine(value)).replace(
    /[\u0085\u2028\u2029\ufeff\ufffe\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** Text that MDX shows exactly as written, on one line (escapeMdx: markup characters, line starts). */
export const escapeText = (text: string): string => escapeMdx(oneLine(text));

function name(value: string, what: string, rule = NAME): string {
  if (!rule.test(value))
    throw new Error(`article-mdx: ${what} ${JSON.stringify(value)} is not a name`);
  return value;
}

const tag = (
  component: Exclude<MdxComponentName, "PhotoCaption">,
  attributes: string,
  children?: string,
) =>
  children === undefined
    ? `<${component} ${attributes} />`
    : `<${component} ${attributes}>${children}</${component}>`;

/** A paragraph on one line: its runs joined, the line's ends trimmed (a leading space would indent). */
function paragraph(parts: readonly Inline[]): string {
  return parts
    .map((part, i) => {
      if (!("text" in part)) {
        const row = name(part.row, "DataFigure row", ROW);
        return tag("DataFigure", `row="${row}"`, escapeText(part.figure));
      }
      let text = flat(part.text);
      if (i === 0) text = text.trimStart();
      if (i === parts.length - 1) text = text.trimEnd();
      return escapeMdx(text);
    })
    .join("");
}

function block(b: BodyBlock): string {
  switch (b.kind) {
    case "paragraph":
      return paragraph(b.parts);
    case "caption":
      return `<PhotoCaption>${escapeText(b.text)}</PhotoCaption>`;
    case "chart":
      return "id" in b
        ? tag("Chart", `id="${name(b.id, "chart id")}" level={2}`)
        : tag(
            "Chart",
            `dataset="${name(b.dataset, "dataset")}" source="${name(b.source, "source")}" level={2}`,
          );
  }
}

/** The frontmatter lines: optional fields only when given, required ones always (maybe ""). */
function frontmatter(f: DraftFields): string[] {
  const given = (v: string | undefined): v is string => v !== undefined && oneLine(v) !== "";
  const lines = ["---", `title: ${yamlString(f.title)}`];
  if (given(f.kicker)) lines.push(`kicker: ${yamlString(f.kicker)}`);
  if (given(f.published)) lines.push(`published: ${yamlString(f.published)}`);
  if (given(f.publishedLabel)) lines.push(`publishedLabel: ${yamlString(f.publishedLabel)}`);
  if (given(f.period)) lines.push(`period: ${yamlString(f.period)}`);
  if (typeof f.periodYear === "number" && Number.isSafeInteger(f.periodYear))
    lines.push(`periodYear: ${f.periodYear}`);
  else if (typeof f.periodYear === "string" && given(f.periodYear))
    lines.push(`periodYear: ${yamlString(f.periodYear)}`);
  lines.push("source:", `  outlet: ${yamlString(f.source.outlet)}`);
  if (given(f.source.mark)) lines.push(`  mark: ${yamlString(f.source.mark)}`);
  lines.push("locality:", `  province: ${yamlString(f.locality.province)}`);
  if (given(f.locality.district)) lines.push(`  district: ${yamlString(f.locality.district)}`);
  lines.push(`unit: ${yamlString(f.unit)}`);
  if (f.author && given(f.author.name)) {
    lines.push("author:", `  name: ${yamlString(f.author.name)}`);
    if (given(f.author.role)) lines.push(`  role: ${yamlString(f.author.role)}`);
  }
  lines.push(`summary: ${yamlString(f.summary)}`);
  lines.push(f.topics.length === 0 ? "topics: []" : "topics:");
  for (const topic of f.topics) lines.push(`  - ${yamlString(topic)}`);
  lines.push("---");
  return lines;
}

/** The article file's whole text. Throws only on a component prop that is not a name. */
export function articleMdx(draft: ArticleDraft): string {
  const body = draft.body.map(block).filter((text) => text !== "");
  return `${frontmatter(draft.fields).join("\n")}\n\n${body.join("\n\n")}\n`;
}
