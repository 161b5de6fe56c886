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
      "ket-nap",
    ]) {
      expect(ids).toContain(id);
    }
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
