// The text-only corpus of bench:build: each article's frontmatter and words, without MDX
// components (<Chart>, <DataFigure>, <PhotoCaption>…) or import/export lines.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const FRONTMATTER = /^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/;
// MDX reads a paragraph that starts with import/export as module code, up to the next blank line.
const ESM_START = /^(?:import|export)\s/;
const FENCE = /^\s*(```|~~~)/;

/** Where `index` falls in `text`, as 1-based line:column. */
function lineColumn(text: string, index: number): string {
  const before = text.slice(0, index).split("\n");
  return `${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
}

/**
 * Index just past the `>` that ends the tag opened at `start`, skipping quoted attribute values
 * and `{…}` expressions (which may hold `>`); -1 when the tag never ends.
 */
function tagEnd(text: string, start: number): number {
  let depth = 0;
  let quote = "";
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'" || (c === "`" && depth > 0)) {
      quote = c;
    } else if (c === "{") {
      depth++;
    } else if (c === "}") {
      depth = Math.max(0, depth - 1);
    } else if (c === ">" && depth === 0) {
      return i + 1;
    }
  }
  return -1;
}

// A component tag: `<Name`, `</Name` or `<Name.Part` (capitalised, as MDX tells them from HTML).
const COMPONENT_TAG = /<\/?[A-Z][\w.]*(?=[\s/>])/g;

/** Drop component tags from one stretch of prose, keeping what they wrap. */
function stripTags(text: string, offset: number, whole: string, file: string): string {
  let out = "";
  let last = 0;
  for (const match of text.matchAll(COMPONENT_TAG)) {
    const at = match.index;
    if (at < last) continue;
    const end = tagEnd(text, at + match[0].length);
    if (end === -1) {
      throw new Error(
        `${file}:${lineColumn(whole, offset + at)}: thẻ ${match[0]} không có dấu > đóng; ` +
          `sửa bài cho thẻ đóng đúng, ví dụ <Chart id="…" /> hoặc <PhotoCaption>…</PhotoCaption>.`,
      );
    }
    out += text.slice(last, at);
    last = end;
  }
  return out + text.slice(last);
}

/**
 * The article as plain MDX prose: frontmatter unchanged; import/export paragraphs removed;
 * component elements removed with their words kept (a <PhotoCaption>'s caption stays as a
 * paragraph, a <DataFigure>'s number stays in its sentence, a self-closing <Chart /> goes).
 * Fenced code is left as it is. Runs of blank lines left behind become one.
 */
export function stripComponents(text: string, file = "article"): string {
  const front = FRONTMATTER.exec(text)?.[0] ?? "";
  const body = text.slice(front.length);
  const lines = body.split("\n");
  const kept: string[] = [];
  let inEsm = false;
  let paragraphStart = true;
  let fence = "";
  let prose: string[] = [];
  let proseStart = front.length;
  let offset = front.length;
  const flush = () => {
    if (prose.length === 0) return;
    kept.push(...stripTags(prose.join("\n"), proseStart, text, file).split("\n"));
    prose = [];
  };
  for (const line of lines) {
    const lineOffset = offset;
    offset += line.length + 1;
    if (fence) {
      kept.push(line);
      if (line.trim().startsWith(fence)) {
        fence = "";
        paragraphStart = false;
      }
      continue;
    }
    const opening = FENCE.exec(line);
    if (opening) {
      flush();
      fence = opening[1]!;
      kept.push(line);
      paragraphStart = false;
      continue;
    }
    const blank = line.trim() === "";
    if (inEsm) {
      if (!blank) continue;
      inEsm = false;
    } else if (paragraphStart && ESM_START.test(line)) {
      flush();
      inEsm = true;
      continue;
    }
    paragraphStart = blank;
    if (prose.length === 0) proseStart = lineOffset;
    prose.push(line);
  }
  flush();
  const cleaned = kept
    .map((line) => (line.trim() === "" ? "" : line))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\n+/, "\n");
  return `${front}${cleaned.trimEnd()}\n`;
}

/** Write the text-only copy of every `.mdx` article of `fromDir` into `toDir` (emptied first). */
export function writeTextCorpus(fromDir: string, toDir: string): string[] {
  rmSync(toDir, { recursive: true, force: true });
  mkdirSync(toDir, { recursive: true });
  const names = readdirSync(fromDir)
    .filter((name) => name.endsWith(".mdx"))
    .sort();
  for (const name of names) {
    const path = join(fromDir, name);
    writeFileSync(join(toDir, name), stripComponents(readFileSync(path, "utf8"), path));
  }
  return names;
}
