// The relative imports of every module in src/, read with TypeScript's own pre-parser: the
// architecture tests (circles, layers) walk this graph.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, extname, join, resolve } from "node:path";
import ts from "typescript";

export const SRC = resolve(import.meta.dirname, "../../src");

export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return [".ts", ".astro"].includes(extname(entry.name)) ? [path] : [];
  });
}

/** The code of a module: an Astro component's frontmatter and its <script> blocks. */
function codeOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  if (!file.endsWith(".astro")) return [text];
  const frontmatter = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? "";
  const scripts = [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  return [frontmatter, ...scripts];
}

/** The relative imports and re-exports of a module, resolved to paths (query strings dropped). */
export function importsOf(file: string): string[] {
  return codeOf(file).flatMap((code) =>
    ts
      .preProcessFile(code, true, true)
      .importedFiles.map((f) => f.fileName.replace(/\?.*$/, ""))
      .filter((name) => name.startsWith("."))
      .map((name) => resolve(dirname(file), name)),
  );
}
