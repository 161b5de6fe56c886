// What `npm run article:new` says about a capture, in Vietnamese: why it found no body (naming the
// line that stopped it) and what staff must check by hand. Pure, so tests can hold the exact words.
import type { Capture } from "./capture.ts";

const q = (text: string) => `“${text}”`;

/** The error for a capture with a title but no body paragraph, as `file:line:1 …`. */
export function noBodyMessage(capture: Capture, file: string): string {
  const title = capture.title!;
  const head = `Không thấy đoạn văn nào của bài sau tiêu đề (dòng ${title.line})`;
  const stop = capture.stoppedBy;
  if (stop) {
    return `${file}:${stop.line}:1 ${head}: dòng ${stop.line} ${q(stop.text)} được coi là phần trang (danh sách tin khác, khung bình chọn, cuối trang) nên các dòng ngắn sau nó bị bỏ ra. Nếu lời bài nằm sau dòng này, xóa dòng này trong tệp chép rồi chạy lại.`;
  }
  const dropped = capture.furniture.find((f) => f.line > title.line);
  if (dropped) {
    return `${file}:${dropped.line}:1 ${head}: từ dòng ${dropped.line} ${q(dropped.text)} trở đi chỉ có phần trang (menu, chia sẻ, in bài, dòng nguồn); kiểm tra tệp đã chép có lời bài.`;
  }
  const caption = capture.blocks.find((b) => b.kind === "caption");
  if (caption) {
    return `${file}:${caption.line}:1 ${head}: các dòng sau tiêu đề đều là chú thích ảnh (không ra câu, đứng chỗ ảnh); kiểm tra tệp đã chép có lời bài.`;
  }
  return `${file}:${title.line}:1 ${head}: tệp hết ở dòng ${title.line}; kiểm tra tệp đã chép có lời bài.`;
}

/** Lines for the list of things to check by hand (empty when there is nothing to check). */
export function checkLines(capture: Capture): string[] {
  if (capture.checks.length === 0) return [];
  return ["", "Cần kiểm tra lại:", ...capture.checks.map((c) => `  - ${c.text}`)];
}

/** “nguồn (dòng 31): “Nguồn: Báo Quảng Bình” → source.outlet: "Báo Quảng Bình"”. */
export function outletLine(capture: Capture): string | undefined {
  const outlet = capture.outlet;
  if (!outlet) return undefined;
  return `  nguồn (dòng ${outlet.line}): ${q(outlet.text)} → source.outlet: ${JSON.stringify(outlet.name)} (không phải tác giả)`;
}
