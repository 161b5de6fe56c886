// Every committed row points at an existing article, quotes it word for word, and the figure is in the quote.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  DATASET_IDS,
  DATASETS,
  loadAllDatasets,
  formatIssue,
} from "../../../src/lib/data/index.ts";
import { columnsOf } from "../../../src/lib/data/present.ts";
import { numbersInText } from "../../../src/lib/data/numbers.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
const { datasets, issues } = loadAllDatasets(resolve(ROOT, "data"));

/** Article body (frontmatter and MDX tags dropped) and, for page furniture, data/nguon/<slug>.txt; whitespace collapsed. */
function sourceText(slug: string): string {
  const mdx = readFileSync(resolve(ROOT, "content/news", `${slug}.mdx`), "utf8").replace(
    /^---\n[\s\S]*?\n---\n/,
    "",
  );
  const page = resolve(ROOT, "data/nguon", `${slug}.txt`);
  const extra = existsSync(page) ? readFileSync(page, "utf8") : "";
  // MDX components around figures (<DataFigure …>47</DataFigure>) are markup, not text.
  return `${mdx}\n${extra}`.replace(/<\/?[A-Za-z][^>]*>/g, "").replace(/\s+/g, " ");
}

describe("committed datasets", () => {
  it("pass every check", () => {
    expect(issues.map(formatIssue)).toEqual([]);
  });

  for (const id of DATASET_IDS) {
    const numeric = columnsOf(DATASETS[id].schema).filter(
      (c) => c.kind === "count" || c.kind === "percent" || c.kind === "decimal",
    );
    it(`${id}: has rows, each from an existing article, quoted verbatim, with its figures in the quote`, () => {
      const rows = datasets[id].rows as Record<string, unknown>[];
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        const slug = String(row.source);
        expect(existsSync(resolve(ROOT, "content/news", `${slug}.mdx`)), slug).toBe(true);
        if (row.derived === true) {
          expect(row.note, `${String(row.id)} is derived and says how`).toBeTruthy();
          continue;
        }
        const quote = String(row.quote).replace(/\s+/g, " ");
        expect(sourceText(slug), `${String(row.id)}: quote in ${slug}`).toContain(quote);
        const written = numbersInText(quote);
        for (const column of numeric) {
          const value = row[column.name];
          if (typeof value === "number") {
            expect(written, `${String(row.id)}.${column.name} = ${value} in “${quote}”`).toContain(
              value,
            );
          }
        }
      }
    });
  }

  it("name the same province and district as their source article", () => {
    const locality = (slug: string) => {
      const mdx = readFileSync(resolve(ROOT, "content/news", `${slug}.mdx`), "utf8");
      const field = (name: string) => new RegExp(`^  ${name}: "([^"]*)"$`, "m").exec(mdx)?.[1];
      return [field("province"), field("district")];
    };
    for (const id of DATASET_IDS) {
      for (const row of datasets[id].rows as {
        id: string;
        source: string;
        province: string;
        district?: string;
      }[]) {
        expect([row.province, row.district], row.id).toEqual(locality(row.source));
      }
    }
  });

  it("keep the source's gaps explicit instead of filling them", () => {
    expect(
      datasets["to-chuc-dang"].gaps.map((g) => [g.totalId, g.total, g.partsSum, g.missing]),
    ).toEqual([
      ["th-chi-bo-xa-thi-tran", 241, 236, 5],
      ["kcq-co-so-truc-thuoc", 73, 72, 1],
    ]);
  });

  it("never state a target the source does not give", () => {
    for (const row of datasets["ket-nap"].rows) expect(row.target).toBeUndefined();
    const langSon = datasets["ket-nap"].rows.find((r) => r.id === "ls-ket-nap-2020")!;
    expect([langSon.count, langSon.percent_of_target]).toEqual([2053, 102]);
  });

  it("Cao Lãnh's article has no figures and no rows", () => {
    const all = DATASET_IDS.flatMap((id) => datasets[id].rows as { source: string }[]);
    expect(
      all.some((r) => r.source === "cao-lanh-doi-moi-phuong-thuc-lanh-dao-to-chuc-co-so-dang"),
    ).toBe(false);
    expect(new Set(all.map((r) => r.source)).size).toBe(4);
  });
});

describe("periods no more precise than the source", () => {
  it("“Đến hết năm” only where the sentence holding the figure says “hết năm”", () => {
    const all = DATASET_IDS.flatMap(
      (id) =>
        datasets[id].rows as {
          id: string;
          period?: string;
          period_kind: string;
          source: string;
          quote?: string;
        }[],
    );
    const endOfYear = all.filter((r) => r.period_kind === "end_of_year");
    expect(endOfYear.length).toBeGreaterThan(0);
    for (const row of endOfYear) {
      const text = sourceText(row.source);
      const at = text.indexOf(row.quote!.replace(/\s+/g, " "));
      const sentenceStart = text.lastIndexOf(". ", at) + 2;
      expect(text.slice(sentenceStart, at + row.quote!.length), row.id).toMatch(
        new RegExp(`hết năm ${row.period}`, "i"),
      );
    }
    const langSon = datasets["dang-vien"].rows.find((r) => r.id === "ls-dang-vien")!;
    expect([langSon.period, langSon.period_kind]).toEqual(["2020", "year"]);
  });

  it("Thanh Bình's awards say the year 2022 is inferred, each from its own occasion", () => {
    const rows = datasets["thi-dua-khen-thuong"].rows;
    const note = (id: string) => rows.find((r) => r.id === id)?.note ?? "";
    expect(note("tb-2022-dot-thi-dua-tap-the")).toContain("19/5/2022");
    expect(note("tb-2022-dot-thi-dua-tap-the")).toContain("năm 2022 suy từ");
    const conclusion = rows.filter((r) => r.id.startsWith("tb-2022-ket-luan-01-"));
    expect(conclusion).toHaveLength(4);
    for (const row of conclusion) {
      expect(row.note).toContain("Kết luận số 01 ngày 18/5/2021");
      expect(row.note).toContain("năm 2022 suy từ đó");
      expect(row.note).not.toContain("19/5/2022");
    }
  });
});
