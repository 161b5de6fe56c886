// The baseline: a bare Astro + MDX site over the same articles, written fresh before each run.
// Packages resolve from the repository's node_modules by Node's upward lookup (.bench/bare → ../..).
// Articles use the portal's components without import lines; BENCH_MDX_COMPONENTS names the
// module that provides them (the portal's own), and without it the site provides none (for the
// text-only articles, which have no components to render).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const FILES: Record<string, string> = {
  "package.json": JSON.stringify({ name: "bench-bare-site", private: true, type: "module" }),
  "astro.config.mjs": `import { fileURLToPath } from "node:url";
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";

export default defineConfig({
  site: "http://localhost:4321",
  outDir: process.env.ASTRO_OUT_DIR ?? "dist",
  cacheDir: process.env.ASTRO_CACHE_DIR ?? "./node_modules/.astro",
  trailingSlash: "always",
  // Same Markdown options as the portal, so both sites turn the same text into the same HTML.
  integrations: [mdx({ smartypants: false })],
  vite: {
    resolve: {
      alias: {
        "bench:mdx-components":
          process.env.BENCH_MDX_COMPONENTS ||
          fileURLToPath(new URL("./src/no-components.ts", import.meta.url)),
      },
    },
  },
  // Astro's default (one page at a time) unless bench:build -- --bare-concurrency N asks otherwise.
  build: {
    format: "directory",
    ...(process.env.BENCH_BARE_CONCURRENCY
      ? { concurrency: Number(process.env.BENCH_BARE_CONCURRENCY) }
      : {}),
  },
});
`,
  "src/content.config.ts": `import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";

if (!process.env.NEWS_DIR) throw new Error("NEWS_DIR is required");

export const collections = {
  news: defineCollection({ loader: glob({ pattern: "**/*.mdx", base: process.env.NEWS_DIR }) }),
};
`,
  "src/no-components.ts": "export const MDX_COMPONENTS = {};\n",
  "src/layouts/Base.astro": `---
interface Props {
  title: string;
}
const { title } = Astro.props;
---

<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{title}</title>
  </head>
  <body>
    <main><slot /></main>
  </body>
</html>
`,
  "src/pages/index.astro": `---
import { getCollection } from "astro:content";
import Base from "../layouts/Base.astro";

const news = await getCollection("news");
---

<Base title="Tin tức">
  <h1>Tin tức</h1>
  <ul>
    {news.map((entry) => <li><a href={\`/tin-tuc/\${entry.id}/\`}>{String(entry.data.title)}</a></li>)}
  </ul>
</Base>
`,
  "src/pages/tin-tuc/[slug].astro": `---
import { getCollection, render } from "astro:content";
import { MDX_COMPONENTS } from "bench:mdx-components";
import Base from "../../layouts/Base.astro";

export async function getStaticPaths() {
  const news = await getCollection("news");
  return news.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}

const { entry } = Astro.props;
const { Content } = await render(entry);
---

<Base title={String(entry.data.title)}>
  <article>
    <h1>{String(entry.data.title)}</h1>
    <Content components={MDX_COMPONENTS} />
  </article>
</Base>
`,
};

/** Write the bare site into `root`, replacing whatever an earlier run left there. */
export function writeBareSite(root: string): void {
  rmSync(root, { recursive: true, force: true });
  for (const [path, text] of Object.entries(FILES)) {
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}
