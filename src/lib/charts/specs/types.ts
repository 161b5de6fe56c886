import type { ChartTable, ChartTheme } from "../definition.ts";

/** A chart before registry bookkeeping: the registry adds CSV, sources, provinces and years. */
export type BuiltChart<Row> = {
  id: string;
  theme: ChartTheme;
  title: string;
  takeaway: string;
  description: string;
  svg: string;
  table: ChartTable;
  /** Exactly the dataset rows the chart draws. */
  rows: Row[];
};

export const NOT_SPLIT = "nguồn không tách";
