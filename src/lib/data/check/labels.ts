// Labels: two spellings of one label in a column, and figures of one quote swapped between labels.
import { foldLabel } from "../hints.ts";
import { swappedFigures } from "../swaps.ts";
import { quoted, type Column, type RowCheckContext, type RowRecord } from "./record.ts";

/** Columns whose values are free prose, where two spellings are not two labels. */
const PROSE_COLUMNS = new Set(["quote", "note"]);

/**
 * Labels of one column that a reader cannot tell apart ("Tình trạng" / "tình trạng") are two groups
 * to the checker and the charts: refused, with the line of the first spelling.
 */
export function checkLabelVariants(
  records: RowRecord[],
  columns: Column[],
  { issue }: RowCheckContext,
) {
  for (const column of columns) {
    if (column.meta.kind !== "text" || PROSE_COLUMNS.has(column.name)) continue;
    const first = new Map<string, { value: string; line: number }>();
    // Labels repeat row after row: each distinct spelling is folded once, its verdict reused.
    const verdicts = new Map<string, { value: string; line: number } | null>();
    for (const record of records) {
      const value = record.row[column.name];
      if (typeof value !== "string") continue;
      let earlier = verdicts.get(value);
      if (earlier === undefined) {
        const key = foldLabel(value);
        const seen = first.get(key);
        if (!seen) first.set(key, { value, line: record.line });
        earlier = seen && seen.value !== value ? seen : null;
        verdicts.set(value, earlier);
      }
      if (earlier) {
        issue(
          record,
          column.name,
          "label-variant",
          `cột ${quoted(column.name)} = ${quoted(value)}, dòng ${earlier.line} ghi ${quoted(earlier.value)}; chọn một cách viết và sửa các dòng cho giống hệt nhau`,
        );
      }
    }
  }
}

/** Rows sharing a quote whose figures look swapped (see swaps.ts): both rows are reported. */
export function checkSwaps(
  records: RowRecord[],
  label: Column,
  columns: Column[],
  { issue }: RowCheckContext,
) {
  const fromQuotes = records.filter((r) => r.row.quote !== undefined && r.row.derived !== true);
  const labelOf = (r: RowRecord) => {
    const value = String(r.row[label.name] ?? "");
    return label.meta.labels?.[value] ?? value;
  };
  for (const column of columns.filter((c) => c.meta.kind === "count")) {
    const rows = fromQuotes.filter((r) => typeof r.row[column.name] === "number");
    const figures = rows.map((r) => ({
      source: String(r.row.source),
      quote: String(r.row.quote),
      label: labelOf(r),
      value: r.row[column.name] as number,
    }));
    const says = (r: RowRecord) => `“${labelOf(r)}” = ${quoted(r.raw(column.name).trim())}`;
    for (const [i, j] of swappedFigures(figures)) {
      const [row, other] = [rows[i]!, rows[j]!];
      issue(
        row,
        column.name,
        "figure-swapped",
        `${says(row)}, còn dòng ${other.line} ghi ${says(other)}`,
      );
    }
  }
}
