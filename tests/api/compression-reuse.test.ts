// The compression step against the published site: an unchanged file keeps its published copies
// (the same bytes, hard-linked, not compressed again) and its modification time; a changed file
// gets new copies; a removed file's copies are gone; every copy decompresses to its file.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compressFolder, type CompressSummary } from "../../src/cli/compress.ts";
import { MANIFEST_PATH } from "../../src/lib/build/compress-manifest.ts";

const page = (words: string) =>
  `<!doctype html><html lang="vi"><body>${`<p>${words}</p>`.repeat(150)}</body></html>`;
const PUBLISHED: Record<string, string> = {
  "giu/index.html": page("Bài không đổi: kết nạp đảng viên mới."),
  "sua/index.html": page("Bài sẽ được sửa."),
  "xoa/index.html": page("Bài sẽ bị xóa."),
  "chi-muc/aaaa/1.json": JSON.stringify({ words: Array(300).fill("đảng viên") }),
  "_astro/site.css": `body{color:#222}${".a{margin:0}".repeat(200)}`,
  "fonts/a.woff2": "x".repeat(4000),
};
const STAGED: Record<string, string> = {
  "giu/index.html": PUBLISHED["giu/index.html"]!,
  "sua/index.html": page("Bài đã sửa lại."),
  "moi/index.html": page("Bài mới đăng."),
  // The same bytes in a folder of another name, as a content-hashed folder moves.
  "chi-muc/bbbb/1.json": PUBLISHED["chi-muc/aaaa/1.json"]!,
  "_astro/site.css": PUBLISHED["_astro/site.css"]!,
  "fonts/a.woff2": PUBLISHED["fonts/a.woff2"]!,
};

function writeSite(dir: string, files: Record<string, string>): void {
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), body);
  }
}

const root = mkdtempSync(join(tmpdir(), "compress-reuse-"));
const published = join(root, "dist");
const staged = join(root, "dist-staging");
const inode = (file: string) => statSync(file).ino;
let summary: CompressSummary;

beforeAll(async () => {
  writeSite(published, PUBLISHED);
  await compressFolder(published);
  // Later than the published files, as a new build's files are.
  await new Promise((r) => setTimeout(r, 20));
  writeSite(staged, STAGED);
  summary = await compressFolder(staged, { previous: published });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("compressFolder(dir, { previous })", () => {
  it("keeps the published copies of unchanged files, by path or by content", () => {
    for (const [path, from] of [
      ["giu/index.html", "giu/index.html"],
      ["_astro/site.css", "_astro/site.css"],
      ["chi-muc/bbbb/1.json", "chi-muc/aaaa/1.json"],
    ]) {
      for (const suffix of [".br", ".gz"]) {
        expect(inode(join(staged, path + suffix)), path + suffix).toBe(
          inode(join(published, from + suffix)),
        );
      }
    }
    expect(summary).toMatchObject({ files: 5, reused: 3, written: 2 });
  });

  it("gives an unchanged file the published file's time, so no copy is older than its file", () => {
    const mtime = (dir: string, path: string) => statSync(join(dir, path)).mtimeMs;
    expect(Math.trunc(mtime(staged, "giu/index.html"))).toBe(
      Math.trunc(mtime(published, "giu/index.html")),
    );
    expect(Math.trunc(mtime(staged, "fonts/a.woff2"))).toBe(
      Math.trunc(mtime(published, "fonts/a.woff2")),
    );
    for (const path of Object.keys(STAGED).filter((p) => existsSync(join(staged, `${p}.br`)))) {
      for (const suffix of [".br", ".gz"]) {
        expect(mtime(staged, path + suffix), path + suffix).toBeGreaterThanOrEqual(
          mtime(staged, path),
        );
      }
    }
  });

  it("writes new copies for a changed or new file, and none for a removed one", () => {
    for (const suffix of [".br", ".gz"]) {
      expect(inode(join(staged, `sua/index.html${suffix}`))).not.toBe(
        inode(join(published, `sua/index.html${suffix}`)),
      );
      expect(existsSync(join(staged, `moi/index.html${suffix}`))).toBe(true);
    }
    expect(readdirSync(staged)).not.toContain("xoa");
  });

  it("leaves copies that decompress to their file's bytes, every one", () => {
    const copies = (readdirSync(staged, { recursive: true }) as string[]).filter((f) =>
      /\.(br|gz)$/.test(f),
    );
    expect(copies).toHaveLength(10);
    for (const copy of copies) {
      const original = readFileSync(join(staged, copy.slice(0, -3)));
      const bytes = readFileSync(join(staged, copy));
      const decoded = copy.endsWith(".br") ? brotliDecompressSync(bytes) : gunzipSync(bytes);
      expect(decoded.equals(original), copy).toBe(true);
    }
  });

  it("compresses again when the published copy is not what the manifest says", async () => {
    const again = join(root, "again");
    cpSync(published, again, { recursive: true });
    writeFileSync(join(again, "giu/index.html.br"), "not brotli");
    const next = join(root, "next");
    writeSite(next, { "giu/index.html": PUBLISHED["giu/index.html"]! });
    const result = await compressFolder(next, { previous: again });
    expect(result).toMatchObject({ reused: 0, written: 1 });
    const br = readFileSync(join(next, "giu/index.html.br"));
    expect(brotliDecompressSync(br).toString()).toBe(PUBLISHED["giu/index.html"]);
  });

  it("compresses again when the published copies were made at other levels", async () => {
    const other = join(root, "other-levels");
    cpSync(published, other, { recursive: true });
    const manifest = join(other, MANIFEST_PATH);
    writeFileSync(
      manifest,
      readFileSync(manifest, "utf8").replace(/^(giu\/index\.html\t\S+\t\d+\t)\d+/m, "$11"),
    );
    const next = join(root, "next-levels");
    writeSite(next, { "giu/index.html": PUBLISHED["giu/index.html"]! });
    expect(await compressFolder(next, { previous: other })).toMatchObject({
      reused: 0,
      written: 1,
    });
  });
});
