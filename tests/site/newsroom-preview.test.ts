// The newsroom's article preview against the real build (npm run build first): real renderer
// processes, the committed articles and data, and the published dist/ whose pages it must equal.
import { once } from "node:events";
import { existsSync, readdirSync, readFileSync, readlinkSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticlePreview, type PreviewService } from "../../src/server/newsroom/preview.ts";
import { withoutScripts } from "../../src/server/newsroom/preview-page.ts";
import { networkIsolation } from "../../src/server/newsroom/preview-process.ts";
import type { PreviewResult } from "../../src/server/newsroom/preview-types.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const DIST = join(ROOT, "dist");
const NEWS = join(ROOT, "content/news");
const PATHS = { root: ROOT, distDir: DIST, newsDir: NEWS, dataDir: join(ROOT, "data") };
/** An article with a <Chart id="…">, a <Chart dataset="…"> and <DataFigure>s. */
const COMMITTED = "tuyen-hoa-cung-co-to-chuc-co-so-dang";
const CHART = "to-chuc-huyen-tuyen-hoa";
const PORT = 4640;

const committedText = readFileSync(join(NEWS, `${COMMITTED}.mdx`), "utf8");
const head = committedText.slice(0, committedText.indexOf("\n---", 4) + 4);
/** A new article as the newsroom's template writes one: the committed frontmatter, our own body. */
const newArticle = (body: string) =>
  `${head.replace(/^title: .*$/m, 'title: "Bài thử xem trước"')}\n\n${body}\n`;

/** Every file under the folders a preview must not touch, with its size and time. */
function listing(): string[] {
  const dirs = ["dist", "content", "data", "node_modules/.astro", "node_modules/.vite", ".astro"];
  return dirs.flatMap((dir) => {
    const path = join(ROOT, dir);
    if (!existsSync(path)) return [`${dir}: absent`];
    return readdirSync(path, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .map((file) => `${file}:${statSync(file).size}:${statSync(file).mtimeMs}`)
      .sort();
  });
}

const between = (html: string, start: RegExp, end: string) => {
  const from = html.search(start);
  expect(from, `${start} in the page`).toBeGreaterThan(-1);
  return html.slice(from, html.indexOf(end, from) + end.length);
};
const html = (result: PreviewResult) => {
  if (!result.ok) throw new Error(result.message);
  return result.html;
};
const built = (slug: string) => readFileSync(join(DIST, "tin-tuc", slug, "index.html"), "utf8");
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

let before: string[];
let preview: PreviewService;

beforeAll(() => {
  expect(existsSync(join(DIST, "tin-tuc", COMMITTED, "index.html")), "npm run build first").toBe(
    true,
  );
  before = listing();
  preview = createArticlePreview({ ...PATHS, timeoutMs: 240_000 });
});
afterAll(() => preview.close());

describe("the article preview", () => {
  it("renders every committed article as its published page, scripts aside", async () => {
    for (const name of readdirSync(NEWS).filter((n) => n.endsWith(".mdx"))) {
      const slug = name.slice(0, -".mdx".length);
      const page = html(await preview(readFileSync(join(NEWS, name), "utf8"), slug));
      expect(page, slug).toBe(withoutScripts(built(slug)));
    }
  }, 240_000);

  it("renders a committed article's main content and stylesheet as published", async () => {
    const page = html(await preview(committedText, COMMITTED));
    const published = built(COMMITTED);
    const main = (text: string) => between(withoutScripts(text), /<main\b/, "</main>");
    expect(main(page)).toBe(main(published));
    expect(page).toBe(withoutScripts(published));
    // The same stylesheet as the published site, and no script left to run.
    const stylesheet = /<link rel="stylesheet" href="\/_astro\/[^"]+\.css">/.exec(published)?.[0];
    expect(stylesheet).toBeDefined();
    expect(page).toContain(stylesheet);
    expect(page).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
  }, 240_000);

  it("renders a new article's <Chart> and <DataFigure> from the committed data", async () => {
    const body = [
      'Đảng bộ huyện có <DataFigure row="dang-vien#th-dang-vien">6.001</DataFigure> đảng viên.',
      `<Chart id="${CHART}" level={2} />`,
    ].join("\n\n");
    const page = html(await preview(newArticle(body), "bai-thu-xem-truoc"));
    expect(page).toMatch(/<h1 id="article-title"[^>]*>Bài thử xem trước<\/h1>/);
    expect(page).toMatch(
      /<a class="data-figure"[^>]* href="\/du-lieu\/dang-vien\/#th-dang-vien"[^>]*>6\.001<\/a>/,
    );
    // The chart (its SVG, table and sources) is the one the published article draws.
    const figure = (text: string) =>
      between(text, new RegExp(`<figure class="chart" id="bieu-do-${CHART}"`), "</figure>");
    expect(figure(page)).toContain("<svg");
    expect(figure(page)).toBe(figure(built(COMMITTED)));
    expect(page).toContain(
      '<link rel="canonical" href="http://localhost:4321/tin-tuc/bai-thu-xem-truoc/">',
    );
  }, 60_000);

  it("says in Vietnamese, with line and column, why broken MDX cannot be shown", async () => {
    const unclosed = await preview(
      newArticle("Đoạn một.\n\n<PhotoCaption>Ảnh: chú thích\n\nĐoạn hai."),
      "bai-thu",
    );
    const line = head.split("\n").length + 4;
    expect(unclosed).toEqual({
      ok: false,
      message: `Chưa xem trước được. Dòng ${line}, cột 1: thẻ <PhotoCaption> chưa được đóng: thêm </PhotoCaption> ở cuối đoạn của nó.`,
    });
    const unknown = await preview(newArticle("Đoạn một.\n\n<Bang>x</Bang>"), "bai-thu");
    expect(unknown.ok).toBe(false);
    expect(!unknown.ok && unknown.message).toContain(
      `Dòng ${line}, cột 1: Thành phần “<Bang>” không có`,
    );
    const wrongFigure = await preview(
      newArticle('Có <DataFigure row="dang-vien#th-dang-vien">6.002</DataFigure> người.'),
      "bai-thu",
    );
    expect(!wrongFigure.ok && wrongFigure.message).toMatch(
      new RegExp(
        `^Chưa xem trước được\\. Dòng ${line - 2}, cột 4: <DataFigure row="dang-vien#th-dang-vien">: con số "6\\.002"`,
      ),
    );
  }, 60_000);

  it("renders previews one at a time, each answered", async () => {
    const slugs = ["bai-mot", "bai-hai", "bai-ba"];
    const results = await Promise.all(
      slugs.map((slug) => preview(newArticle(`Bài ${slug}.`), slug)),
    );
    results.forEach((result, i) => expect(html(result)).toContain(`/tin-tuc/${slugs[i]}/`));
  }, 60_000);

  it("starts a new renderer after one crashed, answering the preview it was on", async () => {
    html(await preview(committedText, COMMITTED));
    const pid = preview.rendererPid()!;
    const ps = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    expect(ps).toContain("--permission");
    // It reads the code, articles and data, not the whole project (var/ holds the staff database).
    expect(ps).not.toContain(`--allow-fs-read=${ROOT}`);
    expect(ps).toContain(`--allow-fs-read=${join(ROOT, "src")}`);
    expect(ps.filter((flag) => /^--allow-(child-process|worker|fs-write)/.test(flag))).toEqual([
      expect.stringMatching(/^--allow-fs-write=.*xem-truoc-/),
    ]);
    // No network: a namespace of its own where Linux allows one (here it does: unshare -rn works).
    const netns = (p: number | "self") => readlinkSync(`/proc/${p}/ns/net`);
    if (networkIsolation().length > 0) expect(netns(pid)).not.toBe(netns("self"));
    else expect(netns(pid)).toBe(netns("self"));
    const during = preview(committedText, COMMITTED);
    process.kill(pid, "SIGKILL");
    const crashed = await during;
    // Killed before or after it answered: either way the server got an answer, never a hang.
    if (!crashed.ok) expect(crashed.message).toContain("dừng bất ngờ");
    expect(html(await preview(committedText, COMMITTED))).toBe(withoutScripts(built(COMMITTED)));
    expect(preview.rendererPid()).not.toBe(pid);
  }, 240_000);

  it("writes nothing in dist/, content/, data/ or Astro's and Vite's caches", () => {
    expect(listing()).toEqual(before);
  });
});

describe("a renderer started ahead", () => {
  it("is running before the first preview, which it then answers", async () => {
    const warmed = createArticlePreview({ ...PATHS, timeoutMs: 240_000 });
    try {
      warmed.warm();
      await expect.poll(() => warmed.rendererPid()).toBeDefined();
      const pid = warmed.rendererPid();
      expect(html(await warmed(committedText, COMMITTED))).toBe(withoutScripts(built(COMMITTED)));
      expect(warmed.rendererPid()).toBe(pid);
    } finally {
      await warmed.close();
    }
  }, 240_000);
});

describe("a preview over its time limit", () => {
  let server: Server;
  beforeAll(async () => {
    server = createServer((_, res) => res.end("ok")).listen(PORT, "127.0.0.1");
    await once(server, "listening");
  });
  afterAll(() => new Promise((done) => server.close(done)));

  it("is stopped and reported in Vietnamese; another waiting is refused; the server answers meanwhile", async () => {
    const limited = createArticlePreview({ ...PATHS, timeoutMs: 1000, maxWaiting: 0 });
    try {
      const first = limited(committedText, COMMITTED);
      await expect.poll(() => limited.rendererPid()).toBeDefined();
      const pid = limited.rendererPid()!;
      expect(alive(pid)).toBe(true);
      const second = await limited(committedText, COMMITTED);
      expect(second.ok).toBe(false);
      expect(!second.ok && second.message).toContain("máy chủ chỉ dựng từng bản một");
      for (let i = 0; i < 3; i++) {
        const answer = await fetch(`http://127.0.0.1:${PORT}/`);
        expect(await answer.text()).toBe("ok");
      }
      expect(await first).toEqual({
        ok: false,
        message:
          "Bản xem trước dựng quá 1 giây nên đã dừng; bài chưa được xem trước. Bấm Xem trước lần nữa; nếu vẫn chậm, báo người quản trị.",
      });
      await expect.poll(() => alive(pid)).toBe(false);
    } finally {
      await limited.close();
    }
  }, 30_000);
});
