// The layout passes on their own: boxes for a width and a label placement, before any SVG.
import { describe, expect, it } from "vitest";
import { barsLayout } from "../../../src/lib/charts/bars/layout.ts";
import { bulletLayout } from "../../../src/lib/charts/bullet/layout.ts";
import { legendLayout } from "../../../src/lib/charts/legend.ts";
import {
  FONT,
  LAYOUTS,
  PAD,
  SIDE_LABELS_FROM_EM,
  TICK_EM,
  spaceOf,
  textWidth,
} from "../../../src/lib/charts/metrics.ts";
import { overlaps, placeLabels } from "../../../src/lib/charts/place.ts";
import { panelLayout } from "../../../src/lib/charts/timeline/panel.ts";
import { admissions, memberCounts, memberHistory } from "../../snapshots/chart-inputs.ts";

const HATCH = "url(#hatch)";

describe("spaceOf(layout)", () => {
  it("gives the width in user units and puts labels beside the plot from SIDE_LABELS_FROM_EM", () => {
    for (const layout of LAYOUTS) {
      expect(spaceOf(layout)).toEqual({
        width: layout.em * FONT,
        labels: layout.em >= SIDE_LABELS_FROM_EM ? "beside" : "above",
      });
    }
  });
});

describe("barsLayout(input, space)", () => {
  it("starts every bar at the zero line and keeps rows in reading order", () => {
    for (const labels of ["above", "beside"] as const) {
      const layout = barsLayout(memberCounts, { width: 480, labels, hatch: HATCH });
      const rows = layout.groups.flatMap((g) => g.rows);
      for (const row of rows) expect(row.segments[0]!.x0).toBe(layout.zero);
      const tops = rows.map((r) => r.top);
      expect(tops).toEqual([...tops].sort((a, b) => a - b));
      expect(layout.height).toBeGreaterThan(tops.at(-1)!);
    }
  });

  it("with labels beside, puts labels left of the zero line and each value past its bar", () => {
    const layout = barsLayout(memberCounts, { width: 480, labels: "beside", hatch: HATCH });
    for (const row of layout.groups.flatMap((g) => g.rows)) {
      expect(row.label.x).toBe(PAD);
      expect(PAD + Math.max(...row.label.lines.map(textWidth))).toBeLessThanOrEqual(
        layout.zero - PAD,
      );
      expect(row.value!.x).toBeGreaterThan(row.segments.at(-1)!.x1);
    }
  });

  it("with labels above, writes the value in the label, in bold, and none at the bar's end", () => {
    const layout = barsLayout(memberCounts, { width: 192, labels: "above", hatch: HATCH });
    const [first] = layout.groups[0]!.rows;
    expect(first!.label.strong).toBe("66.024");
    expect(first!.value).toBeUndefined();
  });
});

describe("bulletLayout(input, space)", () => {
  it("with labels beside, chooses percent ticks whose labels never touch", () => {
    const { ticks } = bulletLayout(admissions, { width: 480, labels: "beside" });
    const half = (t: (typeof ticks)[number]) => (textWidth(t.text) * TICK_EM) / 2;
    for (const [i, tick] of ticks.entries()) {
      if (i === 0) continue;
      const before = ticks[i - 1]!;
      const beforeRight = before.start ? before.x + 2 * half(before) : before.x + half(before);
      expect(tick.x - half(tick)).toBeGreaterThan(beforeRight);
    }
    expect(ticks.find((t) => t.text === "100%")?.bold).toBe(true);
  });

  it("gives a bar only to rows whose source states a target", () => {
    const { rows } = bulletLayout(admissions, { width: 192, labels: "above" });
    expect(rows.map((r) => r.bar !== undefined)).toEqual(
      admissions.rows.map((r) => r.percentOfTarget !== undefined),
    );
  });
});

describe("panelLayout(series, top, options)", () => {
  it("makes the plot exactly as tall as asked, under room for the value labels", () => {
    const series = memberHistory.series[0]!;
    for (const plotHeight of [96, 160]) {
      const { panel } = panelLayout(series, PAD, { width: 320, plotHeight, unit: "đảng viên" });
      const { plot } = panel.dated!;
      expect(plot.bottom - plot.top).toBe(plotHeight);
      for (const label of panel.dated!.labels) expect(label.y).toBeLessThan(plot.bottom);
    }
  });
});

describe("placeLabels(wanted, levels)", () => {
  it("moves a box to the first level where it overlaps none placed before it", () => {
    const box = { left: 0, right: 10, top: 0, bottom: 10 };
    const placed = placeLabels([box, box, box], [0, 10, 20]);
    expect(placed.map((b) => b.top)).toEqual([0, 10, 20]);
    expect(overlaps(placed[0]!, placed[1]!)).toBe(false);
  });
});

describe("legendLayout(items, top, width)", () => {
  it("starts a new row when the next key would run past the width", () => {
    const items = ["Chính thức", "Dự bị", "Tổng số (nguồn không tách)"].map((label, i) => ({
      key: String(i),
      label,
      fill: "#000",
    }));
    const narrow = legendLayout(items, 0, 192);
    const wide = legendLayout(items, 0, 480);
    expect(new Set(narrow.entries.map((e) => e.y)).size).toBeGreaterThan(1);
    expect(new Set(wide.entries.map((e) => e.y)).size).toBe(1);
    expect(narrow.height).toBeGreaterThan(wide.height);
  });
});
