import type { ChartDefinition } from "../definition.ts";

/** A chart before registry bookkeeping: the registry adds CSV, sources, provinces and years. */
export type BuiltChart<Row> = Pick<
  ChartDefinition,
  "id" | "theme" | "title" | "takeaway" | "description" | "svg" | "table"
> & {
  /** Exactly the dataset rows the chart draws. */
  rows: Row[];
};

export const NOT_SPLIT = "nguồn không tách";
