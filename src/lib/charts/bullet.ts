// Admissions against target in "% of target" space (bullet/layout.ts places every piece for a
// width, bullet/marks.ts draws them). Sources state the percentage, never the target itself.
import { chartFrame, markMaker } from "./frame.ts";
import { fluidFrame, isFluid } from "./fluid.ts";
import { PAD, STANDARD_LAYOUT, spaceOf, type Layout } from "./metrics.ts";
import type { BulletChartInput } from "./types.ts";
import { bulletLayout } from "./bullet/layout.ts";
import { bulletMarks } from "./bullet/marks.ts";

export { NO_TARGET_TEXT, bulletLabel, bulletNote } from "./bullet/words.ts";

export function bulletChart(input: BulletChartInput, layout: Layout = STANDARD_LAYOUT): string {
  const space = spaceOf(layout);
  const laidOut = bulletLayout(input, space);
  const frame = {
    id: input.id,
    layout,
    title: input.title,
    description: input.description,
    height: laidOut.height,
    body: bulletMarks(laidOut, markMaker()),
  };
  if (!isFluid(layout)) return chartFrame(frame);
  // The axis runs from zero to the end of the tracks (past 100% when a unit exceeded it).
  const right = laidOut.rows.find((r) => r.bar)?.bar?.end ?? space.width - PAD;
  return fluidFrame({ ...frame, plot: { left: PAD, right } });
}
