// The loader of the "news" collection: each article file's frontmatter checked by the schema and
// its body rendered to HTML with component slots (article-body.ts), kept in Astro's data store
// (cacheDir, carried between builds) under the file's digest. A rebuild renders only the files
// that changed, and no article becomes a module: the bundle is the same for 10 or 30,000 articles.
import { promises as fs } from "node:fs";
import { join, relative, sep } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Loader, LoaderContext } from "astro/loaders";
import { parseFrontmatter } from "astro/markdown";
import { renderedBody } from "./article-body.ts";

/** The renderer's own sources and parser version: when they change, every body is rendered again. */
const RENDERER_FILES = [
  "article-body.ts",
  "literal.ts",
  "body-messages.ts",
  "mdx-components.ts",
  "mdx-features.ts",
];

async function rendererVersion(ctx: LoaderContext): Promise<string> {
  const read = (url: URL) => fs.readFile(url, "utf8");
  const sources = RENDERER_FILES.map((name) => read(new URL(`./${name}`, import.meta.url)));
  const satteri = pathToFileURL(createRequire(import.meta.url).resolve("satteri"));
  const parser = read(new URL("../package.json", satteri));
  return ctx.generateDigest((await Promise.all([...sources, parser])).join("\0"));
}

type Sync = { ctx: LoaderContext; dir: string; version: string };

/** The article as the store keeps it (`rendered.metadata.segments`: what the page renders). */
async function syncFile({ ctx, dir, version }: Sync, name: string): Promise<string> {
  const path = join(dir, name);
  const id = name.slice(0, -".mdx".length).split(sep).join("/");
  const text = await fs.readFile(path, "utf8");
  const digest = ctx.generateDigest(`${version}\n${text}`);
  if (ctx.store.get(id)?.digest === digest) return id;
  const root = fileURLToPath(ctx.config.root);
  const filePath = relative(root, path).split(sep).join("/");
  // Blanked, not removed: the body keeps the file's lines and columns for error messages.
  const { frontmatter, content } = parseFrontmatter(text, { frontmatter: "empty-with-spaces" });
  const data = await ctx.parseData({ id, data: frontmatter, filePath: path });
  const rendered = renderedBody(content, filePath);
  ctx.store.set({ id, data, body: content.trim(), filePath, digest, rendered });
  return id;
}

async function mdxFiles(dir: string): Promise<string[]> {
  const names = await fs.readdir(dir, { recursive: true }).catch(() => []);
  return names.filter((n) => n.endsWith(".mdx")).sort();
}

function watch(sync: Sync): void {
  const { ctx, dir } = sync;
  const { watcher, logger, store } = ctx;
  if (!watcher) return;
  watcher.add(dir);
  const inDir = (path: string) => path.startsWith(dir + sep) && path.endsWith(".mdx");
  const onChange = async (path: string) => {
    if (!inDir(path)) return;
    try {
      await syncFile(sync, relative(dir, path));
      logger.info(`Đã đọc lại ${relative(dir, path)}`);
    } catch (error) {
      logger.error((error as Error).message);
    }
  };
  watcher.on("change", onChange);
  watcher.on("add", onChange);
  watcher.on("unlink", (path: string) => {
    if (inDir(path)) store.delete(relative(dir, path).slice(0, -".mdx".length).split(sep).join("/"));
  });
}

/** Every `.mdx` file of `base` (relative to the project root), as the glob loader read them. */
export function articleLoader(base: string): Loader {
  return {
    name: "article-loader",
    async load(ctx) {
      const dir = fileURLToPath(new URL(base.endsWith("/") ? base : `${base}/`, ctx.config.root)).replace(/[\\/]$/, "");
      const sync = { ctx, dir, version: await rendererVersion(ctx) };
      const kept = new Set<string>();
      for (const name of await mdxFiles(dir)) kept.add(await syncFile(sync, name));
      for (const id of ctx.store.keys()) if (!kept.has(id)) ctx.store.delete(id);
      watch(sync);
    },
  };
}
