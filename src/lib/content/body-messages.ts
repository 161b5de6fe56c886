// What staff read about an article's body, shared by the article check (before the build) and the
// content loader (which renders the body), so both say the same thing about the same mistake.
import { nearestName } from "../data/hints.ts";
import { MDX_COMPONENT_NAMES } from "./mdx-components.ts";

const q = (text: string) => `“${text}”`;
const componentList = () => MDX_COMPONENT_NAMES.map((n) => `<${n}>`).join(", ");

export function unknownComponentMessage(name: string): string {
  const near = nearestName(name, MDX_COMPONENT_NAMES);
  return `Thành phần ${q(`<${name}>`)} không có${near ? ` (có phải ${q(`<${near}>`)}?)` : ""}. Trong bài chỉ dùng ${componentList()}, không cần dòng import; muốn hiện dấu < như chữ thường thì viết \\<`;
}

export function mdxCharacterMessage(char: string): string {
  return `Dấu ${q(char)} trong lời bài bị đọc là mã MDX; muốn hiện đúng như bài thì viết \\${char}`;
}

export function esmMessage(line: string): string {
  return `Dòng ${q(line.trim().slice(0, 60))} không dùng được trong bài: bài không chạy mã. ${componentList()} dùng được mà không cần import; xoá dòng này`;
}

export function codePropMessage(component: string, prop: string): string {
  return `Thuộc tính ${q(prop)} của ${q(`<${component}>`)} là mã; trong bài chỉ ghi giá trị: chữ trong ngoặc kép, số, true/false, hoặc danh sách [ … ] của chúng; ví dụ: level={2}`;
}

/** An `import` line the renderer may drop: one known component, by its own name. */
export function isComponentImport(line: string): boolean {
  const match = /^import\s+([A-Za-z]\w*)\s+from\s+["'][^"']+["'];?\s*$/.exec(line.trim());
  return match !== null && (MDX_COMPONENT_NAMES as readonly string[]).includes(match[1]!);
}

/** MDX's words for the mistakes an article can have, said the way staff fix them. */
export function mdxSyntaxMessage(message: string): string | undefined {
  const unclosed = /closing tag for `<(\w+)>`/.exec(message);
  if (unclosed)
    return `thẻ <${unclosed[1]}> chưa được đóng: thêm </${unclosed[1]}> ở cuối đoạn của nó`;
  const stray = /Unexpected closing (?:slash|tag).*?`<\/(\w+)>`/.exec(message);
  if (stray) return `có </${stray[1]}> mà không có thẻ <${stray[1]}> mở trước nó`;
  if (/Unexpected character|Could not parse|Unexpected end of file/i.test(message))
    return "MDX không đọc được chỗ này; kiểm tra dấu { } < và các thẻ <Chart />, <DataFigure>…</DataFigure>, <PhotoCaption>…</PhotoCaption>";
  return undefined;
}
