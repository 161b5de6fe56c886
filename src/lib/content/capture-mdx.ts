// A read capture (capture.ts) -> the text of content/news/<slug>.mdx: frontmatter from what the
// page states and nothing else, fields it cannot know left empty for staff, the body as printed.
import { TOPIC_IDS } from "../../consts.ts";
import type { Capture } from "./capture.ts";

/** Characters MDX would read as markup; escaped so the text shows exactly as printed. */
export function escapeMdx(text: string): string {
  return (
    text
      // `&` would start a character reference, `~` strikethrough.
      .replace(/[\\{}<>*_[\]`&~]/g, (c) => `\\${c}`)
      // A line start that opens a heading, a list or a break: the mark escaped, never a digit.
      .replace(/^(\d+)([.)])/, "$1\\$2")
      .replace(/^[#+=-]/, (m) => `\\${m}`)
      // `import`/`export` opening a line is an ES module to MDX: its first letter as a reference.
      .replace(/^(?:i(?=mport\b)|e(?=xport\b))/, (c) => `&#${c.charCodeAt(0)};`)
  );
}

/** The first sentence of the lead, without the outlet's mark: a summary in the article's own words. */
export function proposedSummary(capture: Capture): string | undefined {
  const lead = capture.blocks.find((b) => b.kind === "paragraph")?.text.replace(/\s+/g, " ");
  if (!lead) return undefined;
  const text = capture.mark ? lead.replace(/^\p{Lu}{2,6} ?[-–] ?/u, "") : lead;
  const first = text.split(/(?<=[.!?…])\s+(?=\p{Lu})/u)[0]!;
  return first.length <= 300 ? first : undefined;
}

const str = (value: string) => JSON.stringify(value);

/** Fields the page cannot tell: written empty, so the build stops and says to fill them in. */
export const TO_FILL = ["source.outlet", "locality.province", "unit", "topics"] as const;

export function captureToMdx(capture: Capture): string {
  const fm: string[] = ["---", `title: ${str(capture.title!.text)}`];
  if (capture.kicker) fm.push(`kicker: ${str(capture.kicker.text)}`);
  if (capture.date) {
    fm.push(`published: ${str(capture.date.published)}`);
    fm.push(`publishedLabel: ${str(capture.date.label)}`);
  }
  fm.push("source:");
  const outlet = capture.outlet?.name ?? capture.mark;
  fm.push(
    outlet
      ? `  outlet: ${str(outlet)} # tên báo/trang như bài ghi; sửa nếu cần`
      : `  outlet: "" # CẦN ĐIỀN: tên báo/trang nguồn, vd. "Huyện ủy Tuyên Hóa"`,
  );
  if (capture.mark) fm.push(`  mark: ${str(capture.mark)}`);
  fm.push("locality:");
  fm.push(`  province: "" # CẦN ĐIỀN: tỉnh, vd. "Đồng Tháp"`);
  fm.push(`  # district: "" # nếu bài nói về một huyện, thị xã, thành phố`);
  fm.push(`unit: "" # CẦN ĐIỀN: tổ chức đảng bài nói tới, vd. "Đảng bộ huyện Thanh Bình"`);
  if (capture.byline) {
    fm.push("author:");
    fm.push(`  name: ${str(capture.byline.name)}`);
    if (capture.byline.role) fm.push(`  role: ${str(capture.byline.role)}`);
  }
  const summary = proposedSummary(capture);
  fm.push(
    summary
      ? `summary: ${str(summary)} # câu đầu của bài; sửa nếu cần (chỉ dùng lời của bài)`
      : `summary: "" # CẦN ĐIỀN: một hai câu lấy nguyên từ bài`,
  );
  fm.push(`topics: [] # CẦN ĐIỀN: một hoặc vài mã trong ${TOPIC_IDS.join(", ")}`);
  fm.push("---");
  const body = capture.blocks.map((b) =>
    b.kind === "caption"
      ? `<PhotoCaption>${escapeMdx(b.text)}</PhotoCaption>`
      : escapeMdx(b.text),
  );
  return `${fm.join("\n")}\n\n${body.join("\n\n")}\n`;
}
