// The dashboard's blocks within a theme: charts of one measure, one unit each ("Tổ chức đảng:
// <unit>"), side by side as small multiples; every other chart alone.
import type { ChartDefinition } from "../charts/definition.ts";

/** Charts of one measure, one unit each ("Tổ chức đảng: <unit>"), are shown side by side. */
export type Block = { measure?: string; charts: ChartDefinition[] };
export function blocks(list: ChartDefinition[]): Block[] {
  const measureOf = (c: ChartDefinition) =>
    c.units.length === 1 && c.title.includes(": ") ? c.title.split(": ")[0] : undefined;
  const out: Block[] = [];
  for (const chart of list) {
    const measure = measureOf(chart);
    const last = out.at(-1);
    if (measure !== undefined && last?.measure === measure) last.charts.push(chart);
    else out.push({ measure, charts: [chart] });
  }
  return out.map((b) => (b.charts.length > 1 ? b : { charts: b.charts }));
}
