// The roomy layouts (from SIDE_LABELS_FROM_EM) of the shares and bullet charts: labels beside the
// bars, figures in or at their marks, the legend aligned with the plot, nothing overlapping.
import { describe, expect, it } from "vitest";
import { bulletChart } from "../../../src/lib/charts/bullet.ts";
import { MUTED_TEXT, contrastRatio, textColourOn } from "../../../src/lib/charts/contrast.ts";
import { LAYOUTS, PAD, SIDE_LABELS_FROM_EM } from "../../../src/lib/charts/metrics.ts";
import { SERIES_COLOURS, TOTAL_COLOUR } from "../../../src/lib/charts/palette.ts";
import { buildCharts } from "../../../src/lib/charts/registry.ts";
import { sharesChart } from "../../../src/lib/charts/shares.ts";
import { chartData } from "../../../src/lib/charts/site-charts.ts";
import type { BulletChartInput, ShareChartInput } from "../../../src/lib/charts/types.ts";
import { overlap, textBoxes, type TextBox } from "../../helpers/svg-text.ts";
import { admissions, ratings, ratingsWithGap } from "../../snapshots/chart-inputs.ts";

const WIDE = LAYOUTS.filter((l) => l.em >= SIDE_LABELS_FROM_EM);
const NARROW = LAYOUTS.filter((l) => l.em < SIDE_LABELS_FROM_EM);

const byClass = (boxes: TextBox[], name: string) => boxes.filter((b) => b.className === name);
const texts = (boxes: TextBox[]) => boxes.map((b) => b.text);

/** Left edge of the bars: the x of the first focusable mark's rect. */
function plotLeft(svg: string): number {
  return Number(/<g class="chart-mark"[^>]*><rect x="([\d.]+)"/.exec(svg)![1]);
}

function expectNoOverlap(svg: string) {
  const boxes = textBoxes(svg);
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      expect(overlap(a, b), `"${a.text}" overlaps "${b.text}"`).toBe(false);
    }
  }
}

it("there is a wide layout and a narrow one", () => {
  expect(WIDE.map((l) => l.name)).toEqual(["rong"]);
  expect(NARROW.length).toBeGreaterThan(0);
});

describe.each(WIDE)("sharesChart(input, $name)", (layout) => {
  const svg = sharesChart(ratings, layout);
  const boxes = textBoxes(svg);

  it("puts group labels in a column left of the bars", () => {
    const labels = byClass(boxes, "chart-label");
    expect(texts(labels).join(" ")).toContain("Tập thể lãnh đạo, quản lý");
    for (const label of labels) {
      expect(label.left).toBe(PAD);
      expect(label.right).toBeLessThanOrEqual(plotLeft(svg));
    }
    // The group's total sits under its label, in the same column.
    expect(texts(byClass(boxes, "chart-note"))).toContain("40 tập thể");
  });

  it("prints a figure inside its segment only where it fits, every other one under the bar", () => {
    const inside = texts(byClass(boxes, "chart-value"));
    expect(inside).toEqual(["32/40 (80%)", "25/30 (83,33%)", "135/140 (96,4%)"]);
    const notes = texts(byClass(boxes, "chart-note"));
    for (const small of ["8/40 (20%)", "5/30 (16,7%)", "5/140 (3,6%)"]) {
      expect(notes).toContain(small);
      expect(inside).not.toContain(small);
    }
    // Each inside figure is within its own rect, right after its focusable mark.
    let checked = 0;
    for (const m of svg.matchAll(
      /<g class="chart-mark"[^>]*><rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"[^>]*\/><\/g><text x="([\d.]+)"[^>]*pointer-events="none">([^<]+)<\/text>/g,
    )) {
      const [x, w] = [Number(m[1]), Number(m[2])];
      const box = boxes.find((b) => b.text === m[4] && b.className === "chart-value")!;
      expect(box.left).toBeGreaterThanOrEqual(x);
      expect(box.right).toBeLessThanOrEqual(x + w);
      checked++;
    }
    expect(checked).toBe(inside.length);
  });

  it("puts the legend above the plot, aligned with it", () => {
    const legend = /<g class="chart-legend">(.*?)<\/g>/.exec(svg)![1]!;
    const xs = [...legend.matchAll(/<rect x="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(xs).toEqual([plotLeft(svg), plotLeft(svg)]);
    expect(legend).toContain("Hoàn thành xuất sắc nhiệm vụ");
    expect(legend).toContain("Hoàn thành tốt nhiệm vụ");
  });

  it("never prints a figure over the hatched remainder, and keys it in the legend", () => {
    const gap = sharesChart(ratingsWithGap, layout);
    const gapBoxes = textBoxes(gap);
    expect(texts(byClass(gapBoxes, "chart-value"))).toEqual(["6/10 (60%)"]);
    expect(texts(byClass(gapBoxes, "chart-note"))).toContain("4/10 (40%)");
    expect(/<g class="chart-legend">.*?<\/g>/.exec(gap)![0]).toContain(
      "Không rõ (nguồn không nêu)",
    );
  });

  it("names the level next to a figure whose colour stands for two labels (a qualifier)", () => {
    const input: ShareChartInput = {
      ...ratings,
      groups: [
        ratings.groups[0]!,
        {
          ...ratings.groups[1]!,
          parts: [{ key: "tot", label: "Hoàn thành tốt nhiệm vụ trở lên", count: 28 }],
          total: 30,
        },
      ],
    };
    // Lines joined by spaces: a long figure may wrap.
    const shown = texts(textBoxes(sharesChart(input, layout))).join(" ");
    expect(shown).toContain("Hoàn thành tốt nhiệm vụ trở lên: 28/30 (93,3%)");
    expect(shown).toContain("Hoàn thành tốt nhiệm vụ: 32/40 (80%)");
  });

  it("overlaps no two texts", () => {
    expectNoOverlap(svg);
    expectNoOverlap(sharesChart(ratingsWithGap, layout));
  });
});

describe.each(WIDE)("bulletChart(input, $name)", (layout) => {
  const svg = bulletChart(admissions, layout);
  const boxes = textBoxes(svg);
  const left = plotLeft(svg);

  it("puts unit labels beside the bars and the count under each bar", () => {
    for (const label of byClass(boxes, "chart-label")) {
      expect(label.left).toBe(PAD);
      expect(label.right).toBeLessThanOrEqual(left);
    }
    const notes = byClass(boxes, "chart-note");
    const count = notes.find((b) => b.text.startsWith("Kết nạp 2.053"))!;
    expect(count.left).toBe(left);
  });

  it("states 'đạt …%' and the source's target word past the track's end, never a target number", () => {
    const track = Math.max(
      ...[
        ...svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"[^>]*fill="#E8E8E8"/g),
      ].map((m) => Number(m[1]) + Number(m[2])),
    );
    const values = byClass(boxes, "chart-value");
    expect(texts(values)).toEqual(["đạt 102%", "đạt 100%"]);
    for (const v of values) expect(v.left).toBeGreaterThan(track);
    expect(texts(boxes)).toContain("kế hoạch");
    expect(texts(boxes)).toContain("chỉ tiêu");
    expect(svg).not.toMatch(/2\.01[23]/);
  });

  it("shows a unit without a target as its count and 'không nêu chỉ tiêu', without a bar", () => {
    expect(texts(boxes)).toContain("Kết nạp 246 đảng viên");
    expect(texts(boxes)).toContain("không nêu chỉ tiêu");
    expect(svg.match(/class="chart-mark"/g)).toHaveLength(2);
  });

  it("keeps the count's qualifier", () => {
    const input: BulletChartInput = {
      ...admissions,
      rows: [{ ...admissions.rows[0]!, count: 200, qualifier: "hơn" }],
    };
    expect(texts(textBoxes(bulletChart(input, layout))).join(" ")).toContain(
      "Kết nạp hơn 200 đảng viên",
    );
  });

  it("labels the axis with ticks that stay apart, the 100% target's in bold, and the legend aligned with the plot", () => {
    const ticks = byClass(boxes, "chart-tick");
    expect(texts(ticks)).toEqual(["0%", "50%", "100%"]);
    expect(svg).toMatch(/font-weight="700" class="chart-tick">100%</);
    const legend = /<g class="chart-legend">(.*?)<\/g>/.exec(svg)![1]!;
    expect(Number(/<rect x="([\d.]+)"/.exec(legend)![1])).toBe(left);
  });

  it("overlaps no two texts", () => expectNoOverlap(svg));
});

describe.each(WIDE)("wide layouts ($name) keep the marks' guarantees", (layout) => {
  it.each([
    ["sharesChart", sharesChart(ratings, layout)],
    ["sharesChart with a remainder", sharesChart(ratingsWithGap, layout)],
    ["bulletChart", bulletChart(admissions, layout)],
  ])("%s: every mark has a tooltip, the chart one Tab stop", (_, svg) => {
    const marks = svg.match(/<g class="chart-mark"[^>]*>/g) ?? [];
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks)
      expect(m).toMatch(/tabindex="-?[01]" data-tip="[^"]+" data-series="[^"]+"/);
    expect(marks.filter((m) => m.includes('tabindex="0"'))).toHaveLength(1);
  });

  it("sets text in chart em only, never a pixel size", () => {
    for (const svg of [sharesChart(ratings, layout), bulletChart(admissions, layout)]) {
      expect(svg).toContain('<g font-size="16">');
      expect(svg).not.toMatch(/font-size="(?!16")[\d.]+(px)?"/);
    }
  });
});

describe("every registered shares and bullet chart", () => {
  const charts = buildCharts(chartData()).filter(
    (c) => c.id.startsWith("xep-loai") || c.id.startsWith("ket-nap"),
  );

  it.each(charts.flatMap((c) => c.svgs.map((s) => [`${c.id} (${s.layout.name})`, s.svg])))(
    "%s overlaps no two texts",
    (_, svg) => expectNoOverlap(svg!),
  );

  it("gives each layout its own ids, so a page holding all of them has none twice", () => {
    const ids = charts.flatMap((c) =>
      c.svgs.flatMap((s) => [...s.svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])),
    );
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("textColourOn(fill)", () => {
  it("muted secondary text keeps 4.5:1 on white", () => {
    expect(contrastRatio(MUTED_TEXT, "#FFFFFF")).toBeGreaterThanOrEqual(4.5);
  });

  it.each([...new Set([...SERIES_COLOURS, TOTAL_COLOUR])])(
    "%s: figures printed on it have at least 4.5:1 contrast",
    (fill) => {
      expect(contrastRatio(textColourOn(fill), fill)).toBeGreaterThanOrEqual(4.5);
    },
  );
});
