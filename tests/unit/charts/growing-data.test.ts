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
  const all = charts();
  const history = byId(all, "so-dang-vien-theo-thoi-gian");

  /** Axis ticks of one layout, left to right, with their x positions. */
  const ticks = (svg: string) =>
    [...svg.matchAll(/<text x="([\d.]+)"[^>]*class="chart-axis"[^>]*><tspan[^>]*>([^<]+)</g)].map(
      (m) => ({ x: Number(m[1]), text: m[2]! }),
    );
  /** Dots of the dated series, left to right: x, y and their tooltips. */
  const dots = (svg: string) =>
    [
      ...svg.matchAll(
        /data-tip="([^"]+)" data-series="dated"><circle cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)"/g,
      ),
    ].map((m) => ({ tip: m[1]!, x: Number(m[2]), y: Number(m[3]), r: Number(m[4]) }));

  it("draws the dated figures along a time axis, in order and spaced by time, the newest marked", () => {
    for (const { layout, svg } of history.svgs) {
      const points = dots(svg);
      expect(
        points.map((p) => p.tip),
        layout.name,
      ).toEqual([
        "Đảng bộ huyện Thử Nghiệm — Năm 2019: 5.100 đảng viên",
        "Đảng bộ huyện Thử Nghiệm — Hết năm 2021: 5.350 đảng viên",
        "Đảng bộ huyện Thử Nghiệm — Năm 2023 (mới nhất): 5.612 đảng viên",
      ]);
      // 2019, end of 2021, 2023 (a year runs to its end): two years, then two years.
      const [a, b, c] = points.map((p) => p.x) as [number, number, number];
      expect(a).toBeLessThan(b);
      expect(b - a).toBeCloseTo(c - b, 0);
      // Higher figures sit higher; only the newest dot is the large filled one.
      expect(points[2]!.y).toBeLessThan(points[0]!.y);
      expect(points.map((p) => p.r)).toEqual([4, 4, 6]);
      expect(svg).toContain('fill="none" stroke="#0072B2"');
      expect(ticks(svg).map((t) => t.text)).toEqual(["2019", "hết 2021", "2023"]);
      expect(svg).toContain("Số mới nhất");
    }
    expect(history.table.rows.map((r) => r[1])).toEqual([
      "năm 2019",
      "hết năm 2021",
      "năm 2023",
      "không ghi thời điểm",
    ]);
    expect(history.takeaway).toContain("5.100 (năm 2019) → 5.612 (năm 2023)");
    expect(history.description).toContain(
      "năm 2019: 5.100 đảng viên; hết năm 2021: 5.350 đảng viên; năm 2023: 5.612 đảng viên (mới nhất)",
    );
  });

  it("keeps the undated figure apart: listed under the plot, never on the axis", () => {
    for (const { layout, svg } of history.svgs) {
      expect(labels(svg).join(" "), layout.name).toContain(
        "Số không ghi thời điểm (không đặt trên trục thời gian):",
      );
      expect(svg).toMatch(
        /data-tip="[^"]*Không ghi thời điểm: khoảng 5.000 đảng viên" data-series="undated"/,
      );
      // Below the time axis, and not among its ticks or dots.
      const axisY = Math.max(
        ...[...svg.matchAll(/<text x="[\d.]+" y="([\d.]+)"[^>]*class="chart-axis"/g)].map((m) =>
          Number(m[1]),
        ),
      );
      const undatedY = Number(/data-series="undated"><rect x="[\d.]+" y="([\d.]+)"/.exec(svg)![1]);
      expect(undatedY).toBeGreaterThan(axisY);
      expect(dots(svg).some((p) => p.tip.includes("5.000"))).toBe(false);
    }
    expect(history.description).toContain("Không ghi thời điểm: khoảng 5.000 đảng viên.");
  });

  it("compares units by their newest figure in the main chart", () => {
    const members = byId(all, "so-dang-vien");
    for (const { svg } of members.svgs) {
      expect(labels(svg).join(" ")).toContain("Đảng bộ huyện Thử Nghiệm (năm 2023, số mới nhất)");
      expect(svg).not.toContain("5.100");
    }
    expect(members.rowIds).toEqual(["tn-2023"]);
    expect(history.rowIds).toEqual(["tn-2019", "tn-2021", "tn-2023", "tn-khong-ghi"]);
  });

  it("tells two figures of one period apart by their article, and calls neither the newest", () => {
    const rows = load("dang-vien", "dang-vien-same-period.csv").rows;
    const same = byId(charts(rows), "so-dang-vien-theo-thoi-gian");
    const text = labels(downloadSvg(same)).join("\n");
    expect(text).toContain(
      "Hết năm 2021: 5.350 (bài “Bài thử nghiệm thứ nhất”); 5.348 (bài “Bài thử nghiệm thứ hai”)",
    );
    expect(downloadSvg(same)).not.toContain("mới nhất");
    expect(same.takeaway).toBe("Đảng bộ huyện Thử Nghiệm, hết năm 2021: 2 bài nêu 5.350 và 5.348.");
    const main = byId(charts(rows), "so-dang-vien");
    expect(labels(downloadSvg(main)).join(" ")).toContain(
      "Đảng bộ huyện Thử Nghiệm (hết năm 2021, bài “Bài thử nghiệm thứ hai”)",
    );
    expect(main.takeaway).not.toContain("→");
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
    const history = byId(all, "so-dang-vien-theo-thoi-gian");
    for (const { layout, svg } of history.svgs) {
      expect(labels(svg).join(" "), layout.name).toContain("khoảng 5.000");
      expect(svg).toContain("Không ghi thời điểm: khoảng 5.000 đảng viên");
    }
    expect(LAYOUTS.length).toBe(history.svgs.length);
    expect(history.description).toContain("Không ghi thời điểm: khoảng 5.000 đảng viên");
    expect(history.table.rows.find((r) => r[1] === "không ghi thời điểm")![2]).toBe("khoảng 5.000");
    expect(history.csv).toMatch(/\r\ntn-khong-ghi,[^\r]*,5000,khoảng,/);
    expect(history.excelCsv).toMatch(/\r\ntn-khong-ghi;[^\r]*;5000;khoảng;/);
  });
});
