// Snapshots of the charts the site really shows, built from the committed CSVs.
import { describe, expect, it } from "vitest";
import { buildCharts } from "../../src/lib/charts/registry.ts";
import { chartData } from "../../src/lib/charts/site-charts.ts";
import { SNAPSHOT_LAYOUTS } from "../helpers/snapshot-layouts.ts";
import { expectSvgSnapshot } from "../helpers/svg-snapshot.ts";

const charts = buildCharts(chartData());

describe("registry charts", () => {
  it("the registry builds the inspection, organisation and admissions charts", () => {
    const ids = charts.map((c) => c.id);
    for (const id of [
      "kiem-tra-giam-sat-khoi-cac-co-quan-tinh-lang-son-2014",
      "goi-y-kiem-diem-huyen-thanh-binh-2022",
      "to-chuc-huyen-tuyen-hoa",
      "ket-nap-cap-tinh-nam-2020",
    ]) {
      expect(ids).toContain(id);
    }
  });

  it("never puts two levels of unit or two periods on one axis: the admissions and members charts are split", () => {
    const ids = charts.map((c) => c.id);
    expect(ids).not.toContain("ket-nap");
    expect(ids).not.toContain("so-dang-vien");
    for (const chart of charts.filter((c) => /^(ket-nap|so-dang-vien)-cap-/.test(c.id))) {
      expect(chart.years.length, chart.id).toBeLessThanOrEqual(1);
      // One value: shown as a number, with its qualifier and row.
      if (chart.table.rows.length === 1) expect(chart.figure, chart.id).toBeDefined();
    }
    expect(charts.find((c) => c.id === "so-dang-vien-cap-tinh-nam-2020")?.figure).toEqual({
      value: "66.024",
      unit: "đảng viên",
      label: "Đảng bộ tỉnh Lạng Sơn",
      period: "năm 2020",
      rowId: expect.any(String),
    });
  });

  // Named by chart and layout, at the narrowest and the widest layout.
  for (const chart of charts) {
    for (const { layout, svg } of chart.svgs) {
      if (!SNAPSHOT_LAYOUTS.includes(layout)) continue;
      it(`${chart.id} (${layout.name})`, () =>
        expectSvgSnapshot(`registry-${chart.id}.${layout.name}`, svg));
    }
  }
});
