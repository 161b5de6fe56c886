// The index step with --previous: a rebuild reads only the pages whose HTML changed and gives the
// same index, byte for byte, as reading every page; a new article moves no other page's files.
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildSearchIndex } from "../../../src/lib/search/build-index.ts";
import {
  INDEX_DIR,
  MANIFEST_FILE,
  PAGES_PER_FILE,
  SOURCES_FILE,
  type Manifest,
  type PageRecord,
} from "../../../src/lib/search/index-files.ts";
import { writeSite, type Page } from "./site.ts";

const BASE: Record<string, Page> = {
  "tin-tuc/mot": { title: "Tin một", body: "Kết nạp đảng viên mới.", published: "2020-01-02" },
  "tin-tuc/hai": {
    title: "Tin hai",
    body: "Tuyên truyền và chuyển hóa.",
    published: "2021-03-04",
    tinh: "Lạng Sơn",
  },
  "tin-tuc/ba": { title: "Tin ba", body: "Huyện Tuyên Hóa kết nạp.", published: "2022-05-06" },
  "tin-tuc/khong-ngay": { title: "Tin không ngày", body: "Kết nạp ở Tuyên Hóa." },
  "du-lieu/ket-nap": {
    title: "Kết nạp",
    body: "Số kết nạp theo năm.",
    kind: "du-lieu",
    rows: [["Đảng bộ huyện Tuyên Hóa", "312"]],
  },
};
const NEWEST: Page = { title: "Tin mới nhất", body: "Kết nạp 2024.", published: "2024-01-01" };

const root = mkdtempSync(join(tmpdir(), "portal-search-rebuild-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let sites = 0;

/** A fresh staging folder holding `pages`, as astro build leaves it (no index). */
function site(pages: Record<string, Page>): string {
  const dir = join(root, `site-${++sites}`);
  writeSite(dir, pages);
  return dir;
}

/** Every file of a site's index, by path, with its bytes. */
function indexFiles(dir: string): Map<string, string> {
  const out = join(dir, INDEX_DIR);
  const files = readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) =>
    e.isFile(),
  );
  return new Map(
    files.map((e) => {
      const path = join(e.parentPath, e.name);
      return [path.slice(out.length), readFileSync(path, "latin1")];
    }),
  );
}

const manifest = (dir: string): Manifest =>
  JSON.parse(readFileSync(join(dir, INDEX_DIR, MANIFEST_FILE), "utf8")) as Manifest;
const pageFile = (dir: string, file: number) =>
  join(dir, INDEX_DIR, manifest(dir).dir, "trang", `${file}.json`);
/** Every page's record, in number order, from the page files. */
const records = (dir: string): PageRecord[] =>
  Array.from(
    { length: Math.ceil(manifest(dir).pages / PAGES_PER_FILE) },
    (_, file) => JSON.parse(readFileSync(pageFile(dir, file), "utf8")) as PageRecord[],
  ).flat();
const urlsByNumber = (dir: string) =>
  readFileSync(join(dir, INDEX_DIR, manifest(dir).dir, SOURCES_FILE), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split("\t")[1]);

describe("buildSearchIndex(site, { previous })", () => {
  it("after adding, changing and removing an article gives the cold index, byte for byte", async () => {
    const published = site(BASE);
    await buildSearchIndex(published);
    const next: Record<string, Page> = {
      ...Object.fromEntries(Object.entries(BASE).filter(([url]) => url !== "tin-tuc/hai")),
      "tin-tuc/mot": { ...BASE["tin-tuc/mot"]!, body: "Kết nạp đảng viên mới ở Tuyên Hóa." },
      "tin-tuc/moi": NEWEST,
    };
    const staged = site(next);
    const summary = await buildSearchIndex(staged, { previous: published });
    expect(summary).toMatchObject({ pages: 5, read: 2, carried: 3 });
    expect(summary.unused).toBeUndefined();
    const cold = site(next);
    await buildSearchIndex(cold);
    expect(indexFiles(staged)).toEqual(indexFiles(cold));
  });

  it("numbers a newly published article last, every other page keeping its number and record", async () => {
    const published = site(BASE);
    await buildSearchIndex(published);
    const staged = site({ ...BASE, "tin-tuc/moi": NEWEST });
    await buildSearchIndex(staged, { previous: published });
    const before = urlsByNumber(published);
    expect(urlsByNumber(staged)).toEqual([...before, "/tin-tuc/moi/"]);
    // Datasets first, then undated articles, then dated ones oldest first.
    expect(before).toEqual([
      "/du-lieu/ket-nap/",
      "/tin-tuc/khong-ngay/",
      "/tin-tuc/mot/",
      "/tin-tuc/hai/",
      "/tin-tuc/ba/",
    ]);
    expect(records(staged).slice(0, before.length)).toEqual(records(published));
    expect(records(staged).map((r) => r.url)).toEqual(urlsByNumber(staged));
    // Files the new page does not join are carried, not written again: the same file.
    expect(before.length).toBeGreaterThan(PAGES_PER_FILE);
    for (let file = 0; (file + 1) * PAGES_PER_FILE <= before.length; file++)
      expect(statSync(pageFile(staged, file)).ino).toBe(statSync(pageFile(published, file)).ino);
  });

  it("a page file of the previous index that a rebuild must read and cannot: every page read", async () => {
    const published = site(BASE);
    await buildSearchIndex(published);
    // The new article joins the last file, so its pages' records are read from the old one.
    writeFileSync(pageFile(published, 1), "[]");
    const staged = site({ ...BASE, "tin-tuc/moi": NEWEST });
    const summary = await buildSearchIndex(staged, { previous: published });
    expect(summary).toMatchObject({ read: 6, carried: 0 });
    expect(summary.unused).toMatch(/tệp trang/);
    const cold = site({ ...BASE, "tin-tuc/moi": NEWEST });
    await buildSearchIndex(cold);
    expect(indexFiles(staged)).toEqual(indexFiles(cold));
  });

  it("without a usable previous index reads every page, with the same result", async () => {
    const published = site(BASE);
    await buildSearchIndex(published);
    const cold = site(BASE);
    await buildSearchIndex(cold);
    // No index at all, another indexer's table, a word file gone.
    const broken = [
      {
        damage: (dir: string) => rmSync(join(dir, INDEX_DIR), { recursive: true }),
        why: /không có/,
      },
      {
        damage: (dir: string) => {
          const file = join(dir, INDEX_DIR, manifest(dir).dir, SOURCES_FILE);
          const table = readFileSync(file, "utf8").replace(/^v\t[0-9a-f]+/, "v\t0123456789abcdef");
          writeFileSync(file, table);
        },
        why: /mã khác/,
      },
      {
        damage: (dir: string) => rmSync(join(dir, INDEX_DIR, manifest(dir).dir, "tu", "0.json")),
        why: /tệp từ/,
      },
      {
        damage: (dir: string) => rmSync(pageFile(dir, 0)),
        why: /thiếu tệp/,
      },
    ];
    for (const { damage, why } of broken) {
      const previous = join(root, `previous-${++sites}`);
      cpSync(published, previous, { recursive: true });
      damage(previous);
      const staged = site(BASE);
      const summary = await buildSearchIndex(staged, { previous });
      expect(summary).toMatchObject({ read: 5, carried: 0 });
      expect(summary.unused).toMatch(why);
      expect(indexFiles(staged)).toEqual(indexFiles(cold));
    }
  });
});
