// The built site (DIST): every page type exists, metadata is complete, pagination, RSS, sitemap,
// internal links resolve and nothing is loaded from another host.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ARTICLES_PER_PAGE, OTHER_NEWS_COUNT, RSS_ITEMS, TOPIC_IDS } from "../../src/consts.ts";
import { DIST, ROOT } from "../helpers/server.ts";
import { RETIRED_CHARTS } from "../../src/lib/chart-pages/retired.ts";

type Tag = { name: string; attrs: Record<string, string> };

/** Start tags with their attributes; enough for Astro's output (quoted attributes, no scripts containing tags). */
function tags(html: string, name?: string): Tag[] {
  const out: Tag[] = [];
  for (const m of html.matchAll(
    /<([a-zA-Z][\w-]*)((?:\s+[^\s=>/]+(?:=(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g,
  )) {
    const tagName = m[1]!.toLowerCase();
    if (name && tagName !== name) continue;
    const attrs: Record<string, string> = {};
    for (const a of m[2]!.matchAll(/([^\s=>/]+)(?:=(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      attrs[a[1]!.toLowerCase()] = decode(a[2] ?? a[3] ?? a[4] ?? "");
    }
    out.push({ name: tagName, attrs });
  }
  return out;
}

function decode(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function text(html: string): string {
  return decode(
    html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, "").replace(/<[^>]+>/g, " "),
  )
    .replace(/\s+/g, " ")
    .trim();
}

function meta(html: string, key: string): string | undefined {
  return tags(html, "meta").find((t) => t.attrs.name === key || t.attrs.property === key)?.attrs
    .content;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** URL path of a built page file: dist/tin-tuc/x/index.html -> /tin-tuc/x/. */
function urlPath(file: string): string {
  const rel = relative(DIST, file).split("\\").join("/");
  if (rel === "404.html") return "/404.html";
  return `/${rel.replace(/index\.html$/, "")}`;
}

/** The article's own locality and topic links (not the sidebar's). */
function termLinks(html: string, prefix: string): string[] {
  const terms = html.match(/<dl class="article-terms"[\s\S]*?<\/dl>/)?.[0] ?? "";
  return tags(terms, "a")
    .map((t) => t.attrs.href!)
    .filter((h) => h?.startsWith(prefix));
}

/** The `datetime` of the article's own date (in its header), undefined when undated. */
function articleDatetime(slug: string): string | undefined {
  const header = page(`/tin-tuc/${slug}/`).match(
    /<header class="article-header"[\s\S]*?<\/header>/,
  )![0];
  return tags(header, "time")[0]?.attrs.datetime;
}

/** A `<time datetime>` as an instant: a bare day (as the source gives it) starts at 00:00 in Vietnam. */
function instant(datetime: string): number {
  return Date.parse(datetime.includes("T") ? datetime : `${datetime}T00:00+07:00`);
}

function page(path: string): string {
  return readFileSync(join(DIST, path, "index.html"), "utf8");
}

/** Whether a site path names a file the server would serve. */
function resolves(path: string): boolean {
  const clean = decodeURIComponent(path.split(/[?#]/)[0]!);
  const target = join(DIST, clean);
  if (clean.endsWith("/")) return existsSync(join(target, "index.html"));
  return existsSync(target) && statSync(target).isFile();
}

/** Minimal XML well-formedness: every element closes, in order; one root. */
function checkXml(xml: string): void {
  const body = xml
    .replace(/<\?xml[^>]*\?>/, "")
    .replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "")
    .replace(/<!--[\s\S]*?-->/g, "");
  const stack: string[] = [];
  let roots = 0;
  for (const m of body.matchAll(/<(\/?)([\w:.-]+)[^>]*?(\/?)>/g)) {
    const [, close, name, selfClose] = m;
    if (close) {
      expect(stack.pop(), `</${name}> closes the open element`).toBe(name);
    } else if (!selfClose) {
      if (stack.length === 0) roots++;
      stack.push(name!);
    } else if (stack.length === 0) roots++;
  }
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
  expect(body.replace(/<[^>]*>/g, "")).not.toMatch(/&(?!(amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);)/i);
}

const slugs = readdirSync(join(ROOT, process.env.NEWS_DIR || "content/news"))
  .filter((f) => f.endsWith(".mdx"))
  .map((f) => f.replace(/\.mdx$/, ""))
  .sort();

let htmlFiles: string[] = [];
let site = "";

beforeAll(() => {
  expect(existsSync(join(DIST, "index.html")), `no build in ${DIST}; run npm run build`).toBe(true);
  htmlFiles = walk(DIST).filter((f) => f.endsWith(".html"));
  site = new URL(tags(page("/"), "link").find((t) => t.attrs.rel === "canonical")!.attrs.href!)
    .origin;
});

describe("page types", () => {
  it("has the home, list, every article, locality and topic indexes, every topic, 404, RSS, sitemap", () => {
    expect(slugs.length).toBeGreaterThanOrEqual(5);
    const required = [
      "index.html",
      "tin-tuc/index.html",
      ...slugs.map((s) => `tin-tuc/${s}/index.html`),
      "dia-phuong/index.html",
      "chu-de/index.html",
      ...TOPIC_IDS.map((t) => `chu-de/${t}/index.html`),
      "404.html",
      "rss.xml",
      "sitemap-index.xml",
      "favicon.svg",
      "og-image.png",
    ];
    for (const file of required) expect(existsSync(join(DIST, file)), file).toBe(true);
  });

  it("links each article to its topic, province (and district) pages, which exist", () => {
    const index = page("/dia-phuong/");
    for (const slug of slugs) {
      const html = page(`/tin-tuc/${slug}/`);
      const places = termLinks(html, "/dia-phuong/");
      const topics = termLinks(html, "/chu-de/");
      expect(places.length, slug).toBeGreaterThanOrEqual(1);
      expect(topics.length, slug).toBeGreaterThanOrEqual(1);
      for (const href of [...places, ...topics]) expect(resolves(href), href).toBe(true);
      // Which pages list the article is checked with pagination below.
      for (const href of places) expect(index).toContain(`href="${href}"`);
    }
  });
});

/** A chart's embed (/bieu-do/<id>/nhung/): the chart alone for another site's iframe, no site frame. */
const isEmbed = (path: string) => /^\/bieu-do\/[^/]+\/nhung\/$/.test(path);

describe("every HTML page", () => {
  it("is Vietnamese, titled, described, with a skip link to <main id=main>", () => {
    for (const file of htmlFiles) {
      const html = readFileSync(file, "utf8");
      const where = relative(DIST, file);
      expect(html, where).toMatch(/^<!DOCTYPE html><html lang="vi"/i);
      expect(html, where).toContain('<meta charset="utf-8">');
      expect(meta(html, "viewport"), where).toContain("width=device-width");
      expect(html.match(/<title>([^<]+)<\/title>/)?.[1]?.trim(), where).toBeTruthy();
      expect(meta(html, "description"), where).toBeTruthy();
      expect(html.match(/<h1[\s>]/g), where).toHaveLength(1);
      // Embeds have no header to skip, no <main> and no site links (tests/site/embeds.test.ts).
      if (isEmbed(urlPath(file))) continue;
      expect(html, where).toMatch(
        /<a class="skip-link" href="#main">Bỏ qua đến nội dung chính<\/a>/,
      );
      expect(
        tags(html, "main").filter((t) => t.attrs.id === "main"),
        where,
      ).toHaveLength(1);
      const links = tags(html, "link");
      expect(
        links.some((t) => t.attrs.rel === "icon" && t.attrs.href === "/favicon.svg"),
        where,
      ).toBe(true);
      expect(
        links.some((t) => t.attrs.rel === "alternate" && t.attrs.type === "application/rss+xml"),
        where,
      ).toBe(true);
    }
  });

  it("has a canonical URL of its own address and Open Graph / Twitter tags (404: noindex)", () => {
    for (const file of htmlFiles) {
      const html = readFileSync(file, "utf8");
      const path = urlPath(file);
      const canonical = tags(html, "link").find((t) => t.attrs.rel === "canonical")?.attrs.href;
      // A retired chart id's page only says where the chart went (src/lib/chart-pages/retired.ts).
      if (path === "/404.html" || RETIRED_CHARTS.some((r) => path === `/bieu-do/${r.id}/`)) {
        expect(meta(html, "robots")).toBe("noindex");
        expect(canonical).toBeUndefined();
        continue;
      }
      if (isEmbed(path)) {
        // Not for search engines or sharing: the chart's page is its address.
        expect(meta(html, "robots"), path).toBe("noindex");
        expect(canonical, path).toBe(`${site}${path.replace(/nhung\/$/, "")}`);
        continue;
      }
      expect(canonical, path).toBe(`${site}${path}`);
      expect(meta(html, "og:url"), path).toBe(canonical);
      expect(meta(html, "og:title"), path).toBeTruthy();
      expect(meta(html, "og:description"), path).toBeTruthy();
      expect(meta(html, "og:locale"), path).toBe("vi_VN");
      expect(meta(html, "twitter:card"), path).toBe("summary_large_image");
      // Charts, articles and datasets share a card of their own (tests/site/previews.test.ts).
      const own = /^\/(bieu-do|tin-tuc|du-lieu)\/([^/]+)\/$/.exec(path);
      const image =
        own && !path.startsWith("/tin-tuc/trang/")
          ? `${site}/anh-xem-truoc/${own[1]}/${own[2]}.png`
          : `${site}/og-image.png`;
      expect(meta(html, "og:image"), path).toBe(image);
      expect(meta(html, "twitter:image"), path).toBe(image);
      expect(existsSync(join(DIST, new URL(image).pathname)), image).toBe(true);
      expect(meta(html, "og:type"), path).toBe(
        path.match(/^\/tin-tuc\/[^/]+\/$/) && !path.startsWith("/tin-tuc/trang/")
          ? "article"
          : "website",
      );
    }
  });

  it("links only to pages and files that exist", () => {
    const broken: string[] = [];
    for (const file of htmlFiles) {
      const html = readFileSync(file, "utf8");
      for (const t of tags(html)) {
        for (const key of ["href", "src"]) {
          const v = t.attrs[key];
          if (v?.startsWith("/") && !v.startsWith("//") && !resolves(v)) {
            broken.push(`${relative(DIST, file)} -> ${v}`);
          }
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it("keeps the space between words and links (no 'tại<a>' from collapsed line breaks)", () => {
    const glued: string[] = [];
    for (const file of htmlFiles) {
      const html = readFileSync(file, "utf8").replace(/<script[\s\S]*?<\/script>/g, "");
      for (const m of html.matchAll(/\p{L}<a\s[^>]*>[^<]{0,20}|<\/a>\p{L}[^<]{0,10}/gu)) {
        glued.push(`${relative(DIST, file)}: ${m[0]}`);
      }
    }
    expect(glued).toEqual([]);
  });

  it("references no other host in src, href, srcset, content or CSS url()", () => {
    const foreign: string[] = [];
    const check = (where: string, value: string) => {
      for (const m of value.matchAll(/(?:https?:)?\/\/[^\s"'(),]+/g)) {
        const url = m[0].startsWith("//") ? `http:${m[0]}` : m[0];
        if (new URL(url).origin !== site) foreign.push(`${where}: ${m[0]}`);
      }
    };
    for (const file of walk(DIST)) {
      const where = relative(DIST, file);
      if (file.endsWith(".html")) {
        const html = readFileSync(file, "utf8");
        for (const t of tags(html)) {
          for (const key of ["src", "href", "srcset", "action", "poster", "data"]) {
            if (t.attrs[key]) check(where, t.attrs[key]!);
          }
          if (t.name === "meta" && t.attrs.content?.match(/^(https?:)?\/\//))
            check(where, t.attrs.content);
        }
        for (const m of html.matchAll(/url\(\s*["']?([^"')]+)/g)) check(where, m[1]!);
        for (const m of html.matchAll(/@import\s+["']([^"']+)/g)) check(where, m[1]!);
      } else if (file.endsWith(".css")) {
        const css = readFileSync(file, "utf8");
        for (const m of css.matchAll(/url\(\s*["']?([^"')]+)/g)) check(where, m[1]!);
        for (const m of css.matchAll(/@import\s+(?:url\()?["']?([^"')\s;]+)/g)) check(where, m[1]!);
      }
    }
    expect(foreign).toEqual([]);
  });

  // Issue 25 replaced `optional` (first visits drawn in a fallback font) by `swap` with the body font
  // preloaded: text shows at once and ends in the same font on a first visit as on the next.
  it("self-hosts its fonts with Vietnamese coverage, font-display: swap and the body font preloaded", () => {
    const css = walk(DIST)
      .filter((f) => f.endsWith(".css"))
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
    const faces = css.match(/@font-face\s*{[^}]*}/g) ?? [];
    for (const family of ["Be Vietnam Pro", "Noto Serif"]) {
      const own = faces.filter((f) => f.includes(family));
      expect(own.length, family).toBeGreaterThan(0);
      // The Vietnamese subset covers ạ…ỹ (U+1EA0-1EF9).
      expect(
        own.some((f) => f.includes("U+1EA0-1EF9")),
        family,
      ).toBe(true);
      for (const face of own) {
        expect(face).toMatch(/font-display:\s*swap/);
        const file = face.match(/url\(["']?([^"')]+)/)![1]!;
        expect(resolves(file), file).toBe(true);
      }
    }
    const bodyFace = faces.find(
      (f) => f.includes("Be Vietnam Pro") && /font-weight:\s*400/.test(f),
    )!;
    const bodyFile = bodyFace.match(/url\(["']?([^"')]+)/)![1]!;
    for (const page of walk(DIST).filter((f) => f.endsWith(".html"))) {
      const html = readFileSync(page, "utf8");
      if (!html.includes("<main")) continue;
      expect(html, page).toContain(
        `<link rel="preload" href="${bodyFile}" as="font" type="font/woff2" crossorigin>`,
      );
    }
  });
});

describe("article list and pagination", () => {
  const listed = (html: string) =>
    [...html.matchAll(/<li class="article-card">\s*<h2><a href="\/tin-tuc\/([^/"]+)\/">/g)].map(
      (m) => m[1]!,
    );

  /** Walks the pages of the list at `base` and checks their links; returns the slugs listed. */
  function walkList(base: string, expected: number): string[] {
    // Later pages hold ARTICLES_PER_PAGE each; the first takes the rest (up to twice as many).
    const pages = Math.max(1, Math.floor(expected / ARTICLES_PER_PAGE));
    const href = (p: number) => (p === 1 ? base : `${base}trang/${p}/`);
    const seen: string[] = [];
    for (let p = 1; p <= pages; p++) {
      const path = href(p);
      const html = page(path);
      const items = listed(html);
      expect(items.length, path).toBe(
        p === 1 ? expected - (pages - 1) * ARTICLES_PER_PAGE : ARTICLES_PER_PAGE,
      );
      seen.push(...items);
      const links = tags(html, "a");
      expect(links.find((t) => t.attrs.rel === "prev")?.attrs.href, path).toBe(
        p === 1 ? undefined : href(p - 1),
      );
      expect(links.find((t) => t.attrs.rel === "next")?.attrs.href, path).toBe(
        p === pages ? undefined : href(p + 1),
      );
      if (pages > 1) {
        expect(
          links.find((t) => t.attrs["aria-current"] === "page" && t.attrs.href === path),
          path,
        ).toBeTruthy();
      }
    }
    expect(existsSync(join(DIST, base, "trang/1")), base).toBe(false);
    expect(existsSync(join(DIST, base, `trang/${pages + 1}`)), base).toBe(false);
    return seen;
  }

  it(`splits all news ${ARTICLES_PER_PAGE} a page: /tin-tuc/, /tin-tuc/trang/2/, …`, () => {
    expect(walkList("/tin-tuc/", slugs.length).sort()).toEqual(slugs);
  });

  it("paginates every topic, province and district list the same way, each article once", () => {
    const members = new Map<string, string[]>();
    for (const slug of slugs) {
      const html = page(`/tin-tuc/${slug}/`);
      for (const href of [...termLinks(html, "/chu-de/"), ...termLinks(html, "/dia-phuong/")]) {
        members.set(href, [...(members.get(href) ?? []), slug]);
      }
    }
    for (const topic of TOPIC_IDS) {
      if (!members.has(`/chu-de/${topic}/`)) members.set(`/chu-de/${topic}/`, []);
    }
    for (const [base, expected] of members) {
      expect(walkList(base, expected.length).sort(), base).toEqual(expected.sort());
    }
  });

  it("puts dated articles newest first and undated ones after them", () => {
    const first = page("/tin-tuc/");
    const order = listed(first);
    const dates = order.map(articleDatetime);
    const firstUndated = dates.findIndex((d) => d === undefined);
    if (firstUndated >= 0)
      expect(dates.slice(firstUndated).every((d) => d === undefined)).toBe(true);
    const dated = dates.filter((d): d is string => d !== undefined).map(instant);
    expect(dated).toEqual([...dated].sort((a, b) => b - a));
  });
});

describe("article page", () => {
  it.each(slugs)(
    "%s has breadcrumbs, date or 'Không ghi ngày đăng', tools and other news",
    (slug) => {
      const html = page(`/tin-tuc/${slug}/`);
      const title = html.match(/<h1[^>]*>([^<]+)<\/h1>/)![1]!;
      const crumbs = html.match(
        /<nav class="breadcrumbs" aria-label="Đường dẫn"[^>]*>\s*<ol[\s\S]*?<\/ol>/,
      )?.[0];
      expect(crumbs).toBeDefined();
      expect(text(crumbs!)).toBe(`Trang chủ › Tin tức › ${decode(title)}`.replace(/ › /g, " "));
      const header = html.match(/<header class="article-header"[\s\S]*?<\/header>/)![0];
      const time = tags(header, "time")[0];
      if (time) {
        // A moment with Vietnam's offset, or a bare day when the source gives only the day.
        expect(time.attrs.datetime).toMatch(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?\+07:00)?$/);
        expect(text(header)).toMatch(/\d{2}\/\d{2}\/\d{4}/);
      } else {
        expect(text(header)).toContain("Không ghi ngày đăng");
      }
      expect(header).toMatch(/role="group" aria-labelledby="font-size-label"/);
      // Each button's name starts with its visible text (WCAG 2.5.3, label in name).
      const buttons = tags(header, "button").length;
      expect(buttons).toBeGreaterThanOrEqual(3);
      for (const name of ["A- giảm cỡ chữ", "A cỡ chữ mặc định", "A+ tăng cỡ chữ"]) {
        expect(text(header)).toContain(name);
      }
      expect(text(header)).toContain("Xem với cỡ chữ:");
      expect(html).toMatch(
        /<a class="button" href="\/tin-tuc\/" data-back[^>]*>← Trở về trang trước<\/a>/,
      );
      expect(html).toMatch(/data-tool="print"[^>]*>In bài</);
      expect(html).toMatch(/data-tool="save"[\s\S]{0,200}>\s*Lưu bài/);
      const other = html.match(/<section class="other-news"[\s\S]*?<\/section>/)![0];
      expect(text(other)).toMatch(/^Các tin khác/);
      const others = tags(other, "a").map((t) => t.attrs.href!);
      expect(others).toHaveLength(Math.min(OTHER_NEWS_COUNT, slugs.length - 1));
      expect(others).not.toContain(`/tin-tuc/${slug}/`);
      for (const href of others) expect(resolves(href), href).toBe(true);
    },
  );
});

describe("feeds", () => {
  it("RSS is well-formed and lists the newest articles (all five here); only dated ones have pubDate", () => {
    const xml = readFileSync(join(DIST, "rss.xml"), "utf8");
    checkXml(xml);
    expect(xml).toMatch(/<rss[^>]*version="2\.0"/);
    const items = [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => m[1]!);
    expect(items).toHaveLength(Math.min(slugs.length, RSS_ITEMS));
    const linked = items.map((item) => item.match(/<link>[^<]*\/tin-tuc\/([^/<]+)\/<\/link>/)?.[1]);
    expect(new Set(linked).size).toBe(items.length);
    items.forEach((item, i) => {
      const slug = linked[i]!;
      expect(slugs, item).toContain(slug);
      const datetime = articleDatetime(slug);
      const pubDate = item.match(/<pubDate>([^<]+)<\/pubDate>/)?.[1];
      if (datetime === undefined) expect(pubDate, slug).toBeUndefined();
      else expect(Date.parse(pubDate!), slug).toBe(instant(datetime));
    });
  });

  it("robots.txt points at the sitemap on the site's own address", () => {
    expect(readFileSync(join(DIST, "robots.txt"), "utf8")).toContain(
      `Sitemap: ${site}/sitemap-index.xml`,
    );
  });

  it("the sitemap lists every article", () => {
    const index = readFileSync(join(DIST, "sitemap-index.xml"), "utf8");
    checkXml(index);
    const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    const all = maps.map((p) => readFileSync(join(DIST, p), "utf8")).join("\n");
    for (const slug of slugs) expect(all).toContain(`<loc>${site}/tin-tuc/${slug}/</loc>`);
    expect(all).not.toContain("404");
  });
});
