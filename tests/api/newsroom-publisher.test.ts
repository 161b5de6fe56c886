// The publisher over a real content checkout (a temporary git repository), real staged builds and
// the real server answering from the dist/ it swaps: two publications sent at once are built one
// after the other and both end published as two commits by their members; a dataset with an error
// on purpose fails with file:line and leaves git, dist/ and the files as they were; an undo makes a
// revert commit and the article answers 404 again; a build over its time limit is stopped.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPublisher, type RunningPublisher } from "../../src/server/newsroom/publisher.ts";
import type { Publication } from "../../src/server/newsroom/publication.ts";
import type { Stores } from "../../src/server/store/types.ts";
import {
  buildLock,
  makeCheckout,
  startNewsroomServer,
  testArticle,
  type Checkout,
  type NewsroomServer,
} from "../helpers/newsroom.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const BUILD_MINUTES = 6;

describe("publisher", () => {
  let checkout: Checkout;
  let publisher: RunningPublisher;
  let site: NewsroomServer;
  let stores: Stores;
  let url: string;

  let release: (() => void) | undefined;

  beforeAll(async () => {
    release = await buildLock();
    checkout = makeCheckout();
    site = await startNewsroomServer(checkout.distDir, (s) => {
      publisher = createPublisher({
        root: ROOT,
        publishDir: checkout.publishDir,
        distDir: checkout.distDir,
        cacheDir: checkout.cacheDir,
        buildTimeoutMs: BUILD_MINUTES * 60_000,
        log: (entry) => s.staff.logNewsroom(entry),
      });
      return { publisher, publishDir: checkout.publishDir };
    });
    ({ stores, url } = site);
  }, 20 * 60_000);
  afterAll(async () => {
    await publisher?.idle();
    await site?.close();
    checkout?.dispose();
    release?.();
  });

  const status = async (path: string) => (await fetch(`${url}${path}`)).status;
  const one = { ...testArticle("ban-thu-mot", "Bản thử một"), kind: "article" as const };
  const two = { ...testArticle("ban-thu-hai", "Bản thử hai"), kind: "article" as const };
  const first = () =>
    checkout
      .git("log", "-1", "--format=%an <%ae>|%cn|%s|%(trailers:key=Publication,valueonly)")
      .trim();

  it(
    "builds two publications sent at once one after the other; both end published, two commits",
    async () => {
      const start = checkout.head();
      const a = publisher.submit({
        kind: "article",
        title: one.title,
        username: "bt1",
        files: [one],
      });
      const b = publisher.submit({
        kind: "article",
        title: two.title,
        username: "bt2",
        files: [two],
      });
      expect([a.state, b.state]).toEqual(["waiting", "waiting"]);
      // Never two builds at once: while one builds, the other waits.
      const seen = new Set<string>();
      const watch = setInterval(() => seen.add(`${a.state}/${b.state}`), 50);
      await publisher.idle();
      clearInterval(watch);
      expect(seen.has("building/building")).toBe(false);
      expect([a.state, b.state, a.message, b.message]).toEqual([
        "published",
        "published",
        undefined,
        undefined,
      ]);
      expect(seen).toContain("published/building");
      // Two commits, the second on the first, each with its own file, by its own member.
      const log = checkout.git("log", "--format=%H %an <%ae>", `${start}..HEAD`).trim().split("\n");
      expect(log).toEqual([
        `${b.commit} bt2 <bt2@nhan-vien.invalid>`,
        `${a.commit} bt1 <bt1@nhan-vien.invalid>`,
      ]);
      expect(checkout.git("show", "--name-only", "--format=", a.commit!).trim()).toBe(one.path);
      expect(checkout.git("show", "--name-only", "--format=", b.commit!).trim()).toBe(two.path);
      expect(first()).toBe(`bt2 <bt2@nhan-vien.invalid>|bt2|Đăng bài: ${two.title}|${b.id}`);
      expect(checkout.git("status", "--porcelain")).toBe("");
      // The running server answers from the new dist/.
      expect(await status("/tin-tuc/ban-thu-mot/")).toBe(200);
      expect(await status("/tin-tuc/ban-thu-hai/")).toBe(200);
      const page = await (await fetch(`${url}/tin-tuc/ban-thu-hai/`)).text();
      expect(page).toContain("Bản thử hai");
      const actions = (await stores.staff.staffLog(10)).map((e) => `${e.actor} ${e.action}`);
      expect(actions.sort()).toEqual([
        "bt1 publish",
        "bt1 published",
        "bt2 publish",
        "bt2 published",
      ]);
    },
    BUILD_MINUTES * 2 * 60_000,
  );

  it(
    "a dataset with an error on purpose fails with file:line; git, dist/ and the files stay as they were",
    async () => {
      const head = checkout.head();
      const dist = checkout.distListing();
      const csvPath = "data/dang-vien.csv";
      const csv = readFileSync(join(checkout.publishDir, csvPath));
      const broken = csv.toString("utf8").replace(",6.001,", ",abc,");
      const p = publisher.submit({
        kind: "dataset",
        title: "Số đảng viên",
        username: "bt1",
        files: [
          { path: csvPath, text: broken },
          { path: "content/news/ban-thu-ba.mdx", text: one.text },
        ],
      });
      await publisher.idle();
      expect(p.state).toBe("failed");
      expect(p.message).toMatch(/^Bản dựng dừng vì lỗi; không có gì được đăng\.\n/);
      expect(p.message).toContain("data/dang-vien.csv:2:8 Không phải là số");
      expect(p.message).not.toContain(checkout.publishDir);
      expect(checkout.head()).toBe(head);
      expect(checkout.git("status", "--porcelain")).toBe("");
      expect(readFileSync(join(checkout.publishDir, csvPath)).equals(csv)).toBe(true);
      expect(existsSync(join(checkout.publishDir, "content/news/ban-thu-ba.mdx"))).toBe(false);
      expect(checkout.distListing()).toEqual(dist);
      expect(existsSync(`${checkout.distDir}-staging`)).toBe(false);
    },
    BUILD_MINUTES * 60_000,
  );

  it("refuses paths outside content/news/<slug>.mdx and data/<known id>.csv, in Vietnamese", async () => {
    const head = checkout.head();
    for (const path of [
      "src/pages/x.astro",
      "content/news/../../x.mdx",
      "content/news/Bai.mdx",
      "data/khong-co.csv",
      "/etc/passwd",
    ]) {
      const p = publisher.submit({
        kind: "article",
        title: "x",
        username: "bt1",
        files: [{ path, text: "x" }],
      });
      expect([p.state, p.message?.slice(0, 15)]).toEqual(["failed", "Không được ghi "]);
    }
    await publisher.idle();
    expect(checkout.head()).toBe(head);
    expect(checkout.git("status", "--porcelain")).toBe("");
  });

  it("a build over its time limit is stopped: failed, nothing changed", async () => {
    const head = checkout.head();
    const dist = checkout.distListing();
    const quick = createPublisher({
      root: ROOT,
      publishDir: checkout.publishDir,
      distDir: checkout.distDir,
      cacheDir: checkout.cacheDir,
      buildTimeoutMs: 500,
    });
    const three = testArticle("ban-thu-ba", "Bản thử ba");
    const p = quick.submit({
      kind: "article",
      title: three.title,
      username: "bt1",
      files: [three],
    });
    await quick.idle();
    expect(p.state).toBe("failed");
    expect(p.message).toMatch(/^Bản dựng chạy quá/);
    expect(checkout.head()).toBe(head);
    expect(checkout.git("status", "--porcelain")).toBe("");
    expect(checkout.distListing()).toEqual(dist);
  }, 60_000);

  it("stop() at shutdown: the running build is stopped and its files put back; the waiting one fails", async () => {
    const head = checkout.head();
    const dist = checkout.distListing();
    const stopping = createPublisher({
      root: ROOT,
      publishDir: checkout.publishDir,
      distDir: checkout.distDir,
      cacheDir: checkout.cacheDir,
      buildTimeoutMs: BUILD_MINUTES * 60_000,
    });
    const three = testArticle("ban-thu-ba", "Bản thử ba");
    const four = testArticle("ban-thu-bon", "Bản thử bốn");
    const a = stopping.submit({
      kind: "article",
      title: three.title,
      username: "bt1",
      files: [three],
    });
    const b = stopping.submit({
      kind: "article",
      title: four.title,
      username: "bt1",
      files: [four],
    });
    while (!existsSync(join(checkout.publishDir, three.path)))
      await new Promise((r) => setTimeout(r, 20));
    await stopping.stop();
    expect([a.state, a.message]).toEqual([
      "failed",
      expect.stringMatching(/^Máy chủ dừng giữa chừng/),
    ]);
    expect([b.state, b.message]).toEqual([
      "failed",
      expect.stringMatching(/^Máy chủ dừng trước khi dựng/),
    ]);
    expect(checkout.head()).toBe(head);
    expect(checkout.git("status", "--porcelain")).toBe("");
    expect(checkout.distListing()).toEqual(dist);
    expect(existsSync(`${checkout.distDir}-staging`)).toBe(false);
  }, 60_000);

  it(
    "undo: a revert commit by the member who undid it, and the article is gone (404)",
    async () => {
      const published = checkout.git("log", "-1", "--format=%H").trim();
      const u: Publication = publisher.submit({
        kind: "undo",
        title: `Đăng bài: ${two.title}`,
        username: "qt",
        files: [],
        revert: published,
      });
      await publisher.idle();
      expect([u.state, u.message]).toEqual(["published", undefined]);
      expect(checkout.git("log", "-1", "--format=%an|%s|%b", u.commit!)).toContain(
        `qt|Hoàn tác: Đăng bài: ${two.title}|This reverts commit ${published}.`,
      );
      expect(checkout.git("rev-parse", `${u.commit}^`).trim()).toBe(published);
      expect(existsSync(join(checkout.publishDir, two.path))).toBe(false);
      expect(checkout.git("status", "--porcelain")).toBe("");
      expect(await status("/tin-tuc/ban-thu-hai/")).toBe(404);
      expect(await status("/tin-tuc/ban-thu-mot/")).toBe(200);
    },
    BUILD_MINUTES * 60_000,
  );

  it("an undo whose files changed since fails and aborts the revert; a file with uncommitted changes is never written over", async () => {
    const original = checkout
      .git("log", "--format=%H", "--grep=^Publication-Kind: article", "--", one.path)
      .trim()
      .split("\n")
      .at(-1)!;
    // A later commit (by hand, in the checkout) changes the article the publication added.
    const file = join(checkout.publishDir, one.path);
    writeFileSync(file, one.text.replace("Bản thử một", "Bản thử một (sửa tay)"));
    checkout.git("commit", "-q", "-a", "-m", "Sửa tay");
    const head = checkout.head();
    const dist = checkout.distListing();
    const bytes = readFileSync(file);
    const u = publisher.submit({
      kind: "undo",
      title: "x",
      username: "qt",
      files: [],
      revert: original,
    });
    await publisher.idle();
    expect([u.state, u.message]).toEqual([
      "failed",
      expect.stringMatching(/^Không hoàn tác được commit [0-9a-f]{10}: các tệp của nó đã đổi/),
    ]);
    expect(checkout.head()).toBe(head);
    expect(checkout.git("status", "--porcelain")).toBe("");
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(checkout.distListing()).toEqual(dist);
    // Uncommitted work in the checkout: the publication fails rather than overwrite it.
    writeFileSync(file, "đang sửa dở");
    const p = publisher.submit({
      kind: "article",
      title: one.title,
      username: "bt1",
      files: [one],
    });
    await publisher.idle();
    expect([p.state, p.message]).toEqual([
      "failed",
      expect.stringContaining(`${one.path} đang có thay đổi chưa commit`),
    ]);
    expect(readFileSync(file, "utf8")).toBe("đang sửa dở");
    expect(checkout.head()).toBe(head);
    checkout.git("checkout", "--", one.path);
  });
});
