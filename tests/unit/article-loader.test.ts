// The news collection's loader (src/lib/content/article-loader.ts) over a real folder of articles:
// what it stores per file, that an unchanged file is not parsed or rendered again (what makes a
// rebuild cheap), that removed files leave the store, and that the dev watcher reloads a file.
import { createHash } from "node:crypto";
import { EventEmitter } from "node:events";
import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { LoaderContext } from "astro/loaders";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { articleLoader } from "../../src/lib/content/article-loader.ts";
import { articleSchema } from "../../src/lib/content/article-schema.ts";

const NEWS = join(import.meta.dirname, "../../content/news");
const COMMITTED = "tuyen-hoa-cung-co-to-chuc-co-so-dang";

type Entry = {
  id: string;
  digest?: string;
  data: unknown;
  body?: string;
  filePath?: string;
  rendered?: { metadata?: { segments?: unknown[] } };
};

function context(root: string) {
  const entries = new Map<string, Entry>();
  const parsed: string[] = [];
  const watcher = Object.assign(new EventEmitter(), { add: () => watcher });
  const store = {
    get: (id: string) => entries.get(id),
    set: (entry: Entry) => (entries.set(entry.id, entry), true),
    delete: (id: string) => void entries.delete(id),
    keys: () => [...entries.keys()],
    values: () => [...entries.values()],
    has: (id: string) => entries.has(id),
  };
  const messages: string[] = [];
  const ctx = {
    collection: "news",
    store,
    config: { root: pathToFileURL(`${root}/`) },
    logger: { info: (m: string) => messages.push(m), error: (m: string) => messages.push(m) },
    generateDigest: (text: string) => createHash("sha256").update(text).digest("hex"),
    parseData: async ({ id, data }: { id: string; data: unknown }) => {
      parsed.push(id);
      return articleSchema.parse(data);
    },
    watcher,
  };
  return { ctx: ctx as unknown as LoaderContext, entries, parsed, watcher, messages };
}

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "article-loader-"));
  for (const name of readdirSync(NEWS)) copyFileSync(join(NEWS, name), join(root, name));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("articleLoader", () => {
  it("stores each article with its data, body, file, digest and rendered segments", async () => {
    const { ctx, entries } = context(root);
    await articleLoader(".").load(ctx);
    expect([...entries.keys()].sort()).toEqual(
      readdirSync(NEWS)
        .map((n) => n.slice(0, -4))
        .sort(),
    );
    const entry = entries.get(COMMITTED)!;
    expect(entry.filePath).toBe(`${COMMITTED}.mdx`);
    expect(entry.body).toMatch(/^import Chart from/);
    expect((entry.data as { title: string }).title).toMatch(/^Tăng cường/);
    const segments = entry.rendered!.metadata!.segments!;
    expect(segments).toContainEqual({
      component: "Chart",
      props: { id: "to-chuc-huyen-tuyen-hoa", level: 2 },
      children: [],
    });
  });

  it("parses and renders again only what changed, and forgets removed files", async () => {
    const first = context(root);
    await articleLoader(".").load(first.ctx);
    // A second build starts from the stored entries, as Astro's data store gives them back.
    const second = context(root);
    for (const [id, entry] of first.entries) second.entries.set(id, entry);
    writeFileSync(join(root, "bai-moi.mdx"), readText(COMMITTED));
    unlinkSync(join(root, "thanh-binh-xay-dung-dang-sat-voi-thuc-tien.mdx"));
    await articleLoader(".").load(second.ctx);
    expect(second.parsed).toEqual(["bai-moi"]);
    expect(second.entries.has("thanh-binh-xay-dung-dang-sat-voi-thuc-tien")).toBe(false);
    expect(second.entries.get(COMMITTED)).toBe(first.entries.get(COMMITTED));
  });

  it("reloads a file the dev watcher reports changed, added or removed", async () => {
    const { ctx, entries, watcher } = context(root);
    await articleLoader(".").load(ctx);
    const file = join(root, `${COMMITTED}.mdx`);
    writeFileSync(file, readText(COMMITTED).replace("Đảng ta đã khẳng định", "Đảng ta khẳng định"));
    watcher.emit("change", file);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(JSON.stringify(entries.get(COMMITTED)!.rendered)).toContain("Đảng ta khẳng định");
    unlinkSync(file);
    watcher.emit("unlink", file);
    expect(entries.has(COMMITTED)).toBe(false);
  });

  it("fails the build with the file, line and column of a body it cannot render", async () => {
    writeFileSync(
      join(root, "bai-loi.mdx"),
      `${readText(COMMITTED).split("\n---\n")[0]}\n---\n\nHai {1 + 1} ba.\n`,
    );
    const { ctx } = context(root);
    await expect(articleLoader(".").load(ctx)).rejects.toThrow(/^bai-loi\.mdx:\d+:5 Dấu “\{”/);
  });
});

function readText(id: string): string {
  return readFileSync(join(NEWS, `${id}.mdx`), "utf8");
}
