// Pure measurements of a built page: HTML up to its first chart, its JavaScript, its inline SVGs.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";

export function gzipBytes(text: string | Uint8Array): number {
  return gzipSync(text).length;
}

/** The HTML up to and including the first chart's `</svg>`; undefined when the page has none. */
export function htmlToFirstChart(html: string): string | undefined {
  const start = html.indexOf('class="chart-svg');
  if (start === -1) return undefined;
  const end = html.indexOf("</svg>", start);
  return end === -1 ? undefined : html.slice(0, end + "</svg>".length);
}

/** Each inline chart: its id and its markup. */
export function inlineCharts(html: string): { id: string; svg: string }[] {
  const charts: { id: string; svg: string }[] = [];
  // Every layout of a chart (class="chart-svg chart-svg--<layout>").
  const pattern = /<svg[^>]*class="chart-svg[ "][^>]*>[\s\S]*?<\/svg>/g;
  for (const match of html.matchAll(pattern)) {
    const id = /data-chart="([^"]+)"/.exec(match[0])?.[1] ?? "?";
    charts.push({ id, svg: match[0] });
  }
  return charts;
}

/** Inline script bodies and external script URLs of a page. */
export function pageScripts(html: string): { inline: string[]; src: string[] } {
  const inline: string[] = [];
  const src: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attrs = match[1] ?? "";
    const url = /\ssrc="([^"]+)"/.exec(attrs)?.[1];
    if (url) src.push(url);
    else if (!/type="application\/(ld\+)?json"/.test(attrs)) inline.push(match[2] ?? "");
  }
  return { inline, src };
}

/** Static and dynamic `import` specifiers of a module, as written. */
export function moduleImports(code: string): string[] {
  const found = new Set<string>();
  // Minified output writes `}from"./x.js"` with no space before `from`.
  for (const m of code.matchAll(
    /(?:import|export)\s*(?:[^'"();]*?from\s*)?["']([^"']+\.js)["']/g,
  )) {
    found.add(m[1]!);
  }
  for (const m of code.matchAll(/import\(\s*["']([^"']+\.js)["']\s*\)/g)) found.add(m[1]!);
  return [...found];
}

/** gzip bytes of every script the page runs: inline ones, and files with their imports. */
export function javascriptBytes(dist: string, html: string): { bytes: number; files: number } {
  const { inline, src } = pageScripts(html);
  let bytes = inline.reduce((sum, code) => sum + gzipBytes(code), 0);
  const seen = new Set<string>();
  const queue = [...src];
  // Inline modules can import chunks too.
  for (const code of inline)
    queue.push(...moduleImports(code).map((u) => new URL(u, "http://x/_astro/").pathname));
  while (queue.length > 0) {
    const url = queue.shift()!;
    const path = new URL(url, "http://x/").pathname;
    if (seen.has(path)) continue;
    seen.add(path);
    const file = join(dist, path);
    if (!existsSync(file)) continue;
    const code = readFileSync(file, "utf8");
    bytes += gzipBytes(code);
    const dir = dirname(path);
    queue.push(...moduleImports(code).map((u) => new URL(u, `http://x${dir}/`).pathname));
  }
  return { bytes, files: seen.size };
}

/** What a reader's browser fetched for one page: bytes on the wire, by resource, and elements. */
export type PageLoad = {
  /** Bytes transferred (compressed, headers included), the page and everything it loaded. */
  bytes: number;
  /** Bytes of font files among them. */
  fontBytes: number;
  resources: { url: string; bytes: number }[];
  /** Elements in the document once loaded. */
  elements: number;
};

/**
 * Loads `url` in a fresh context of `browser` (a phone-sized window, empty cache) and counts the
 * bytes Chromium received for it, as the DevTools network panel does (encodedDataLength).
 */
export async function measureLoad(
  browser: import("playwright-core").Browser,
  url: string,
): Promise<PageLoad> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    const urls = new Map<string, string>();
    const sizes = new Map<string, number>();
    cdp.on("Network.responseReceived", (e) => urls.set(e.requestId, e.response.url));
    cdp.on("Network.loadingFinished", (e) => sizes.set(e.requestId, e.encodedDataLength));
    await page.goto(url, { waitUntil: "networkidle" });
    await page.evaluate(() => document.fonts.ready);
    const elements = await page.evaluate(() => document.getElementsByTagName("*").length);
    const resources = [...sizes].map(([id, bytes]) => ({ url: urls.get(id) ?? "?", bytes }));
    const sum = (list: { bytes: number }[]) => list.reduce((n, r) => n + r.bytes, 0);
    return {
      bytes: sum(resources),
      fontBytes: sum(resources.filter((r) => /\.woff2?(\?|$)/.test(r.url))),
      resources: resources.sort((a, b) => b.bytes - a.bytes),
      elements,
    };
  } finally {
    await context.close();
  }
}
