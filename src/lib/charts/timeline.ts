// One unit's figures for one measure along a time axis: a line through the dated figures, spaced
// by the time between them, the newest marked; figures without a date are listed under the plot,
// apart from the axis (they are never given a place in time). One panel per unit
// (timeline/panel.ts lays each out, then draws it).
import { withUnit } from "./describe.ts";
import { chartFrame, markMaker } from "./frame.ts";
import { FONT, LINE_HEIGHT, PAD, STANDARD_LAYOUT, widthOf, type Layout } from "./metrics.ts";
import type { TimelineChartInput, TimelineSeries } from "./types.ts";
import { panelLayout, panelMarks } from "./timeline/panel.ts";
import { NEWEST_MARK, newestOf, sharedMoments } from "./timeline/points.ts";

export { NEWEST_MARK, newestOf, sameMoment } from "./timeline/points.ts";
export { UNDATED_HEADING } from "./timeline/undated.ts";

/** Height of the plot, in chart em, at each layout. */
const PLOT_EM = { hep: 7, vua: 8, rong: 9 } as const;

/** One panel per unit, stacked; each panel's plot is as wide as the layout. */
export function timelineChart(input: TimelineChartInput, layout: Layout = STANDARD_LAYOUT): string {
  const mark = markMaker();
  const options = {
    width: widthOf(layout),
    plotHeight: PLOT_EM[layout.name] * FONT,
    unit: input.unit,
  };
  const parts: string[] = [];
  let y = PAD;
  for (const series of input.series) {
    const { panel, height } = panelLayout(series, y, options);
    parts.push(panelMarks(panel, mark));
    y += height + LINE_HEIGHT;
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
      const shared = sharedMoments(s.points);
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
