// The article body as staff edit it in one textarea (`body`): paragraphs separated by a blank line,
// a photo caption as a paragraph starting "[Ảnh]", a chart as a paragraph "[Biểu đồ: <mã>]" or
// "[Biểu đồ của bài: <bộ dữ liệu>]", and a figure linked to its dataset row as
// "[6.001](dang-vien#th-dang-vien)". Read into blocks for the MDX template; nothing else is markup.
import type { Capture } from "../../lib/content/capture.ts";
import type { BodyBlock, Inline } from "../../lib/newsroom/article-mdx.ts";

export const CAPTION_MARK = "[Ảnh]";
export const CHART_MARK = "Biểu đồ";
export const ARTICLE_CHART_MARK = "Biểu đồ của bài";

/** What the body may name: chart ids, chart datasets, dataset rows. */
export type BodyCatalogue = {
  chartIds: ReadonlySet<string>;
  chartDatasets: readonly string[];
  /** The row ids of a dataset, or undefined when there is no such dataset. */
  rowsOf(dataset: string): ReadonlySet<string> | undefined;
};

export type BodyProblem = { field: "body"; message: string };

const q = (text: string) => `“${text}”`;
const CHART = /^\[(Biểu đồ(?: của bài)?):\s*([^\]]*)\]$/u;
const FIGURE = /\[([^\]\n]{1,40})\]\(([^()\s#]+)#([^()\s]+)\)/gu;

/** The capture's body as the textarea shows it: captions marked, paragraphs as printed. */
export function captureBody(capture: Capture): string {
  return capture.blocks
    .map((b) => (b.kind === "caption" ? `${CAPTION_MARK} ${b.text}` : b.text))
    .join("\n\n");
}

/** The paragraphs (blank-line separated) of the textarea, each on one line. */
export const bodyParagraphs = (body: string): string[] =>
  body
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, " ").trim())
    .filter((p) => p !== "");

function figureParts(
  text: string,
  n: number,
  catalogue: BodyCatalogue,
  problems: BodyProblem[],
): Inline[] {
  const parts: Inline[] = [];
  let at = 0;
  for (const m of text.matchAll(FIGURE)) {
    const [whole, figure, dataset, row] = m as unknown as [string, string, string, string];
    const rows = catalogue.rowsOf(dataset);
    const where = `Đoạn ${n}, ${q(whole)}`;
    if (!rows) {
      problems.push({
        field: "body",
        message: `${where}: không có bộ dữ liệu ${q(dataset)}; viết [con số](<bộ dữ liệu>#<mã dòng>), vd. [6.001](dang-vien#th-dang-vien).`,
      });
      continue;
    }
    if (!rows.has(row)) {
      problems.push({
        field: "body",
        message: `${where}: bộ dữ liệu ${q(dataset)} không có dòng mã ${q(row)}; kiểm tra mã dòng trong trang Dữ liệu.`,
      });
      continue;
    }
    if (m.index > at) parts.push({ text: text.slice(at, m.index) });
    parts.push({ figure, row: `${dataset}#${row}` });
    at = m.index + whole.length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}

function chartBlock(
  mark: string,
  value: string,
  ctx: { n: number; slug: string; catalogue: BodyCatalogue; problems: BodyProblem[] },
): BodyBlock | undefined {
  const name = value.trim();
  if (mark === CHART_MARK) {
    if (ctx.catalogue.chartIds.has(name)) return { kind: "chart", id: name };
    ctx.problems.push({
      field: "body",
      message: `Đoạn ${ctx.n}: không có biểu đồ mã ${q(name)}; chọn một mã trong danh sách “Biểu đồ có sẵn” dưới ô lời bài.`,
    });
    return undefined;
  }
  if (ctx.catalogue.chartDatasets.includes(name)) {
    return { kind: "chart", dataset: name, source: ctx.slug };
  }
  ctx.problems.push({
    field: "body",
    message: `Đoạn ${ctx.n}: không có biểu đồ nào vẽ từ bộ dữ liệu ${q(name)}; dùng một trong: ${ctx.catalogue.chartDatasets.join(", ")}.`,
  });
  return undefined;
}

/** The textarea -> body blocks, with a Vietnamese message for each marker that names nothing known. */
export function readBody(
  body: string,
  slug: string,
  catalogue: BodyCatalogue,
): { blocks: BodyBlock[]; problems: BodyProblem[] } {
  const problems: BodyProblem[] = [];
  const blocks: BodyBlock[] = [];
  bodyParagraphs(body).forEach((text, i) => {
    const n = i + 1;
    // Marks are recognised however a keyboard composed their letters ("Ả" or "A" + hook).
    const composed = text.normalize("NFC");
    const chart = CHART.exec(composed);
    if (chart) {
      const block = chartBlock(chart[1]!, chart[2]!, { n, slug, catalogue, problems });
      if (block) blocks.push(block);
    } else if (composed.startsWith(CAPTION_MARK)) {
      blocks.push({ kind: "caption", text: text.slice(text.indexOf("]") + 1).trim() });
    } else {
      blocks.push({ kind: "paragraph", parts: figureParts(text, n, catalogue, problems) });
    }
  });
  if (!blocks.some((b) => b.kind === "paragraph")) {
    problems.push({
      field: "body",
      message:
        "Bài chưa có đoạn văn nào; dán trang đã chép hoặc gõ lời bài, các đoạn cách nhau một dòng trống.",
    });
  }
  return { blocks, problems };
}
