// Benchmark corpus: N articles made of the real ones plus renamed copies, in a folder of its own.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";

export interface SourceArticle {
  /** File name without `.mdx`: the entry id and URL slug. */
  slug: string;
  path: string;
  text: string;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(\r?\n|$)/;
const TITLE_LINE = /^title:[ \t]*(.*?)[ \t]*$/m;
// Relative module specifiers in ESM imports/exports: `from "../x"` and bare `import "./x"`.
const IMPORT_SPECIFIER = /(\bfrom\s*|\bimport\s*)(["'])(\.{1,2}\/[^"'\n]+)\2/g;
// Relative Markdown image paths: `![alt](./photo.jpg)`.
const IMAGE_PATH = /(!\[[^\]\n]*\]\()(\.{1,2}\/[^)\s]+)/g;

export function readSourceArticles(dir: string): SourceArticle[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(".mdx"))
    .sort();
  if (files.length === 0) throw new Error(`No .mdx articles in ${dir}: nothing to copy.`);
  return files.map((name) => {
    const path = join(dir, name);
    return { slug: basename(name, ".mdx"), path, text: readFileSync(path, "utf8") };
  });
}

/** Append `suffix` to the frontmatter title, keeping its YAML quoting valid. */
export function suffixTitle(text: string, suffix: string, file = "article"): string {
  const front = FRONTMATTER.exec(text);
  if (!front) throw new Error(`${file}: no frontmatter block`);
  const yaml = front[1] ?? "";
  const line = TITLE_LINE.exec(yaml);
  if (!line) throw new Error(`${file}: frontmatter has no single-line title`);
  const value = line[1] ?? "";
  let next: string;
  if (/^"(?:[^"\\]|\\.)*"$/.test(value) || /^'(?:[^']|'')*'$/.test(value)) {
    next = `${value.slice(0, -1)}${suffix}${value.slice(-1)}`;
  } else if (value === "" || /^[|>]/.test(value)) {
    throw new Error(`${file}: block-scalar titles are not supported by the benchmark copier`);
  } else {
    next = `${value}${suffix}`;
  }
  const newYaml = yaml.replace(TITLE_LINE, `title: ${next}`);
  const start = front[0].indexOf(yaml);
  return text.slice(0, start) + newYaml + text.slice(start + yaml.length);
}

/** Re-point relative imports and image paths written for `fromDir` so they resolve from `toDir`. */
export function rebaseRelativePaths(text: string, fromDir: string, toDir: string): string {
  const rebase = (spec: string): string => {
    const moved = relative(toDir, resolve(fromDir, spec)).split(sep).join("/");
    return moved.startsWith(".") ? moved : `./${moved}`;
  };
  return text
    .replace(IMPORT_SPECIFIER, (_m, lead: string, q: string, spec: string) => {
      return `${lead}${q}${rebase(spec)}${q}`;
    })
    .replace(IMAGE_PATH, (_m, lead: string, spec: string) => `${lead}${rebase(spec)}`);
}

/**
 * Write `size` articles into `outDir`: the real ones unchanged (so dataset and chart links to
 * them stay valid), then copies `<slug>-ban-sao-<k>` titled "… (bản sao k)", round-robin.
 */
export function writeCorpus(sources: SourceArticle[], size: number, outDir: string): string[] {
  if (size < sources.length) {
    throw new Error(`Size ${size} is smaller than the ${sources.length} real articles.`);
  }
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const slugs: string[] = [];
  for (const source of sources) {
    const text = rebaseRelativePaths(source.text, dirname(source.path), outDir);
    writeFileSync(join(outDir, `${source.slug}.mdx`), text);
    slugs.push(source.slug);
  }
  for (let k = 1; k <= size - sources.length; k++) {
    const source = sources[(k - 1) % sources.length]!;
    const slug = `${source.slug}-ban-sao-${k}`;
    const titled = suffixTitle(source.text, ` (bản sao ${k})`, source.path);
    writeFileSync(
      join(outDir, `${slug}.mdx`),
      rebaseRelativePaths(titled, dirname(source.path), outDir),
    );
    slugs.push(slug);
  }
  return slugs;
}

const PUBLISHED_LINE = /^published:[ \t]*"?([^"\n]*)"?[ \t]*$/m;

/**
 * One more article, as staff publish one: a copy of the newest real article under a new slug
 * `<slug>-bai-moi-<k>`, titled "… (bài mới k)", dated after every article (1 January 2030 plus k
 * days). Returns its slug.
 */
export function writeNewArticle(sources: SourceArticle[], outDir: string, k: number): string {
  const dated = sources
    .map((s) => ({ s, published: PUBLISHED_LINE.exec(s.text)?.[1] }))
    .filter((d) => d.published !== undefined)
    .sort((a, b) => (a.published! < b.published! ? 1 : -1));
  const source = dated[0]?.s ?? sources[0]!;
  const day = new Date(Date.UTC(2030, 0, 1 + k)).toISOString().slice(0, 10);
  const slug = `${source.slug}-bai-moi-${k}`;
  let text = suffixTitle(source.text, ` (bài mới ${k})`, source.path);
  text = PUBLISHED_LINE.test(text)
    ? text.replace(PUBLISHED_LINE, `published: "${day}T08:00:00"`)
    : text.replace(/^---\r?\n/, `---\npublished: "${day}T08:00:00"\n`);
  writeFileSync(
    join(outDir, `${slug}.mdx`),
    rebaseRelativePaths(text, dirname(source.path), outDir),
  );
  return slug;
}
