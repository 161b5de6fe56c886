// The preview's renderer, run in its own process (preview-child.ts): the site's Vite and Astro
// configuration (getViteConfig) compiles the article page and its components the way `astro dev`
// does, and Astro's container renders src/pages/tin-tuc/[slug].astro to a string with the props
// its getStaticPaths gives the previewed article, so page, layout and components are the build's.
// The article's body is rendered by the content loader's renderer (preview-content.ts), not
// compiled: no MDX module is made. Nothing is written outside `workDir`: Vite's and Astro's caches.
import { join } from "node:path";
import { experimental_AstroContainer as AstroContainer } from "astro/container";
import { getViteConfig } from "astro/config";
import { createServer, type RunnableDevEnvironment, type ViteDevServer } from "vite";
import type { PreviewResult } from "./preview-types.ts";
import type { PreviewEntry } from "./preview-content.ts";
import { renderErrorMessage } from "./preview-errors.ts";

type ContentModule = typeof import("./preview-content.ts");
type PageModule = {
  default: Parameters<AstroContainer["renderToString"]>[0];
  getStaticPaths(): Promise<{ params: { slug: string }; props: Record<string, unknown> }[]>;
};

export type Renderer = {
  render(text: string, slug: string): Promise<PreviewResult>;
  close(): Promise<void>;
};

const PAGE = "src/pages/tin-tuc/[slug].astro";
const CONTENT = "src/server/newsroom/preview-content.ts";

async function startVite(root: string, workDir: string): Promise<ViteDevServer> {
  const config = await getViteConfig(
    {
      root,
      // No port, no socket, no watcher: modules are asked for by this process only.
      // fs.allow given: Vite would otherwise look for a workspace root in the folders above.
      server: { middlewareMode: true, hmr: false, ws: false, fs: { allow: [root, workDir] } },
      appType: "custom",
      optimizeDeps: { noDiscovery: true, include: [] },
      cacheDir: join(workDir, "vite"),
      logLevel: "silent",
      resolve: { alias: [{ find: /^astro:content$/, replacement: join(root, CONTENT) }] },
    },
    { root, cacheDir: join(workDir, "astro"), logLevel: "silent", devToolbar: { enabled: false } },
  )({ command: "serve", mode: "production" });
  // Merged with Astro's, `watch: null` became {}: a watcher over the whole project.
  return createServer({ ...config, configFile: false, server: { ...config.server, watch: null } });
}

export async function startRenderer(root: string, workDir: string): Promise<Renderer> {
  const server = await startVite(root, workDir);
  const runner = (server.environments.ssr as RunnableDevEnvironment).runner;
  const content = (await runner.import(join(root, CONTENT))) as ContentModule;
  const page = (await runner.import(join(root, PAGE))) as PageModule;
  const { default: siteConfig } = (await import(join(root, "astro.config.mjs"))) as {
    default: { site: string; trailingSlash: "always"; build: { format: "directory" } };
  };
  const { site, trailingSlash, build } = siteConfig;
  const container = await AstroContainer.create({ astroConfig: { site, trailingSlash, build } });

  async function renderEntry(entry: PreviewEntry): Promise<string> {
    content.setPreviewed(entry);
    const paths = await page.getStaticPaths();
    const path = paths.find((p) => p.params.slug === entry.id);
    if (!path) throw new Error(`Trang của bài “${entry.id}” không có trong các trang bài viết.`);
    const url = new URL(`/tin-tuc/${entry.id}/`, site);
    return container.renderToString(page.default, {
      props: path.props,
      params: path.params,
      request: new Request(url),
    });
  }

  return {
    async render(text, slug) {
      // Named as the published file would be; nothing is written.
      const file = join(root, "content", "news", `${slug}.mdx`);
      try {
        const entry = content.readEntry(slug, text, file, true);
        if (!entry) return { ok: false, message: "Phần đầu bài (frontmatter) chưa hợp lệ." };
        return { ok: true, html: await renderEntry(entry) };
      } catch (error) {
        return { ok: false, message: renderErrorMessage(error, file, text) };
      } finally {
        content.setPreviewed(undefined);
      }
    },
    close: () => server.close(),
  };
}
