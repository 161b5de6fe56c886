// The real build carries .br and .gz copies of its text files over 1 KB, true to the originals.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { isCompressible, MIN_COMPRESS_BYTES } from "../../src/lib/compression.ts";
import { DIST } from "../helpers/server.ts";

const files = (readdirSync(DIST, { recursive: true }) as string[]).filter((f) =>
  statSync(join(DIST, f)).isFile(),
);
const targets = files.filter(
  (f) => isCompressible(f) && statSync(join(DIST, f)).size > MIN_COMPRESS_BYTES,
);

describe("precompressed build", () => {
  it("has pages, styles, scripts, charts and data to compress", () => {
    for (const ext of [".html", ".css", ".js", ".svg", ".csv", ".xml"]) {
      expect(
        targets.some((f) => f.endsWith(ext)),
        ext,
      ).toBe(true);
    }
  });

  it("every text file over 1 KB has a .br and a .gz that decompress to it", () => {
    const wrong = targets.filter((f) => {
      const original = readFileSync(join(DIST, f));
      const br = brotliDecompressSync(readFileSync(join(DIST, `${f}.br`)));
      const gz = gunzipSync(readFileSync(join(DIST, `${f}.gz`)));
      return !br.equals(original) || !gz.equals(original);
    });
    expect(wrong).toEqual([]);
  });

  it("no copy of a small or binary file, and no copy without its original", () => {
    const copies = files.filter((f) => /\.(br|gz)$/.test(f));
    expect(copies.filter((c) => !targets.includes(c.replace(/\.(br|gz)$/, "")))).toEqual([]);
  });
});
