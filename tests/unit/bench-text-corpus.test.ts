import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { pagesIndexed } from "../../tools/bench/lib/index-step.ts";
import { stripComponents, writeTextCorpus } from "../../tools/bench/lib/strip-components.ts";

const REPO = resolve(import.meta.dirname, "../..");
const FRONT = '---\ntitle: "Tin <A>"\nunit: "x"\n---\n';

describe("stripComponents", () => {
  it("drops import lines and self-closing charts, keeps the prose and the frontmatter", () => {
    const text =
      `${FRONT}\nimport Chart from "../../src/components/charts/Chart.astro";\n` +
      'import DataFigure from "../../src/components/charts/DataFigure.astro";\n\n' +
      "Đoạn một.\n\n" +
      '<Chart id="to-chuc" level={2} />\n\n' +
      "Đoạn hai.\n";
    expect(stripComponents(text)).toBe(`${FRONT}\nĐoạn một.\n\nĐoạn hai.\n`);
  });

  it("keeps a caption as a paragraph and a figure's number in its sentence", () => {
    const text =
      `${FRONT}\nCó <DataFigure row="dang-vien#th-dang-vien">6.001</DataFigure> đảng viên, ` +
      "trên 90% đạt.\n\n<PhotoCaption>Kết nạp đảng viên. (Ảnh: TT).</PhotoCaption>\n";
    expect(stripComponents(text)).toBe(
      `${FRONT}\nCó 6.001 đảng viên, trên 90% đạt.\n\nKết nạp đảng viên. (Ảnh: TT).\n`,
    );
  });

  it("reads attributes holding > in quotes or braces, and multi-line elements", () => {
    const text =
      `${FRONT}\n<Chart id="a>b" filter={(r) => r.x > 1}\n  level={2}\n/>\n\n` +
      "<PhotoCaption\n  credit='x > y'\n>\nDòng chú thích\n</PhotoCaption>\n";
    expect(stripComponents(text)).toBe(`${FRONT}\nDòng chú thích\n`);
  });

  it("leaves HTML elements, fenced code and an import word inside a paragraph alone", () => {
    const text =
      `${FRONT}\nMột <strong>chữ</strong> đậm;\nimport khẩu tăng.\n\n` +
      '```\n<Chart id="x" />\n```\n';
    expect(stripComponents(text)).toBe(text);
  });

  it("drops an export block that spans lines", () => {
    const text = `${FRONT}\nexport const meta = {\n  a: 1,\n};\n\nChữ.\n`;
    expect(stripComponents(text)).toBe(`${FRONT}\nChữ.\n`);
  });

  it("names file:line:column of a tag that never closes", () => {
    const text = `${FRONT}\nChữ.\n\n<Chart id="x"\n`;
    expect(() => stripComponents(text, "a.mdx")).toThrow(/^a\.mdx:8:1: thẻ <Chart không có dấu >/);
  });

  it("leaves no component and no import in the real articles, and keeps their words", () => {
    const dir = join(REPO, "content/news");
    for (const name of readdirSync(dir).filter((n) => n.endsWith(".mdx"))) {
      const text = readFileSync(join(dir, name), "utf8");
      const out = stripComponents(text, name);
      expect(out, name).not.toMatch(/<\/?[A-Z]/);
      expect(out, name).not.toMatch(/^(import|export)\s/m);
      expect(out.split("\n---")[0], name).toBe(text.split("\n---")[0]);
      // Every caption's words survive.
      for (const [, caption] of text.matchAll(/<PhotoCaption>([^<]*)<\/PhotoCaption>/g)) {
        expect(out, name).toContain(`\n${caption}\n`);
      }
    }
  });
});

describe("writeTextCorpus", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("writes one stripped file per article and replaces an earlier corpus", () => {
    dir = mkdtempSync(join(tmpdir(), "bench-text-"));
    const from = join(dir, "news");
    const to = join(dir, "text");
    writeTextCorpus(join(REPO, "content/news"), from);
    writeFileSync(join(from, "b.mdx"), `${FRONT}\n<Chart id="x" />\n\nChữ.\n`);
    writeTextCorpus(from, to);
    writeFileSync(join(to, "stale.mdx"), "x");
    const names = writeTextCorpus(from, to);
    expect(readdirSync(to).sort()).toEqual(names);
    expect(readFileSync(join(to, "b.mdx"), "utf8")).toBe(`${FRONT}\nChữ.\n`);
  });
});

describe("pagesIndexed", () => {
  it("reads the page count of the index's manifest", () => {
    expect(pagesIndexed(JSON.stringify({ format: 1, pages: 23, buckets: 64 }))).toBe(23);
    expect(pagesIndexed("{}")).toBe(0);
  });
});
