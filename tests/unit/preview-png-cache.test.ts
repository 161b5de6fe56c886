// The preview images' own cache (src/lib/previews/png-cache.ts): an unchanged card is read back,
// not drawn again; a changed card is drawn; --force draws everything; a cached image is the very
// bytes a fresh rasterization gives; images no page shows any more are forgotten.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { previewSvg } from "../../src/lib/previews/card.ts";
import {
  cachedPng,
  defaultPngCache,
  keepOnly,
  previewKey,
  type PngCache,
} from "../../src/lib/previews/png-cache.ts";
import { renderPng } from "../../src/lib/previews/render.ts";

const root = mkdtempSync(join(tmpdir(), "portal-png-cache-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let folders = 0;
const freshCache = (force = false): PngCache => ({ dir: join(root, `c${++folders}`), force });

const card = (title: string) =>
  previewSvg({ kicker: "Bài viết", title, lines: ["Tóm tắt."], footer: "Lạng Sơn · 28/02/2023" });

/** A renderer that counts its calls and answers distinct bytes each time. */
function counting() {
  const calls: string[] = [];
  return {
    calls,
    render: (svg: string) => async () => {
      calls.push(svg);
      return Buffer.from(`png ${calls.length}`);
    },
  };
}

describe("preview PNG cache", () => {
  it("draws a new card once and reads it back the next time", async () => {
    const cache = freshCache();
    const { calls, render } = counting();
    const svg = card("Một");
    const first = await cachedPng(cache, previewKey(svg), render(svg));
    const second = await cachedPng(cache, previewKey(svg), render(svg));
    expect(calls).toHaveLength(1);
    expect(second.equals(first)).toBe(true);
  });

  it("draws a changed card again (its key changes with any byte of its SVG)", async () => {
    const cache = freshCache();
    const { calls, render } = counting();
    const [a, b] = [card("Một"), card("Một.")];
    expect(previewKey(a)).not.toBe(previewKey(b));
    await cachedPng(cache, previewKey(a), render(a));
    const changed = await cachedPng(cache, previewKey(b), render(b));
    expect(calls).toEqual([a, b]);
    expect(changed.toString()).toBe("png 2");
  });

  it("with --force draws every card again and keeps the new image", async () => {
    const cache = freshCache();
    const { calls, render } = counting();
    const svg = card("Một");
    await cachedPng(cache, previewKey(svg), render(svg));
    const forced = await cachedPng({ ...cache, force: true }, previewKey(svg), render(svg));
    expect(calls).toHaveLength(2);
    expect(forced.toString()).toBe("png 2");
    expect((await cachedPng(cache, previewKey(svg), render(svg))).toString()).toBe("png 2");
  });

  it("gives the bytes a fresh rasterization gives (a cold build equals a rebuild)", async () => {
    const cache = freshCache();
    const svg = card("Kết nạp 6.001 đảng viên");
    const cold = await renderPng(svg);
    await cachedPng(cache, previewKey(svg), () => renderPng(svg));
    let drawn = false;
    const reused = await cachedPng(cache, previewKey(svg), () => {
      drawn = true;
      return renderPng(svg);
    });
    expect(drawn).toBe(false);
    expect(reused.equals(cold)).toBe(true);
  });

  it("forgets images no page shows and half-written files, keeps the rest", async () => {
    const cache = freshCache();
    const { render } = counting();
    const [a, b] = [card("Một"), card("Hai")];
    await cachedPng(cache, previewKey(a), render(a));
    await cachedPng(cache, previewKey(b), render(b));
    writeFileSync(join(cache.dir, `${previewKey(a)}.png.123.part`), "half");
    keepOnly(cache, [previewKey(a)]);
    expect(readdirSync(cache.dir)).toEqual([`${previewKey(a)}.png`]);
    keepOnly(freshCache(), []); // a cache never written is no error
  });

  it("lives beside Astro's cache and follows --force", () => {
    const cache = defaultPngCache({ ASTRO_CACHE_DIR: join(root, "astro") }, ["astro", "build"]);
    expect(cache).toEqual({ dir: join(root, "astro", "previews"), force: false });
    expect(defaultPngCache({}, ["astro", "build", "--force"]).force).toBe(true);
    expect(existsSync(cache.dir)).toBe(false);
  });
});
