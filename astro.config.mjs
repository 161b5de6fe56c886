import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import { compileHints } from "./src/lib/build/compile-hints.ts";
import { DEFAULT_CACHE_DIR } from "./src/lib/build/paths.ts";
import { onRolldownLog } from "./src/lib/build/rolldown-log.ts";
import { RETIRED_CHARTS } from "./src/lib/chart-pages/retired.ts";
import { MDX_FEATURES } from "./src/lib/content/mdx-features.ts";

// Not in the sitemap: comments (filled per article by the server), embeds (their chart page is the
// address), and retired chart ids (pages that only say where the chart went).
const retired = new Set(RETIRED_CHARTS.map((r) => `/bieu-do/${r.id}/`));
function inSitemap(page) {
  const path = new URL(page).pathname;
  return (
    !path.startsWith("/binh-luan/") &&
    !/^\/bieu-do\/[^/]+\/nhung\/$/.test(path) &&
    !retired.has(path)
  );
}

// The public address, for canonical URLs, feeds and the sitemap; set SITE_URL when deploying.
const site = process.env.SITE_URL ?? "http://localhost:4321";

export default defineConfig({
  site,
  // The staged build (src/cli/build.ts) writes elsewhere and swaps only on success.
  outDir: process.env.ASTRO_OUT_DIR ?? "dist",
  // A test builds with its own copy of public/ (tests/site/search-build.test.ts).
  publicDir: process.env.ASTRO_PUBLIC_DIR ?? "./public",
  // Separate caches let two builds run side by side (benchmarks, parallel checks).
  cacheDir: process.env.ASTRO_CACHE_DIR ?? DEFAULT_CACHE_DIR,
  trailingSlash: "always",
  // Articles are published as the sources print them: no "smart" quotes or ellipses rewritten.
  // Article bodies are rendered by the news loader (src/lib/content/article-body.ts) with the same
  // features; the integration stays for any other .mdx.
  integrations: [
    mdx({ gfm: MDX_FEATURES.gfm, smartypants: MDX_FEATURES.smartPunctuation }),
    sitemap({ filter: inSitemap }),
  ],
  // Pages render 8 at a time: writing one page's file overlaps rendering the next. All CSS is one
  // linked, cached file, and scripts are files too: readers load each once, not again inline in
  // every page they open.
  build: { format: "directory", concurrency: 8, inlineStylesheets: "never" },
  // Pages whose getStaticPaths() gives a cacheKey (articles, lists: src/lib/build/cache-keys.ts)
  // are copied from the last build in cacheDir when their key and code are unchanged. Astro 7.3
  // keeps the cache with concurrency 8 (7.2 turned it off above 1). `npm run build -- --force`
  // renders every page again.
  experimental: { incrementalBuild: true },
  vite: {
    // The search script is compiled while /tim-kiem/ loads, not inside the first query.
    plugins: [compileHints(["src/scripts/search.ts"])],
    build: {
      cssCodeSplit: false,
      assetsInlineLimit: 0,
      // Drops Astro's one-per-article "use astro:head-inject" warning; every other log is kept.
      rolldownOptions: { onLog: onRolldownLog },
    },
  },
});
