// The one row model: what every dataset row has, inferred from the column builders every schema
// is made of (columns.ts), so charts, headlines, downloads and the table name it once.
import type { z } from "zod";
import type { leadingColumns, partColumns, trailingColumns } from "./columns.ts";

type Infer<Shape extends z.core.$ZodLooseShape> = z.infer<z.ZodObject<Shape>>;

/** A cell as read from a CSV file (see validate.ts). */
export type Value = string | number | boolean | undefined;

/** Every dataset's leading and trailing columns: which row, whose figure, where, when, from what. */
export type BaseRow = Infer<ReturnType<typeof leadingColumns> & ReturnType<typeof trailingColumns>>;

/** When a figure holds: its period and the kind of period. */
export type Dated = Pick<BaseRow, "period" | "period_kind">;

/** A row of any dataset, its own columns read by name (the label column, the count…). */
export type DataRow = BaseRow & { readonly [column: string]: Value };

/** The columns of a dataset whose rows may be parts of a total (part_of, split). */
export type PartFields = Infer<ReturnType<typeof partColumns>>;

/** A figure: a row with a count and, when the source writes one, its qualifier ("trên"). */
export type FigureRow = BaseRow & { count: number; qualifier?: string | undefined };

/** What computing a total's unexplained remainder needs of a row. */
export type PartRow = Pick<BaseRow, "id"> & PartFields & { count: number };

/** A row whose dataset has counts and parts (organisations, members, badges, inspections). */
export function isPartRow<R extends object>(row: R): row is R & PartRow {
  return typeof (row as { count?: unknown }).count === "number";
}
