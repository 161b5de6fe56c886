// Each MDX article holds exactly its source's text: every paragraph and caption, in order, nothing
// added, nothing "corrected"; furniture, title, date line and byline go to frontmatter or nowhere.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseFrontmatter } from "astro/markdown";
import { describe, expect, it } from "vitest";
import { articleSchema } from "../../src/lib/content/article-schema.ts";
import { describeDate, formatPublished } from "../../src/lib/content/articles.ts";
import { MDX_COMPONENT_NAMES } from "../../src/lib/content/mdx-components.ts";
import { NEWS_DIR, SEEDS, normalize, sourceBlocks, sourceLines } from "../helpers/seeds.ts";
import { mdxBlocks } from "../helpers/mdx.ts";

function readArticle(slug: string) {
  const { frontmatter, content } = parseFrontmatter(
    readFileSync(resolve(NEWS_DIR, `${slug}.mdx`), "utf8"),
  );
  return { data: articleSchema.parse(frontmatter), content };
}

describe.each(SEEDS.map((seed) => [seed.slug, seed] as const))("content/news/%s.mdx", (_, seed) => {
  const { data, content } = readArticle(seed.slug);
  const lines = new Set(sourceLines(seed));

  it("names only furniture, title, kicker, date line and byline lines the source really has", () => {
    const named = [...seed.furniture, seed.title, seed.kicker, seed.dateLine?.line, ...seed.byline];
    for (const line of named.filter((l) => l !== undefined)) {
      expect(lines, `${seed.file} has no line "${line}"`).toContain(normalize(line));
    }
    for (const caption of seed.captions) expect(lines).toContain(normalize(caption));
  });

  it("has every source paragraph and caption, in order, and nothing else in its body", () => {
    const expected = sourceBlocks(seed);
    expect(expected.length).toBeGreaterThan(3);
    expect(mdxBlocks(content)).toEqual(expected);
  });

  it("shows captions with PhotoCaption; any import line names a shared component", () => {
    const used = content.match(/<PhotoCaption>/g)?.length ?? 0;
    expect(used).toBe(seed.captions.length);
    // Imports are optional (the page passes the components); an old-style one must still be right.
    for (const [, name, path] of content.matchAll(/^import (\w+) from "([^"]+)";$/gm)) {
      expect(MDX_COMPONENT_NAMES).toContain(name);
      expect(path).toMatch(
        new RegExp(`^\\.\\./\\.\\./src/components/(mdx|charts)/${name}\\.astro$`),
      );
    }
  });

  it("carries the title, kicker and byline as the source prints them", () => {
    expect(data.title).toBe(seed.title);
    expect(data.kicker).toBe(seed.kicker);
    expect(data.author).toEqual(seed.author);
  });

  it("gives the date only where the source does, as the source gives it", () => {
    if (seed.dateLine) {
      const shown = seed.dateLine.time
        ? `${seed.dateLine.day} ${seed.dateLine.time}`
        : seed.dateLine.day;
      expect(formatPublished(data)).toBe(shown);
      expect(describeDate(data)).toContain(shown);
    } else {
      expect(data.published).toBeUndefined();
      expect(describeDate(data)).toMatch(/^Không ghi ngày đăng/);
    }
  });

  it("summarises in the article's own words: every summary sentence is taken from the body", () => {
    const body = mdxBlocks(content)
      .map((block) => block.text)
      .join(" ");
    const sentences = data.summary.split(/(?<=\.) /).map((s) => s.replace(/[.:]$/, ""));
    for (const sentence of sentences) {
      // Up to the first clause break: a summary may stop a long sentence early or start one
      // mid-way with a capital letter ("Năm 2020, …" from "Cụ thể, năm 2020, …"), never alter it.
      const clause = sentence.split(/[;:]/)[0]!;
      const midway = clause[0]!.toLowerCase() + clause.slice(1);
      expect(body.includes(clause) || body.includes(midway), clause).toBe(true);
    }
    for (const figure of data.summary.match(/\d[\d.,/%]*\d%?|\d/g) ?? []) {
      expect(body).toContain(figure);
    }
  });

  it("keeps the outlet's mark in the lead and records it", () => {
    expect(data.source.mark).toBe(seed.mark);
    if (seed.mark) expect(mdxBlocks(content)[0]!.text.startsWith(seed.mark)).toBe(true);
  });
});

describe("source wording is kept, typos included", () => {
  const cases: [slug: string, phrase: string][] = [
    ["tuyen-hoa-cung-co-to-chuc-co-so-dang", "Đề án số 02-ĐA/HU ngày 15/12/2021về"],
    ["lang-son-thi-dua-lam-tot-cong-tac-to-chuc-xay-dung-dang", "ngành tổ chức chức xây dựng"],
    ["lang-son-thi-dua-lam-tot-cong-tac-to-chuc-xay-dung-dang", "đánh gia công tác"],
    ["lang-son-thi-dua-lam-tot-cong-tac-to-chuc-xay-dung-dang", "lần thức XVII"],
    ["lang-son-thi-dua-lam-tot-cong-tac-to-chuc-xay-dung-dang", 'quy hoạch "mở"'],
    ["khoi-cac-co-quan-tinh-lang-son-xay-dung-dang-la-then-chot", "226 dảng viên mới"],
    ["khoi-cac-co-quan-tinh-lang-son-xay-dung-dang-la-then-chot", "LSO-Đảng bộ Khối"],
    ["thanh-binh-xay-dung-dang-sat-voi-thuc-tien", "ĐTO - Trong năm qua"],
  ];
  it.each(cases)("%s keeps %j", (slug, phrase) => {
    expect(normalize(readArticle(slug).content)).toContain(phrase);
  });

  it("keeps the seven numbered points Thứ nhất … Thứ bảy as paragraphs", () => {
    const blocks = mdxBlocks(readArticle("tuyen-hoa-cung-co-to-chuc-co-so-dang").content);
    const points = blocks.map((b) => /^Thứ (\S+),/.exec(b.text)?.[1]).filter(Boolean);
    expect(points).toEqual(["nhất", "hai", "ba", "tư", "năm", "sáu", "bảy"]);
  });
});
