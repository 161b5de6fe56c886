import type { ChartDefinition } from "../definition.ts";
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
};

export const NOT_SPLIT = "nguồn không tách";
