// Horizontal bars (bars/layout.ts places every piece for a width, bars/marks.ts draws them): bars
// grouped under optional headings, each labelled with its number, parts stacked.
import { chartFrame, markMaker, svgIdOf } from "./frame.ts";
import { fluidFrame, isFluid } from "./fluid.ts";
import { PAD, STANDARD_LAYOUT, spaceOf, type Layout } from "./metrics.ts";
import { hatchId, hatchPattern } from "./palette.ts";
import type { BarChartInput } from "./types.ts";
import { barsLayout } from "./bars/layout.ts";
import { barsMarks, usesHatch } from "./bars/marks.ts";

export function barChart(input: BarChartInput, layout: Layout = STANDARD_LAYOUT): string {
  const prefix = svgIdOf(input.id, layout);
  const space = spaceOf(layout);
  const laidOut = barsLayout(input, { ...space, hatch: `url(#${hatchId(prefix)})` });
  const frame = {
    id: input.id,
    layout,
    title: input.title,
    description: input.description,
    height: laidOut.height,
    body: barsMarks(laidOut, markMaker()),
    defs: usesHatch(laidOut) ? hatchPattern(prefix) : undefined,
  };
  if (!isFluid(layout)) return chartFrame(frame);
  return fluidFrame({ ...frame, plot: { left: laidOut.zero, right: space.width - PAD } });
}
