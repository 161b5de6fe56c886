import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { allCharts, downloadIds } from "../../../src/lib/charts/registry.ts";
import { downloadSvg, type ChartDefinition } from "../../../src/lib/charts/definition.ts";
import { chartData } from "../../../src/lib/charts/site-charts.ts";

const charts = allCharts(chartData());
const owners = downloadIds(charts);
const byId = new Map(charts.map((c) => [c.id, c]));
/** What a reader downloads, with the chart's own id taken out of the SVG. */
const drawing = (c: ChartDefinition) => [c.csv, c.excelCsv, downloadSvg(c).replaceAll(c.id, "#")];

describe("downloadIds", () => {
  it("lets a filtered chart that draws what its unfiltered chart draws use that chart's files", () => {
    // Tuyên Hóa is the only district of Quảng Bình in the data: the filtered chart is the same.
    expect(owners.get("to-chuc-huyen-tuyen-hoa--quang-binh")).toBe("to-chuc-huyen-tuyen-hoa");
    expect(owners.get("to-chuc-huyen-tuyen-hoa")).toBe("to-chuc-huyen-tuyen-hoa");
  });

  it("gives every chart files that draw exactly it, and no two owners the same drawing", () => {
    expect(owners.size).toBe(charts.length);
    for (const chart of charts) {
      const owner = byId.get(owners.get(chart.id)!)!;
      expect(owners.get(owner.id), chart.id).toBe(owner.id);
      expect(drawing(chart), chart.id).toEqual(drawing(owner));
    }
    const published = [...new Set(owners.values())].map((id) => byId.get(id)!);
    const seen = new Set(published.map((c) => JSON.stringify([c.family, drawing(c)])));
    expect(seen.size).toBe(published.length);
    expect(published.length).toBeLessThan(charts.length);
  });

  it("never shares files across chart families, even for the same drawing", () => {
    const chart = charts[0]!;
    const twin = {
      ...chart,
      id: `${chart.id}-ban-sao`,
      family: `${chart.family}-ban-sao`,
      svgs: chart.svgs.map((s) => ({
        ...s,
        svg: s.svg.replaceAll(chart.id, `${chart.id}-ban-sao`),
      })),
    };
    expect(downloadIds([chart, twin]).get(twin.id)).toBe(twin.id);
  });
});

describe("chart CSV downloads", () => {
  it("hold a derived “Không rõ” row for every “Không rõ” bar the chart draws, and none otherwise", () => {
    for (const chart of charts) {
      const marks = downloadSvg(chart).match(/data-series="khong-ro"/g)?.length ?? 0;
      const unknown = chart.csv.split("\r\n").filter((line) => line.includes("Không rõ"));
      expect(unknown, chart.id).toHaveLength(marks);
    }
    const parsed = Papa.parse<Record<string, string>>(
      byId.get("to-chuc-huyen-tuyen-hoa")!.csv.replace("\uFEFF", ""),
      { header: true, skipEmptyLines: true },
    );
    const cells = parsed.data.at(-1);
    expect(cells).toMatchObject({
      kind: "Không rõ (nguồn không nêu)",
      count: "5",
      part_of: "th-chi-bo-xa-thi-tran",
      derived: "1",
      quote: "",
      note: "Tính ra, nguồn không nêu: tổng 241 trừ các phần theo “loại chi bộ” (cộng lại 236).",
    });
  });
});
