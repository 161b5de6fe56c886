// "Số liệu chính": which figures are headlines, by rule. Each measure names its dataset and rows;
// per unit, the latest dated figure is the headline (an undated one only where none is dated), so
// a newer row in a CSV changes the headline with no code edit.
import type { AllDatasets } from "./index.ts";
import { latestPerUnit } from "./latest.ts";
import type { DataRow, FigureRow } from "./row.ts";

/** The datasets headlines are drawn from: each row a figure with a count. */
type HeadlineDataset = "dang-vien" | "ket-nap" | "to-chuc-dang";
type HeadlineRow = FigureRow & DataRow;

export type HeadlineMeasure = {
  dataset: HeadlineDataset;
  /** What the number counts, shown under it. */
  label: string;
  /** The rows that are this measure (totals, not their parts). */
  rows: (row: HeadlineRow) => boolean;
};

/** The measures the home page headlines, in order. */
export const HEADLINE_MEASURES: readonly HeadlineMeasure[] = [
  { dataset: "dang-vien", label: "đảng viên", rows: (r) => r.status === "tong-so" },
  { dataset: "ket-nap", label: "đảng viên mới được kết nạp", rows: (r) => r.measure === "ket-nap" },
  {
    dataset: "to-chuc-dang",
    label: "tổ chức cơ sở đảng",
    rows: (r) => r.kind === "Tổ chức cơ sở đảng" && r.part_of === undefined,
  },
];

export type Headline = {
  dataset: HeadlineDataset;
  label: string;
  row: HeadlineRow;
  undated: boolean;
};

/** Every headline: per measure, per unit, the latest figure. */
export function headlines(
  datasets: Pick<AllDatasets, HeadlineDataset>,
  measures: readonly HeadlineMeasure[] = HEADLINE_MEASURES,
): Headline[] {
  return measures.flatMap((m) => {
    const rows: readonly HeadlineRow[] = datasets[m.dataset].rows;
    return latestPerUnit(rows.filter(m.rows), (r) => r.unit).map((row) => ({
      dataset: m.dataset,
      label: m.label,
      row,
      undated: row.period === undefined,
    }));
  });
}
