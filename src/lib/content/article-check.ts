// Checks an article file before Astro sees it, so staff get Vietnamese messages with file:line:column,
// the field, what was found, what is expected and an example, instead of an English stack trace.
import { parseFrontmatter } from "astro/markdown";
import type { z } from "zod";
import { TOPIC_IDS } from "../../consts.ts";
import { propProblems } from "../charts/component-tags.ts";
import { nearestName } from "../data/hints.ts";
import { articleSchema } from "./article-schema.ts";
import {
  esmMessage,
  isComponentImport,
  mdxCharacterMessage,
  unknownComponentMessage,
} from "./body-messages.ts";
import { MDX_COMPONENT_NAMES } from "./mdx-components.ts";

export type ArticleIssue = {
  file: string;
  line: number;
  column: number;
  key: string;
  message: string;
};

export function formatArticleIssue(issue: ArticleIssue): string {
  return `${issue.file}:${issue.line}:${issue.column} ${issue.message} (${issue.key})`;
}

const q = (text: string) => `“${text}”`;

/** The right form of each field, as one would write it. */
const EXAMPLES: Record<string, string> = {
  title: 'title: "Tiêu đề đúng như bài gốc"',
  kicker: 'kicker: "Đảng bộ Khối các cơ quan tỉnh:"',
  published: 'published: "2023-02-28T05:40:48"',
  publishedLabel: 'publishedLabel: "Cập nhật ngày"',
  period: 'period: "năm 2022"',
  periodYear: "periodYear: 2022",
  source: 'source: { outlet: "ĐTO", mark: "ĐTO" }',
  "source.outlet": 'outlet: "Huyện ủy Tuyên Hóa"',
  "source.mark": 'mark: "ĐTO"',
  locality: 'locality: { province: "Đồng Tháp", district: "Thanh Bình" }',
  "locality.province": 'province: "Đồng Tháp"',
  "locality.district": 'district: "Thanh Bình"',
  unit: 'unit: "Đảng bộ huyện Thanh Bình"',
  author: 'author: { name: "TIẾN ĐẠT" }',
  "author.name": 'name: "TIẾN ĐẠT"',
  "author.role": 'role: "PBT TT Huyện ủy"',
  summary: 'summary: "Một hai câu lấy nguyên từ bài."',
  topics: 'topics: ["phat-trien-dang-vien"]',
};

const FIELDS = Object.keys(articleSchema.shape);

/** "17/06/2013 04:36:39", "Cập nhật ngày: 28/02/2023 05:40", "Thứ sáu, 12/08/2022" -> what to write. */
export function printedDate(value: string): { published: string; label?: string } | undefined {
  const match =
    /^(?:([\p{L} ]{2,30}?)[:,]? )?(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/u.exec(
      value.replace(/\s+/g, " ").trim(),
    );
  if (!match) return undefined;
  const [, label, day, month, year, hour, minute, second] = match;
  const two = (n: string) => n.padStart(2, "0");
  const time = hour === undefined ? "" : `T${two(hour)}:${minute}${second ? `:${second}` : ""}`;
  return {
    published: `${year}-${two(month!)}-${two(day!)}${time}`,
    ...(label ? { label: label.trim() } : {}),
  };
}

/** Line (1-based) and column of a frontmatter key path, found by indentation; the `---` line is 1. */
function locate(lines: string[], path: readonly PropertyKey[]): { line: number; column: number } {
  let from = 1;
  let indent = -1;
  let found = { line: 1, column: 1 };
  for (const key of path) {
    if (typeof key === "number" && found.line > 1) {
      // The n-th "- item" line under the key just found.
      let seen = -1;
      for (let i = found.line; i < lines.length && /^\s+- /.test(lines[i]!); i++) {
        if (++seen === key) found = { line: i + 1, column: lines[i]!.indexOf("- ") + 3 };
      }
      break;
    }
    if (typeof key !== "string") break;
    let hit = false;
    for (let i = from; i < lines.length && lines[i] !== "---"; i++) {
      const match = /^(\s*)([A-Za-z]+):/.exec(lines[i]!);
      if (!match) continue;
      const depth = match[1]!.length;
      if (depth <= indent) break;
      if (match[2] === key) {
        const value = lines[i]!.slice(match[0].length).search(/\S/);
        found = { line: i + 1, column: value === -1 ? depth + 1 : match[0].length + value + 1 };
        from = i + 1;
        indent = depth;
        hit = true;
        break;
      }
    }
    if (!hit) break;
  }
  return found;
}

function describeIssue(issue: z.core.$ZodIssue, data: Record<string, unknown>): string {
  const path = issue.path.filter((p) => typeof p === "string").join(".");
  const field = path || "frontmatter";
  const example = EXAMPLES[path] ?? EXAMPLES[String(issue.path[0])];
  const eg = example ? `; ví dụ: ${example}` : "";
  let value: unknown = data;
  for (const key of issue.path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
  const found = value === undefined ? "không có" : q(typeof value === "string" ? value : JSON.stringify(value));

  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.map((k) => {
      const near = nearestName(k, FIELDS);
      return `${q(k)}${near ? ` (có phải ${q(near)} không?)` : ""}`;
    });
    return `Trường lạ ${keys.join(", ")}${path ? ` trong ${q(path)}` : ""}: chỉ dùng các trường ${FIELDS.join(", ")}`;
  }
  if (path === "published" && typeof value === "string") {
    const printed = printedDate(value);
    if (printed) {
      const label = printed.label && data.publishedLabel === undefined
        ? ` và publishedLabel: "${printed.label}"`
        : "";
      return `Trường “published”: tìm thấy ${found} (ngày viết như trang in); cần dạng yyyy-mm-dd hoặc yyyy-mm-ddThh:mm:ss, giờ Việt Nam. Ghi: published: "${printed.published}"${label}`;
    }
    if (issue.code === "custom")
      return `Trường “published”: ${found} không có trên lịch (kiểm tra ngày, tháng, giờ)${eg}`;
    return `Trường “published”: tìm thấy ${found}; cần dạng yyyy-mm-dd hoặc yyyy-mm-ddThh:mm:ss (giờ Việt Nam)${eg}`;
  }
  if (issue.path[0] === "topics" && issue.code === "invalid_value") {
    const near = typeof value === "string" ? nearestName(value, TOPIC_IDS) : undefined;
    return `Trường “topics”: mã chủ đề ${found} không có${near ? `; có phải ${q(near)} không?` : ""}; dùng mã trong ${TOPIC_IDS.join(", ")}`;
  }
  if (path === "topics" && issue.code === "too_small")
    return `Trường “topics”: chưa chọn chủ đề nào; chọn một hoặc vài mã trong ${TOPIC_IDS.join(", ")}${eg}`;
  if (path === "publishedLabel" && issue.code === "custom")
    return `Trường “publishedLabel”: có nhãn ngày mà không có “published”; ghi cả ngày hoặc bỏ nhãn${EXAMPLES.published ? `; ví dụ: ${EXAMPLES.published}` : ""}`;
  if (value === undefined)
    return `Thiếu trường ${q(field)} (bắt buộc)${eg}`;
  if (issue.code === "too_small" && typeof value === "string")
    return `Trường ${q(field)} đang để trống, cần điền${eg}`;
  if (issue.code === "too_big" && typeof value === "string")
    return `Trường ${q(field)} dài ${[...value].length} ký tự, tối đa ${String(issue.maximum)}${eg}`;
  if (issue.code === "invalid_type")
    return `Trường ${q(field)}: tìm thấy ${found}, cần ${issue.expected === "object" ? "nhóm trường lồng nhau" : issue.expected === "array" ? "danh sách [ … ]" : issue.expected === "string" ? "chữ trong ngoặc kép" : issue.expected === "number" ? "một số" : issue.expected}${eg}`;
  return `Trường ${q(field)}: tìm thấy ${found}, không hợp lệ${eg}`;
}

/** `<Name` tags in the body, with where they are (1-based, in the file). */
function componentTags(body: string, firstLine: number): { name: string; line: number; column: number }[] {
  const tags: { name: string; line: number; column: number }[] = [];
  body.split("\n").forEach((text, i) => {
    for (const match of text.matchAll(/<([A-Z][A-Za-z0-9]*)\b/g)) {
      // An escaped "\<" is text, not a tag.
      if (text[match.index - 1] === "\\") continue;
      tags.push({ name: match[1]!, line: firstLine + i, column: match.index + 1 });
    }
  });
  return tags;
}

/** Characters in the text (outside component tags) that MDX reads as code: `{`, `}`, a bare `<`. */
function strayMarkup(body: string, firstLine: number): { char: string; line: number; column: number }[] {
  const found: { char: string; line: number; column: number }[] = [];
  body.split("\n").forEach((text, i) => {
    if (/^(import|export)\s/.test(text)) return;
    // Blank out component tags (their attributes may hold {…}), keeping columns.
    const prose = text.replace(/<\/?[A-Z][^>]*>/g, (tag) => " ".repeat(tag.length));
    for (const match of prose.matchAll(/[{}]|<(?![A-Za-z/])/g)) {
      if (prose[match.index - 1] === "\\") continue;
      found.push({ char: match[0], line: firstLine + i, column: match.index + 1 });
    }
  });
  return found;
}

export function checkArticleText(file: string, text: string): ArticleIssue[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  if (lines[0] !== "---") {
    return [
      {
        file,
        line: 1,
        column: 1,
        key: "no-frontmatter",
        message: `Bài phải bắt đầu bằng dòng --- rồi các trường (title, summary, …) và một dòng --- nữa; ví dụ: xem data/README.md, phần “Phần đầu bài viết (frontmatter)”`,
      },
    ];
  }
  let parsed: ReturnType<typeof parseFrontmatter>;
  try {
    parsed = parseFrontmatter(lines.join("\n"));
  } catch (error) {
    const mark = (error as { mark?: { line?: number; column?: number } }).mark;
    return [
      {
        file,
        line: (mark?.line ?? 0) + 1,
        column: (mark?.column ?? 0) + 1,
        key: "frontmatter-syntax",
        message:
          "Phần đầu bài (giữa hai dòng ---) viết sai: mỗi dòng là “tên: giá trị”, giá trị có dấu hai chấm hoặc ngoặc kép thì đặt trong ngoặc kép, trường con thụt vào hai dấu cách; ví dụ: published: \"2023-02-28T05:40:48\"",
      },
    ];
  }
  const data = (parsed.frontmatter ?? {}) as Record<string, unknown>;
  const issues = [...fieldIssues(file, lines, data), ...bodyIssues(file, lines)];
  return issues.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** The frontmatter fields against the article schema, one issue per line and message. */
function fieldIssues(file: string, lines: string[], data: Record<string, unknown>): ArticleIssue[] {
  const issues: ArticleIssue[] = [];
  const result = articleSchema.safeParse(data);
  if (!result.success) {
    const seen = new Set<string>();
    for (const issue of result.error.issues) {
      const path = issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[0]!] : issue.path;
      const at = locate(lines, path);
      const message = describeIssue(issue, data);
      const key = message.includes("(ngày viết như trang in)") ? "date-as-printed" : "frontmatter-field";
      // A printed date breaks both the pattern and the calendar check: one message is enough.
      if (seen.has(`${at.line}:${message}`)) continue;
      seen.add(`${at.line}:${message}`);
      issues.push({ file, ...at, key, message });
    }
  }
  return issues;
}

/** The body: import/export lines, unknown components, component props, characters MDX would read as code. */
function bodyIssues(file: string, lines: string[]): ArticleIssue[] {
  const issues: ArticleIssue[] = [];
  const end = lines.indexOf("---", 1);
  const firstBodyLine = end + 2;
  const body = lines.slice(end + 1).join("\n");
  // Only the known components' own imports (older articles) may stay; the renderer drops them.
  body.split("\n").forEach((text, i) => {
    if (!/^(import|export)\s/.test(text) || isComponentImport(text)) return;
    issues.push({ file, line: firstBodyLine + i, column: 1, key: "mdx-esm", message: esmMessage(text) });
  });
  const known = new Set<string>(MDX_COMPONENT_NAMES);
  for (const tag of componentTags(body, firstBodyLine)) {
    if (known.has(tag.name)) continue;
    const { line, column } = tag;
    issues.push({ file, line, column, key: "unknown-component", message: unknownComponentMessage(tag.name) });
  }
  for (const problem of propProblems(body, firstBodyLine)) {
    issues.push({ file, ...problem, key: "component-prop" });
  }
  for (const stray of strayMarkup(body, firstBodyLine)) {
    const { line, column } = stray;
    issues.push({ file, line, column, key: "mdx-character", message: mdxCharacterMessage(stray.char) });
  }
  return issues;
}
