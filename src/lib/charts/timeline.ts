// One unit's figures for one measure along a time axis: a line through the dated figures, spaced
// by the time between them, the newest marked; figures without a date are listed under the plot,
// apart from the axis (they are never given a place in time). One panel per unit.
import { line } from "d3-shape";
import { formatNumber } from "../format.ts";
import { barValue, withUnit } from "./describe.ts";
import { chartFrame, markMaker } from "./frame.ts";
import {
  FONT,
  LINE_HEIGHT,
  PAD,
  STANDARD_LAYOUT,
  charsThatFit,
  textWidth,
  widthOf,
  type Layout,
} from "./metrics.ts";
import { RULE_COLOUR, TRACK_COLOUR, seriesColour } from "./palette.ts";
import { zeroBasedScale } from "./scale.ts";
import { escapeHtml } from "../html.ts";
import { el } from "./svg.ts";
import type { TimelineChartInput, TimelinePoint, TimelineSeries } from "./types.ts";
import { textLines, wrapText } from "./wrap.ts";

/** Said after the newest dated figure, in the chart, its tooltip and its text alternative. */
export const NEWEST_MARK = "mới nhất";
/** Heading of the figures a source gives without a date. */
export const UNDATED_HEADING = "Số không ghi thời điểm (không đặt trên trục thời gian):";

const PLOT_EM = { hep: 7, vua: 8, rong: 9 } as const;
const RADIUS = 4;
const NEWEST_RADIUS = 6;

type Box = { left: number; right: number; top: number; bottom: number };
const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Places each text box at the first level (moving up, then down) that overlaps no placed box. */
function placeLabels(wanted: Box[], levels: number[]): Box[] {
  const placed: Box[] = [];
  for (const box of wanted) {
    const free = levels
      .map((dy) => ({ ...box, top: box.top + dy, bottom: box.bottom + dy }))
      .find((b) => placed.every((p) => !overlaps(p, b)));
    placed.push(free ?? box);
  }
  return placed;
}

/**
 * The newest dated figure: the last, unless another figure shares its moment (two articles giving
 * one period different figures: neither is newer).
 */
export function newestOf<P extends { at: number }>(points: readonly P[]): P | undefined {
  const last = points.at(-1);
  if (!last || points.length < 2) return undefined;
  return points.filter((p) => p.at === last.at).length === 1 ? last : undefined;
}

/** Groups of points that share one moment: the axis cannot tell them apart, a note must. */
export function sameMoment(points: readonly TimelinePoint[]): TimelinePoint[][] {
  const byMoment = new Map<number, TimelinePoint[]>();
  for (const p of points) byMoment.set(p.at, [...(byMoment.get(p.at) ?? []), p]);
  return [...byMoment.values()].filter((g) => g.length > 1);
}

function panel(
  series: TimelineSeries,
  input: TimelineChartInput,
  layout: Layout,
  top: number,
  mark: ReturnType<typeof markMaker>,
): { svg: string; height: number } {
  const width = widthOf(layout);
  const maxChars = charsThatFit(width - 2 * PAD);
  const out: string[] = [];
  let y = top;
  const heading = wrapText(series.label, maxChars);
  out.push(textLines(heading, PAD, y + FONT, { "font-weight": 700, class: "chart-group" }));
  y += heading.length * LINE_HEIGHT + 4;

  const { points } = series;
  const newest = newestOf(points);
  if (points.length > 0) {
    const values = [...points.map((p) => p.value)];
    const y0 = zeroBasedScale(values, 0, 1);
    const ticks = y0
      .copy()
      .nice(3)
      .ticks(3)
      .filter((t) => Number.isInteger(t));
    const axisWidth = Math.max(...ticks.map((t) => textWidth(formatNumber(t)))) + 6;
    const plotLeft = PAD + axisWidth;
    // Room at both ends for half a value label, so the first and last labels stay inside.
    const edge = Math.max(...points.map((p) => textWidth(barValue(p)))) / 2 + 2;
    const labelsTop = y + 2 * LINE_HEIGHT;
    const plotTop = labelsTop;
    const plotBottom = plotTop + PLOT_EM[layout.name] * FONT;
    const yScale = zeroBasedScale([Math.max(...values), ticks.at(-1) ?? 0], plotBottom, plotTop);
    const first = points[0]!.at;
    const last = points.at(-1)!.at;
    const span = last - first;
    const xLeft = plotLeft + edge;
    const xRight = width - PAD - edge;
    const xOf = (at: number) =>
      span === 0 ? (xLeft + xRight) / 2 : xLeft + ((at - first) / span) * (xRight - xLeft);

    // Grid and value axis: decoration for the eye, the numbers are on the points.
    for (const t of ticks) {
      const ty = yScale(t);
      out.push(
        el("line", {
          x1: plotLeft,
          x2: width - PAD,
          y1: ty,
          y2: ty,
          stroke: t === 0 ? RULE_COLOUR : TRACK_COLOUR,
        }),
        el(
          "text",
          {
            x: plotLeft - 6,
            y: ty + FONT * 0.35,
            "text-anchor": "end",
            fill: "currentColor",
            class: "chart-axis",
          },
          escapeHtml(formatNumber(t)),
        ),
      );
    }
    const colour = seriesColour(0);
    const path = line<TimelinePoint>()
      .x((p) => xOf(p.at))
      .y((p) => yScale(p.value))(points);
    if (points.length > 1 && path) {
      out.push(el("path", { d: path, fill: "none", stroke: colour, "stroke-width": 2.5 }));
    }

    const shared = new Set(sameMoment(points).map((g) => g[0]!.at));
    // Value labels above their points, moved up or below when they would collide.
    const wanted = points.map((p): Box => {
      const w = textWidth(barValue(p));
      const cx = Math.min(Math.max(xOf(p.at), plotLeft + w / 2), width - PAD - w / 2);
      const base = yScale(p.value) - NEWEST_RADIUS - 4;
      return { left: cx - w / 2, right: cx + w / 2, top: base - FONT, bottom: base };
    });
    const valueBoxes = placeLabels(wanted, [0, -LINE_HEIGHT, FONT + 2 * NEWEST_RADIUS + 8]);
    points.forEach((p, i) => {
      const isNewest = p === newest;
      const cx = xOf(p.at);
      const cy = yScale(p.value);
      const tip = `${series.label} — ${p.label}${isNewest ? ` (${NEWEST_MARK})` : ""}${shared.has(p.at) ? ` (${p.source})` : ""}: ${withUnit(p.value, input.unit, p.qualifier)}`;
      const dot = el("circle", {
        cx,
        cy,
        r: isNewest ? NEWEST_RADIUS : RADIUS,
        fill: isNewest ? colour : "#fff",
        stroke: colour,
        "stroke-width": 2,
      });
      out.push(mark(tip, "dated", dot));
      const box = valueBoxes[i]!;
      out.push(
        el(
          "text",
          {
            x: (box.left + box.right) / 2,
            y: box.bottom - 3,
            "text-anchor": "middle",
            fill: "currentColor",
            "font-weight": isNewest ? 700 : 400,
            class: "chart-value",
          },
          escapeHtml(barValue(p)),
        ),
      );
    });

    // Time axis: each figure's moment under its point; a label pushed down by its neighbour
    // keeps a leader line to its point.
    const axisTop = plotBottom + 4;
    const tickBoxes = placeLabels(
      points.map((p): Box => {
        const w = textWidth(p.tick) + 6;
        const cx = Math.min(Math.max(xOf(p.at), plotLeft + w / 2), width - PAD - w / 2);
        return { left: cx - w / 2, right: cx + w / 2, top: axisTop, bottom: axisTop + LINE_HEIGHT };
      }),
      [0, LINE_HEIGHT, 2 * LINE_HEIGHT, 3 * LINE_HEIGHT],
    );
    // Two figures of one moment share a tick: it is written once.
    const written = new Set<number>();
    points.forEach((p, i) => {
      if (written.has(p.at)) return;
      written.add(p.at);
      const box = tickBoxes[i]!;
      if (box.top > axisTop) {
        out.push(
          el("line", {
            x1: xOf(p.at),
            x2: xOf(p.at),
            y1: plotBottom,
            y2: box.top + 2,
            stroke: RULE_COLOUR,
          }),
        );
      }
      out.push(
        textLines([p.tick], (box.left + box.right) / 2, box.top + FONT, {
          "text-anchor": "middle",
          class: "chart-axis",
          "font-weight": p === newest ? 700 : undefined,
        }),
      );
    });
    y = Math.max(...tickBoxes.map((b) => b.bottom)) + 6;

    // What the two kinds of dot mean.
    if (newest) {
      const cy = y + FONT * 0.6;
      const key = [
        el("circle", { cx: PAD + 6, cy, r: NEWEST_RADIUS, fill: colour }),
        el(
          "text",
          { x: PAD + 18, y: cy + FONT * 0.35, fill: "currentColor", class: "chart-label" },
          escapeHtml(`Số ${NEWEST_MARK}`),
        ),
      ];
      const second = PAD + 18 + textWidth(`Số ${NEWEST_MARK}`) + 16;
      const earlier = "Số trước đó";
      const fits = second + 18 + textWidth(earlier) <= width - PAD;
      const ex = fits ? second : PAD;
      const ey = fits ? cy : cy + LINE_HEIGHT;
      key.push(
        el("circle", {
          cx: ex + 6,
          cy: ey,
          r: RADIUS,
          fill: "#fff",
          stroke: colour,
          "stroke-width": 2,
        }),
        el(
          "text",
          { x: ex + 18, y: ey + FONT * 0.35, fill: "currentColor", class: "chart-label" },
          escapeHtml(earlier),
        ),
      );
      out.push(el("g", { class: "chart-legend" }, key.join("")));
      y += (fits ? 1 : 2) * LINE_HEIGHT + 4;
    }

    // Figures the axis cannot tell apart, with what does.
    for (const group of sameMoment(points)) {
      const note = `${group[0]!.label}: ${group.map((p) => `${barValue(p)} (${p.source})`).join("; ")}`;
      const lines = wrapText(note, maxChars);
      out.push(textLines(lines, PAD, y + FONT, { class: "chart-label chart-label--same-time" }));
      y += lines.length * LINE_HEIGHT + 4;
    }
  }

  if (series.undated.length > 0) {
    y += 4;
    const head = wrapText(UNDATED_HEADING, maxChars);
    out.push(textLines(head, PAD, y + FONT, { class: "chart-label chart-label--undated-heading" }));
    y += head.length * LINE_HEIGHT + 2;
    const colour = seriesColour(0);
    for (const u of series.undated) {
      // One undated figure needs no label under its heading; several name their articles.
      const text = series.undated.length > 1 ? `${u.article}: ${barValue(u)}` : barValue(u);
      const lines = wrapText(text, charsThatFit(width - 2 * PAD - 18));
      const tip = `${series.label} — ${u.label}: ${withUnit(u.value, input.unit, u.qualifier)}`;
      const cy = y + FONT * 0.65;
      const diamond = el("rect", {
        x: PAD + 1,
        y: cy - 5,
        width: 10,
        height: 10,
        fill: "#fff",
        stroke: colour,
        "stroke-width": 2,
        transform: `rotate(45 ${PAD + 6} ${cy})`,
      });
      out.push(mark(tip, "undated", diamond));
      out.push(textLines(lines, PAD + 18, y + FONT, { class: "chart-label" }, barValue(u)));
      y += lines.length * LINE_HEIGHT + 4;
    }
  }
  return { svg: el("g", { class: "chart-panel" }, out.join("")), height: y - top };
}

/** One panel per unit, stacked; each panel's plot is as wide as the layout. */
export function timelineChart(input: TimelineChartInput, layout: Layout = STANDARD_LAYOUT): string {
  const mark = markMaker();
  const parts: string[] = [];
  let y = PAD;
  for (const series of input.series) {
    const p = panel(series, input, layout, y, mark);
    parts.push(p.svg);
    y += p.height + LINE_HEIGHT;
  }
  return chartFrame({
    id: input.id,
    layout,
    title: input.title,
    description: input.description,
    height: y - LINE_HEIGHT + PAD,
    body: parts.join(""),
  });
}

/** "Đảng bộ huyện X theo thời gian: năm 2019: 5.100 đảng viên; …; năm 2023: 5.612 đảng viên (mới nhất). Không ghi thời điểm: khoảng 5.000 đảng viên." */
export function describeTimeline(series: readonly TimelineSeries[], unit: string): string {
  return series
    .map((s) => {
      const newest = newestOf(s.points);
      const shared = new Set(sameMoment(s.points).map((g) => g[0]!.at));
      const dated = s.points.map(
        (p) =>
          `${p.label.charAt(0).toLocaleLowerCase("vi")}${p.label.slice(1)}${shared.has(p.at) ? ` (${p.source})` : ""}: ${withUnit(p.value, unit, p.qualifier)}${p === newest ? ` (${NEWEST_MARK})` : ""}`,
      );
      const undated = s.undated.map((u) => `${u.label}: ${withUnit(u.value, unit, u.qualifier)}`);
      const text = [
        dated.length > 0 ? `${s.label} theo thời gian: ${dated.join("; ")}.` : `${s.label}.`,
        ...undated.map((u) => `${u}.`),
      ];
      return text.join(" ");
    })
    .join(" ");
}
