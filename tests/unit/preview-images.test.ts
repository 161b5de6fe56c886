// The preview step's job list (src/lib/previews/images.ts) over the articles as the build step
// reads them (src/lib/content/article-files.ts): one image per published chart, article and
// dataset, at the path its page names (previewPath), drawn from the article's own frontmatter.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { publishedCharts } from "../../src/lib/chart-pages/pages.ts";
import { describeDate } from "../../src/lib/content/articles.ts";
import { parseArticle, readArticles } from "../../src/lib/content/article-files.ts";
import { contentDir } from "../../src/lib/data/paths.ts";
import { DATASET_IDS } from "../../src/lib/data/datasets.ts";
import { previewSvg } from "../../src/lib/previews/card.ts";
import { articleCard, previewPath } from "../../src/lib/previews/cards.ts";
import { articleFacts, previewImages } from "../../src/lib/previews/images.ts";
import { previewKey } from "../../src/lib/previews/png-cache.ts";

const tmp = mkdtempSync(join(tmpdir(), "portal-preview-images-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("previewImages(articles)", () => {
  const articles = readArticles();
  const images = previewImages(articles);

  it("lists one image per published chart, article and dataset, at its page's path", () => {
    const names = images.map((i) => `${i.kind}/${i.name}`);
    expect(names).toEqual([
      ...publishedCharts().map((c) => `bieu-do/${c.id}`),
      ...articles.map((a) => `tin-tuc/${a.id}`),
      ...DATASET_IDS.map((id) => `du-lieu/${id}`),
    ]);
    for (const i of images) expect(i.path).toBe(previewPath(i.kind, i.name));
    for (const i of images) expect(i.key).toBe(previewKey(i.svg));
  });

  it("draws an article's card from its frontmatter: title, date as the page says it, place", () => {
    const article = articles.find((a) => a.id === "tuyen-hoa-cung-co-to-chuc-co-so-dang")!;
    const facts = articleFacts(article);
    expect(facts.place).toBe("Tuyên Hóa");
    expect(facts.date).toBe(describeDate(article.data));
    const image = images.find((i) => i.kind === "tin-tuc" && i.name === article.id)!;
    expect(image.svg).toBe(previewSvg(articleCard(facts)));
  });

  it("names the province where an article gives no district", () => {
    const text = readFileSync(
      join(contentDir(), "tuyen-hoa-cung-co-to-chuc-co-so-dang.mdx"),
      "utf8",
    );
    const article = parseArticle("x", text.replace('  district: "Tuyên Hóa"\n', ""))!;
    expect(articleFacts(article).place).toBe("Quảng Bình");
  });
});

describe("readArticles(dir)", () => {
  it("stops at an article that would not pass the build, naming its file", () => {
    const dir = join(tmp, "news");
    cpSync(contentDir(), dir, { recursive: true });
    writeFileSync(join(dir, "hong.mdx"), "---\ntitle: 1\n---\nThân bài.\n");
    expect(() => readArticles(dir)).toThrow(/hong\.mdx: phần đầu bài \(frontmatter\) không hợp lệ/);
  });
});
