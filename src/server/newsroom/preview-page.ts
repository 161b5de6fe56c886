// The rendered page made into the page the published site serves: the renderer compiles the site
// the way `astro dev` does, so its files are addressed by source path (/src/styles/fonts/x.woff2)
// where the build gives /_astro/x.<hash>.woff2, and the one stylesheet the build links is not
// there. Both come from the published dist/. Scripts are dropped: the preview is shown in a
// sandboxed frame that runs none, and a dev script's address names a folder of the server.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export type PublishedAssets = {
  /** The <link rel="stylesheet"> tags a published page carries, as written there. */
  stylesheets: string[];
  /** File name without its hash ("noto-serif-400.woff2") -> its address ("/_astro/noto-serif-400.DVNZ8wgk.woff2"). */
  files: Map<string, string>;
};

/** What a page of `distDir` links; undefined when there is no published build to take it from. */
export function readPublishedAssets(distDir: string): PublishedAssets | undefined {
  const page = ["index.html", "404.html"].map((n) => join(distDir, n)).find((p) => existsSync(p));
  const astroDir = join(distDir, "_astro");
  if (!page || !existsSync(astroDir)) return undefined;
  const stylesheets =
    readFileSync(page, "utf8").match(/<link\b[^>]*\brel="stylesheet"[^>]*>/g) ?? [];
  const files = new Map<string, string>();
  for (const name of readdirSync(astroDir)) {
    // Vite names an asset <name>.<8-character hash>.<ext>.
    const plain = /^(.+)\.[\w-]{8}\.(\w+)$/.exec(name);
    if (plain) files.set(`${plain[1]}.${plain[2]}`, `/_astro/${name}`);
  }
  return { stylesheets, files };
}

const EXECUTABLE = /^(|module|text\/javascript|application\/javascript)$/i;

/** Without the scripts a browser would run; data blocks (JSON-LD) stay. */
export function withoutScripts(html: string): string {
  return html.replace(/<script\b([^>]*)>[\s\S]*?<\/script>/g, (script, attrs: string) => {
    const type = /\btype="([^"]*)"/.exec(attrs)?.[1] ?? "";
    return EXECUTABLE.test(type) ? "" : script;
  });
}

/** The dev renderer's page as the build writes it: doctype, built asset addresses, the stylesheet. */
export function asPublished(html: string, assets: PublishedAssets): string {
  const addressed = html.replace(
    /"\/(?:src|@fs)\/[^"?]*\/([^"/?]+)(?:\?[^"]*)?"/g,
    (quoted, name: string) => {
      const built = assets.files.get(name);
      return built ? `"${built}"` : quoted;
    },
  );
  const styled = addressed.replace("</head>", `${assets.stylesheets.join("")}</head>`);
  const page = withoutScripts(styled);
  return /^<!DOCTYPE/i.test(page) ? page : `<!DOCTYPE html>${page}`;
}
