// Every chart text, at its estimated width (metrics.ts textWidth), stays inside the viewBox in all
// three layouts of every registered chart and of the snapshot inputs.
import { describe, expect, it } from "vitest";
import { barChart } from "../../../src/lib/charts/bars.ts";
import { bulletChart } from "../../../src/lib/charts/bullet.ts";
import { LAYOUTS } from "../../../src/lib/charts/metrics.ts";
import { buildCharts } from "../../../src/lib/charts/registry.ts";
import { sharesChart } from "../../../src/lib/charts/shares.ts";
import { timelineChart } from "../../../src/lib/charts/timeline.ts";
import { chartData } from "../../../src/lib/charts/site-charts.ts";
import { textBoxes, viewBoxWidth } from "../../helpers/svg-text.ts";
import * as inputs from "../../snapshots/chart-inputs.ts";

const registered = buildCharts(chartData()).flatMap((chart) =>
  chart.svgs.map(({ layout, svg }) => [`${chart.id} (${layout.name})`, svg] as const),
);
const fixtures = LAYOUTS.flatMap((layout) => [
  ...[inputs.memberCounts, inputs.structure, inputs.badges, inputs.discipline].map(
    (input) => [`${input.id} (${layout.name})`, barChart(input, layout)] as const,
  ),
  [`${inputs.admissions.id} (${layout.name})`, bulletChart(inputs.admissions, layout)] as const,
  ...[inputs.ratings, inputs.ratingsWithGap].map(
    (input) => [`${input.id} (${layout.name})`, sharesChart(input, layout)] as const,
  ),
  [
    `${inputs.memberHistory.id} (${layout.name})`,
    timelineChart(inputs.memberHistory, layout),
  ] as const,
]);

describe("chart text stays inside the viewBox", () => {
  it("every layout of every registered chart is checked", () => {
    expect(registered.length).toBeGreaterThanOrEqual(3 * 10);
  });

  it.each([...registered, ...fixtures])("%s", (_, svg) => {
    const width = viewBoxWidth(svg);
    const boxes = textBoxes(svg);
    expect(boxes.length).toBeGreaterThan(0);
    for (const box of boxes) {
      expect(box.left, box.text).toBeGreaterThanOrEqual(0);
      expect(box.right, box.text).toBeLessThanOrEqual(width);
    }
  });
});

describe("textBoxes(svg)", () => {
  it("measures each line from its anchor, so a line past the edge is caught", () => {
    const svg =
      '<svg viewBox="0 0 100 50"><text x="90" y="20" text-anchor="end" font-size="0.9em">' +
      '<tspan x="90" y="20">Đảng bộ</tspan><tspan x="200" y="41.6">tỉnh</tspan></text></svg>';
    const [first, second] = textBoxes(svg);
    expect(first!.right).toBe(90);
    expect(first!.left).toBeCloseTo(90 - 7 * 16 * 0.58 * 0.9, 5);
    expect(second!.text).toBe("tỉnh");
    expect(second!.right).toBeGreaterThan(viewBoxWidth(svg));
  });
});
