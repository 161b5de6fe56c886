// The self-hosted fonts (tools/fonts/): three files, each mapping Latin and Vietnamese, declared
// once in src/styles/fonts.css with a unicode-range that says exactly what they hold.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { codePoints } from "../../tools/fonts/cmap.ts";
import { FACES, keptText, unicodeRange } from "../../tools/fonts/faces.ts";
import { ROOT } from "../helpers/server.ts";

const FONT_DIR = join(ROOT, "src/styles/fonts");
const css = readFileSync(join(ROOT, "src/styles/fonts.css"), "utf8");
const kept = [...keptText()].map((c) => c.codePointAt(0)!);

describe("site fonts", () => {
  it("are at most three files, one per weight of each family", () => {
    expect(readdirSync(FONT_DIR).sort()).toEqual(FACES.map((f) => f.file).sort());
    expect(FACES.length).toBeLessThanOrEqual(3);
    expect(new Set(FACES.map((f) => `${f.family} ${f.weight}`)).size).toBe(FACES.length);
  });

  it.each(FACES.map((f) => [f.file]))(
    "%s maps every kept character and nothing else",
    async (file) => {
      const mapped = await codePoints(readFileSync(join(FONT_DIR, file)));
      expect(mapped).toEqual(kept);
    },
  );

  it("fonts.css declares each file once, swapping in, with the kept unicode-range", () => {
    const faces = css.split("@font-face").slice(1);
    expect(faces).toHaveLength(FACES.length);
    const range = unicodeRange().replace(/\s+/g, " ");
    for (const face of FACES) {
      const block = faces.find((f) => f.includes(`./fonts/${face.file}`))!;
      expect(block, face.file).toBeDefined();
      expect(block).toContain(`font-family: "${face.family}"`);
      expect(block).toContain(`font-weight: ${face.weight}`);
      expect(block).toContain("font-display: swap");
      expect(block.replace(/\s+/g, " ")).toContain(`unicode-range: ${range};`);
    }
    expect(css).not.toMatch(/font-style: italic|node_modules/);
  });

  it("cover every letter the articles and datasets use", () => {
    const dirs = ["content/news", "data"];
    const missing = new Set<string>();
    for (const dir of dirs) {
      for (const name of readdirSync(join(ROOT, dir))) {
        if (!/\.(mdx|csv)$/.test(name)) continue;
        for (const ch of readFileSync(join(ROOT, dir, name), "utf8").match(/\p{L}/gu) ?? []) {
          if (!kept.includes(ch.codePointAt(0)!)) missing.add(ch);
        }
      }
    }
    expect([...missing]).toEqual([]);
  });
});
