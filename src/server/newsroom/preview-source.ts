// What the preview accepts before anything renders: the MDX is treated as untrusted, so nothing in it
// may become code. The article check's rules apply (frontmatter, known components, stray { } <),
// and stricter ones the build leaves to Astro: no import or export but the components' own import
// lines (blanked, the components are passed to every article), no `{…}` prop but a literal, and no
// lowercase HTML tag. Line and column are the editor's: blanked lines keep their place.
import { checkArticleText } from "../../lib/content/article-check.ts";
import { MDX_COMPONENT_NAMES } from "../../lib/content/mdx-components.ts";
import { SLUG_PATTERN } from "../../lib/slug.ts";

export type CheckedSource = { ok: true; text: string } | { ok: false; message: string };

/** The import line a committed article may carry for a component every article gets anyway. */
const OWN_IMPORT = new RegExp(
  `^import (${MDX_COMPONENT_NAMES.join("|")}) from "\\.\\./\\.\\./src/components/(?:charts|mdx)/\\1\\.astro";?\\s*$`,
);
/** `{2}`, `{"x"}`, `{true}`: values, as component-tags.ts reads them; anything else is code. */
const LITERAL = /^\s*(-?\d+(\.\d+)?|"(?:[^"\\]|\\.)*"|true|false)\s*$/;

type Found = { line: number; column: number; message: string };

const at = (found: Found) => `Dòng ${found.line}, cột ${found.column}: ${found.message}`;

/** Code in a component tag: a `{…}` that is not a literal value (`level={2}` is one). */
function codeInTag(tag: string): number {
  for (const match of tag.matchAll(/(?<!\\)\{([^{}]*)\}?/g)) {
    if (!match[0].endsWith("}") || !LITERAL.test(match[1]!)) return match.index;
  }
  return -1;
}

/** The body's lines that would run or inject code: import/export, `{…}` props, HTML tags. */
function codeLines(lines: string[], firstBodyLine: number): Found[] {
  const found: Found[] = [];
  lines.forEach((text, i) => {
    const line = firstBodyLine + i;
    if (/^(import|export)\b/.test(text)) {
      if (!OWN_IMPORT.test(text)) {
        found.push({
          line,
          column: 1,
          message:
            "bài viết không được có dòng import hoặc export; các thành phần <Chart>, <DataFigure>, <PhotoCaption> dùng được mà không cần import",
        });
      }
      return;
    }
    for (const tag of text.matchAll(/(?<!\\)<[A-Z][^>]*>?/g)) {
      const offset = codeInTag(tag[0]);
      if (offset === -1) continue;
      found.push({
        line,
        column: tag.index + offset + 1,
        message:
          'thuộc tính của thành phần chỉ nhận giá trị viết sẵn: chữ trong ngoặc kép (id="…") hoặc một số (level={2}), không nhận mã',
      });
    }
    for (const link of text.matchAll(/\]\(\s*(?:javascript|data|vbscript):/gi)) {
      found.push({
        line,
        column: link.index + 1,
        message:
          "liên kết chỉ được trỏ tới một trang (http:, https: hoặc địa chỉ trong cổng), không chạy mã",
      });
    }
    for (const tag of text.matchAll(/(?<!\\)<\/?[a-z][^\s>/]*/g)) {
      found.push({
        line,
        column: tag.index + 1,
        message: `thẻ HTML “${tag[0]}” không được dùng trong bài; muốn hiện dấu < như chữ thường thì viết \\<`,
      });
    }
  });
  return found;
}

/** The MDX as the preview will render it, or every reason it will not, in Vietnamese. */
export function checkPreviewSource(mdx: string, slug: string): CheckedSource {
  if (!SLUG_PATTERN.test(slug)) {
    return {
      ok: false,
      message: `Tên bài “${slug}” không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu gạch nối, vd. thanh-binh-ket-nap-dang-vien.`,
    };
  }
  const lines = mdx.replace(/\r\n?/g, "\n").split("\n");
  const found: Found[] = checkArticleText(`${slug}.mdx`, lines.join("\n"));
  const end = lines.indexOf("---", 1);
  if (end !== -1) found.push(...codeLines(lines.slice(end + 1), end + 2));
  if (found.length > 0) {
    const sorted = found.sort((a, b) => a.line - b.line || a.column - b.column);
    return {
      ok: false,
      message: `Chưa xem trước được, bài có ${found.length} lỗi:\n${sorted.map(at).join("\n")}`,
    };
  }
  const text = lines.map((line, i) => (i > end && OWN_IMPORT.test(line) ? "" : line)).join("\n");
  return { ok: true, text };
}
