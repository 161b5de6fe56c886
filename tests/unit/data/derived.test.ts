// Derived values marked everywhere (issue 22): the ratings chart's "Không rõ" remainder (45 of 47
// rated "hoàn thành tốt nhiệm vụ trở lên" leaves 2 the source does not place) is decided once, in
// data/derived.ts, and every output of the chart and of its dataset carries it as derived.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { downloadSvg } from "../../../src/lib/charts/definition.ts";
import { buildCharts } from "../../../src/lib/charts/registry.ts";
import { DERIVED_MARK, derivedRows, UNKNOWN_LABEL } from "../../../src/lib/data/derived.ts";
import {
  downloadRows,
  toCsv,
  toExcelCsv,
  toJson,
  type JsonDownload,
} from "../../../src/lib/data/download.ts";
import { checkDatasetBytes } from "../../../src/lib/data/index.ts";
import { ratingSchema } from "../../../src/lib/data/schemas.ts";
import { createSourceReader } from "../../../src/lib/data/sources.ts";

const DIR = resolve(import.meta.dirname, "../../fixtures/growing");
const sources = createSourceReader(resolve(DIR, "news"), resolve(DIR, "no-pages"));
const { rows } = checkDatasetBytes("xep-loai", readFileSync(resolve(DIR, "xep-loai.csv")), {
  file: "xep-loai.csv",
  sources,
});
const chart = buildCharts({ "xep-loai": rows }, {}, () => "Bài thử").find(
  (c) => c.dataset === "xep-loai",
)!;

const parse = (csv: string, delimiter: string) =>
  Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: true,
    delimiter,
  }).data;

const NOTE =
  "Tính ra, nguồn không nêu: 47 được xếp loại trừ các mức nguồn nêu (cộng lại 45); tỉ lệ 4,3% cũng tính ra.";

describe("derived values of the ratings chart", () => {
  it("are decided once: one remainder, labelled as computed from the source's figures", () => {
    const derived = derivedRows("xep-loai", rows);
    expect(derived.map((d) => d.label)).toEqual([
      "Không rõ: 2 (nguồn không nêu; 47 − 45 = 2, số suy ra, tính từ các số của nguồn)",
    ]);
    expect(derived[0]!.row).toMatchObject({ rating: UNKNOWN_LABEL, count: 2, rated: 47 });
    expect(derived[0]!.row).toMatchObject({ percent: 4.3, derived: true, quote: undefined });
  });

  it("are drawn, and each drawn one is a derived row of both chart downloads", () => {
    const drawn = downloadSvg(chart).match(/data-series="khong-ro"/g)?.length ?? 0;
    expect(drawn).toBe(1);
    for (const [csv, delimiter, percent] of [
      [chart.csv, ",", "4.3"],
      [chart.excelCsv, ";", "4,3"],
    ] as const) {
      const unknown = parse(csv, delimiter).filter((r) => r.rating === UNKNOWN_LABEL);
      expect(unknown).toEqual([
        expect.objectContaining({ count: "2", rated: "47", percent, derived: "1", quote: "" }),
      ]);
      expect(unknown[0]!.note).toBe(NOTE);
    }
  });

  it("are a row of the chart's table, saying they are computed", () => {
    expect(chart.table.rows).toContainEqual([
      "Tổ chức cơ sở đảng",
      `${UNKNOWN_LABEL} (${DERIVED_MARK})`,
      "2",
      "47",
      "4,3%",
    ]);
  });

  it("are derived rows of the dataset's CSV, Excel CSV and JSON downloads", () => {
    const all = downloadRows("xep-loai", rows);
    const csv = parse(toCsv(ratingSchema, all), ",");
    const excel = parse(toExcelCsv(ratingSchema, all), ";");
    for (const table of [csv, excel]) {
      expect(table.map((r) => r.derived)).toEqual(["0", "1"]);
      expect(table[1]!.note).toBe(NOTE);
    }
    const json = JSON.parse(
      toJson({ id: "xep-loai", title: "", description: "" }, ratingSchema, all, []),
    ) as JsonDownload;
    expect(json.rows.map((r) => r.derived)).toEqual([false, true]);
    expect(json.rows[1]).toMatchObject({ rating: UNKNOWN_LABEL, count: 2, note: NOTE });
  });

  it("none where the levels add up to the number rated", () => {
    const full = rows.map((r) => ({ ...r, rated: r.count }));
    expect(derivedRows("xep-loai", full)).toEqual([]);
  });
});
