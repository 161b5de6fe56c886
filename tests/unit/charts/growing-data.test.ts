// Figures that grow (issue 10), end to end from fixture CSVs and fixture articles: a unit with three
// dated member totals and one undated one from two articles, and a rating "… trở lên". Checked:
// the time series order, the undated figure apart, the headline showing the newest, and the
// qualifier from CSV to label, text alternative, table, tooltip and both CSV downloads.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { articleTitles } from "../../../src/lib/content/titles.ts";
import { downloadSvg, type ChartDefinition } from "../../../src/lib/charts/definition.ts";
import { LAYOUTS } from "../../../src/lib/charts/metrics.ts";
import { buildCharts, type ChartData } from "../../../src/lib/charts/registry.ts";
import { headlines } from "../../../src/lib/data/headlines.ts";
import { checkDatasetBytes, formatIssue, type AllDatasets } from "../../../src/lib/data/index.ts";
import { createSourceReader } from "../../../src/lib/data/sources.ts";

const DIR = resolve(import.meta.dirname, "../../fixtures/growing");
const NEWS = resolve(DIR, "news");
const sources = createSourceReader(NEWS, resolve(DIR, "no-pages"));
const titleOf = articleTitles(NEWS);

function load<K extends "dang-vien" | "xep-loai">(id: K, file = `${id}.csv`) {
  return checkDatasetBytes(id, readFileSync(resolve(DIR, file)), { file, sources });
}

function charts(members = load("dang-vien").rows, ratings = load("xep-loai").rows) {
  const data: ChartData = {
    "to-chuc-dang": [],
    "dang-vien": members,
    "ket-nap": [],
    "xep-loai": ratings,
    "huy-hieu": [],
    "kiem-tra-giam-sat": [],
  };
  return buildCharts(data, {}, titleOf);
}

/** The words of one layout's labels, lines joined. */
function labels(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*class="chart-(?:label|group)[^"]*"[^>]*>(.*?)<\/text>/g)].map(
    (m) =>
      m[1]!
        .replace(/<\/tspan><tspan[^>]*>/g, " ")
        .replace(/<[^>]+>/g, "")
        .replace(/&#39;/g, "'")
        .replace(/&quot;/g, '"'),
  );
}

const byId = (all: ChartDefinition[], id: string) => all.find((c) => c.id === id)!;

describe("fixture data", () => {
  it("is clean for the data check", () => {
    for (const id of ["dang-vien", "xep-loai"] as const) {
      expect(load(id).issues.map(formatIssue)).toEqual([]);
    }
  });

  it("refuses rows whose quote carries a qualifier the row drops, naming file:line:column", () => {
    // This file has no qualifier column: the problem is reported at the quote (column 14).
    const rating = load("xep-loai", "xep-loai-dropped.csv");
    expect(rating.issues.map(formatIssue)).toEqual([
      expect.stringMatching(
        /^xep-loai-dropped\.csv:2:14 Đoạn trích có chữ chỉ mức .* đoạn trích ghi “trở lên” cho cột “rating” nhưng cột “qualifier” để trống; hãy ghi “trở lên” vào cột “qualifier” .*\(qualifier-dropped\)$/,
      ),
    ]);
    const count = load("dang-vien", "dang-vien-dropped.csv");
    expect(count.issues.map((i) => [i.line, i.column, i.key, i.detail?.slice(0, 40)])).toEqual([
      [2, 9, "qualifier-dropped", "đoạn trích ghi “khoảng” cho cột “count” "],
    ]);
  });
});

describe("a unit's figures over time", () => {
  const members = byId(charts(), "so-dang-vien");

  it("orders the dated figures in time, marks the newest, and keeps the undated one apart", () => {
    for (const { layout, svg } of members.svgs) {
      const text = labels(svg);
      const at = (s: string) => text.findIndex((t) => t.includes(s));
      expect(at("Năm 2019"), layout.name).toBeGreaterThan(
        at("Đảng bộ huyện Thử Nghiệm: theo thời gian"),
      );
      expect(at("Hết năm 2021")).toBeGreaterThan(at("Năm 2019"));
      expect(at("Năm 2023 — mới nhất")).toBeGreaterThan(at("Hết năm 2021"));
      // The undated figure comes after the series, under its own heading, and has no date.
      expect(at("Đảng bộ huyện Thử Nghiệm: số không ghi thời điểm")).toBeGreaterThan(
        at("Năm 2023"),
      );
      expect(at("Không ghi thời điểm")).toBeGreaterThan(at("số không ghi thời điểm"));
      expect(text.filter((t) => t.includes("mới nhất"))).toHaveLength(1);
    }
    expect(members.table.rows.map((r) => r[1])).toEqual([
      "năm 2019",
      "hết năm 2021",
      "năm 2023",
      "không ghi thời điểm",
    ]);
    expect(members.takeaway).toContain("5.100 (năm 2019) → 5.612 (năm 2023)");
  });

  it("tells two figures of one period apart by their article", () => {
    const same = byId(charts(load("dang-vien", "dang-vien-same-period.csv").rows), "so-dang-vien");
    const text = labels(downloadSvg(same)).join("\n");
    expect(text).toContain("Hết năm 2021 (bài “Bài thử nghiệm thứ nhất”)");
    expect(text).toContain("Hết năm 2021 (bài “Bài thử nghiệm thứ hai”)");
  });

  it("headlines the newest dated figure, not the undated one, and follows a newer row", () => {
    const rows = load("dang-vien").rows;
    const datasets = (r: typeof rows) =>
      ({
        "dang-vien": { rows: r },
        "ket-nap": { rows: [] },
        "to-chuc-dang": { rows: [] },
      }) as unknown as AllDatasets;
    const [head] = headlines(datasets(rows));
    expect(head).toMatchObject({ row: { id: "tn-2023", count: 5612 }, undated: false });
    // Only the undated figure: it is the headline, marked undated.
    const onlyUndated = headlines(datasets(rows.filter((r) => r.period === undefined)));
    expect(onlyUndated[0]).toMatchObject({ row: { id: "tn-khong-ghi" }, undated: true });
  });
});

describe("a qualifier travels with its figure", () => {
  const all = charts();
  const rating = all.find((c) => c.dataset === "xep-loai")!;
  const members = byId(all, "so-dang-vien");

  it("“trở lên” on a rating: label, tooltip, text alternative, table, takeaway, both downloads", () => {
    const level = "Hoàn thành tốt nhiệm vụ trở lên";
    for (const { svg } of rating.svgs) {
      expect(svg).toContain(`${level}: 45/47 (95,74%)`);
      expect(svg).toMatch(new RegExp(`data-tip="[^"]*${level}: 45/47`));
    }
    expect(rating.description).toContain("hoàn thành tốt nhiệm vụ trở lên 45/47 (95,74%)");
    expect(rating.table.rows[0]).toContain(level);
    // Never the highest level, never exactly "hoàn thành tốt nhiệm vụ".
    expect(rating.takeaway).not.toMatch(/cao nhất/i);
    expect(`${rating.takeaway} ${rating.description}`).not.toMatch(/tốt nhiệm vụ(?! trở lên)/);
    const [header, row] = rating.csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(row!.split(",")[header!.split(",").indexOf("qualifier")]).toBe("trở lên");
    const [xHeader, xRow] = rating.excelCsv.replace(/^\uFEFF/, "").split("\r\n");
    expect(xRow!.split(";")[xHeader!.split(";").indexOf("qualifier")]).toBe("trở lên");
  });

  it("“khoảng” on a count: label, tooltip, text alternative, table, both downloads", () => {
    for (const { layout, svg } of members.svgs) {
      expect(labels(svg).join(" ") + svg, layout.name).toContain("khoảng 5.000");
      expect(svg).toContain("Không ghi thời điểm: khoảng 5.000 đảng viên");
    }
    expect(LAYOUTS.length).toBe(members.svgs.length);
    expect(members.description).toContain("Không ghi thời điểm: khoảng 5.000 đảng viên");
    expect(members.table.rows.find((r) => r[1] === "không ghi thời điểm")![2]).toBe("khoảng 5.000");
    expect(members.csv).toMatch(/\r\ntn-khong-ghi,[^\r]*,5000,khoảng,/);
    expect(members.excelCsv).toMatch(/\r\ntn-khong-ghi;[^\r]*;5000;khoảng;/);
  });
});
