import type { ChartDefinition, NumberFigure } from "../definition.ts";
import type { Layout } from "../metrics.ts";

/** A chart before registry bookkeeping: the registry adds its theme, layouts, CSV, sources, provinces and years. */
export type BuiltChart<Row> = Pick<
  ChartDefinition,
  "id" | "title" | "takeaway" | "description" | "table"
> & {
  /** Draws the chart in one layout; the registry calls it once per layout. */
  draw: (layout: Layout) => string;
  /** Exactly the dataset rows the chart draws. */
  rows: Row[];
  /** The chart family when its id has a panel in it ("ket-nap" for "ket-nap-cap-tinh-nam-2020"). */
  family?: string;
  /** The one value, when the chart has only one (its table one row): shown as a number. */
  single?: NumberFigure;
};

export const NOT_SPLIT = "nguồn không tách";
