// What is derived — computed from the source's figures, never stated by it — decided once. The
// charts draw these remainders; every output (dataset and chart downloads, JSON, the dataset table,
// chart tables) takes its rows from here, marked `derived` and saying how they were computed.
import { formatNumber } from "../format.ts";
import { slugify } from "../slug.ts";
import { DATASETS, type DatasetId } from "./datasets.ts";
import { computeGaps } from "./gaps.ts";
import { isPartRow, type DataRow } from "./row.ts";

export const UNKNOWN_KEY = "khong-ro";
export const UNKNOWN_LABEL = "Không rõ (nguồn không nêu)";
/** Said beside every derived figure a reader sees. */
export const DERIVED_MARK = "số suy ra, tính từ các số của nguồn";

/** The unexplained remainder (total minus the parts), or undefined when the parts add up. */
export function remainderOf(
  total: number,
  parts: readonly { value: number }[],
): number | undefined {
  const sum = parts.reduce((s, p) => s + p.value, 0);
  if (sum > total) {
    throw new Error(`parts (${sum}) exceed their total (${total})`);
  }
  return sum < total ? total - sum : undefined;
}

/** A row staff entered as computed (derived = 1), or one computed here. */
export const isDerived = (row: { derived?: unknown }): boolean => row.derived === true;

/** A computed row: as written to downloads, where tables put it, and its words for readers. */
export type DerivedRow = {
  /** Every column of the dataset; `derived` true, `quote` empty, `note` saying how it was computed. */
  row: DataRow;
  /** The id of the row it follows in tables (the last of the parts it completes). */
  after: string;
  /** "Không rõ: 5 (nguồn không nêu; 241 − 236 = 5, số suy ra, tính từ các số của nguồn)". */
  label: string;
};

function remainderLabel(total: number, sum: number): string {
  const [t, s, m] = [total, sum, total - sum].map((n) => formatNumber(n));
  return `Không rõ: ${m} (nguồn không nêu; ${t} − ${s} = ${m}, ${DERIVED_MARK})`;
}

/** Totals whose parts (part_of, split) fall short: the remainder of each breakdown. */
function partRemainders(dataset: DatasetId, rows: readonly DataRow[]): DerivedRow[] {
  const { labelColumn } = DATASETS[dataset];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return computeGaps(rows.filter(isPartRow)).map((gap) => ({
    row: {
      ...byId.get(gap.partIds[0]!)!,
      id: `${gap.totalId}-khong-ro-${slugify(gap.split)}`,
      [labelColumn]: UNKNOWN_LABEL,
      count: gap.missing,
      derived: true,
      quote: undefined,
      note: `Tính ra, nguồn không nêu: tổng ${formatNumber(gap.total)} trừ các phần theo “${gap.split}” (cộng lại ${formatNumber(gap.partsSum)}).`,
    },
    after: gap.partIds.at(-1)!,
    label: remainderLabel(gap.total, gap.partsSum),
  }));
}

/** Groups rated whose levels fall short of the number rated: the rest, as the chart draws it. */
function ratingRemainders(rows: readonly DataRow[]): DerivedRow[] {
  const groups = new Map<string, DataRow[]>();
  for (const row of rows) {
    const key = [row.unit, row.period, row.period_kind, row.group, row.source].join("\u0000");
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()].flatMap((own) => {
    const first = own[0]!;
    const rated = Number(first.rated);
    const sum = own.reduce((s, r) => s + Number(r.count), 0);
    if (!(sum < rated)) return [];
    const rest = rated - sum;
    const percent = Math.round((rest / rated) * 1000) / 10;
    const id = `${slugify(`${first.unit} ${first.period ?? ""} ${String(first.group)}`)}-khong-ro`;
    const row: DataRow = {
      ...first,
      id,
      rating: UNKNOWN_LABEL,
      qualifier: undefined,
      count: rest,
      percent,
      derived: true,
      quote: undefined,
      note: `Tính ra, nguồn không nêu: ${formatNumber(rated)} được xếp loại trừ các mức nguồn nêu (cộng lại ${formatNumber(sum)}); tỉ lệ ${formatNumber(percent, 1)}% cũng tính ra.`,
    };
    return [{ row, after: own.at(-1)!.id, label: remainderLabel(rated, sum) }];
  });
}

/** Every value the rows of a dataset imply but the source does not state. */
export function derivedRows(dataset: DatasetId, rows: readonly DataRow[]): DerivedRow[] {
  if (dataset === "xep-loai") return ratingRemainders(rows);
  if ("part_of" in DATASETS[dataset].schema.shape) return partRemainders(dataset, rows);
  return [];
}
