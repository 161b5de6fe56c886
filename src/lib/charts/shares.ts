// Rating distributions as 100% stacked bars, one per group rated (shares/rows.ts stacks the parts,
// shares/layout.ts places every piece for a width, shares/marks.ts draws them).
import { chartFrame, markMaker, svgIdOf } from "./frame.ts";
import { fluidFrame, isFluid } from "./fluid.ts";
import { PAD, STANDARD_LAYOUT, spaceOf, type Layout } from "./metrics.ts";
import { hatchId, hatchPattern } from "./palette.ts";
import type { ShareChartInput } from "./types.ts";
import { sharesLayout } from "./shares/layout.ts";
import { sharesMarks, usesHatch } from "./shares/marks.ts";
import { shareRows } from "./shares/rows.ts";

export { partText, shareText } from "./shares/words.ts";

export function sharesChart(input: ShareChartInput, layout: Layout = STANDARD_LAYOUT): string {
  const prefix = svgIdOf(input.id, layout);
  const groups = shareRows(input, `url(#${hatchId(prefix)})`);
  const space = spaceOf(layout);
  const laidOut = sharesLayout(groups, space);
  const frame = {
    id: input.id,
    layout,
    title: input.title,
    description: input.description,
    height: laidOut.height,
    body: sharesMarks(laidOut, markMaker()),
    defs: usesHatch(laidOut) ? hatchPattern(prefix) : undefined,
  };
  if (!isFluid(layout)) return chartFrame(frame);
  return fluidFrame({ ...frame, plot: { left: PAD, right: space.width - PAD } });
}
