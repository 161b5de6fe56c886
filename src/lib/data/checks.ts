// Checks particular to one dataset: percentages against their counts, counts against stated totals.
import { formatNumber } from "../format.ts";
import type { DatasetId } from "./datasets.ts";
import type { RowCheckContext, RowRecord } from "./check/record.ts";

/** Half a unit in the last decimal the source wrote: "16,7" may stand for 16.65 … 16.75. */
function tolerance(raw: string): number {
  const match = /[.,](\d+)\s*%?\s*$/.exec(raw.trim());
  const decimals = match ? match[1]!.length : 0;
  return 0.5 * 10 ** -decimals + 1e-9;
}

function checkPercent(
  record: RowRecord,
  context: RowCheckContext,
  column: string,
  count: number,
  of: number,
  ofLabel: string,
) {
  const stated = record.row[column];
  if (typeof stated !== "number" || of === 0) return;
  const exact = (100 * count) / of;
  if (Math.abs(exact - stated) > tolerance(record.raw(column))) {
    context.issue(
      record,
      column,
      "percent-mismatch",
      `ghi ${record.raw(column).trim().replace(/\s?%$/, "")}%, nhưng ${count}/${of} ${ofLabel} = ${exact.toFixed(2).replace(".", ",")}%`,
    );
  }
}

function checkRatings(records: RowRecord[], context: RowCheckContext) {
  const groups = new Map<string, RowRecord[]>();
  for (const record of records) {
    const { row } = record;
    const count = Number(row.count);
    const rated = Number(row.rated);
    if (count > rated) {
      context.issue(
        record,
        "count",
        "count-exceeds-total",
        `${formatNumber(count)} lớn hơn số được xếp loại ${formatNumber(rated)}`,
      );
    } else {
      checkPercent(record, context, "percent", count, rated, "được xếp loại");
    }
    const key = [row.unit, row.period, row.period_kind, row.group].join("\u0000");
    groups.set(key, [...(groups.get(key) ?? []), record]);
  }
  for (const group of groups.values()) {
    const first = group[0]!;
    const rated = Number(first.row.rated);
    for (const other of group.slice(1)) {
      if (Number(other.row.rated) !== rated) {
        context.issue(
          other,
          "rated",
          "rated-mismatch",
          `dòng ${first.line} ghi ${formatNumber(rated)}, dòng này ghi ${formatNumber(Number(other.row.rated))}`,
        );
      }
    }
    const sum = group.reduce((s, r) => s + Number(r.row.count), 0);
    if (sum > rated) {
      const last = group[group.length - 1]!;
      context.issue(
        last,
        "count",
        "parts-exceed-total",
        `các mức của nhóm (dòng ${group.map((r) => r.line).join(", ")}) cộng lại ${formatNumber(sum)}, số được xếp loại ${formatNumber(rated)}`,
      );
    }
  }
}

function checkAdmissions(records: RowRecord[], context: RowCheckContext) {
  for (const record of records) {
    const target = record.row.target;
    if (typeof target === "number") {
      checkPercent(
        record,
        context,
        "percent_of_target",
        Number(record.row.count),
        target,
        "chỉ tiêu",
      );
    }
  }
}

function checkAgainstTotal(records: RowRecord[], context: RowCheckContext) {
  for (const record of records) {
    const total = record.row.total;
    if (typeof total === "number" && Number(record.row.count) > total) {
      context.issue(
        record,
        "count",
        "count-exceeds-total",
        `${String(record.row.count)} lớn hơn tổng ${total}`,
      );
    }
  }
}

export const DATASET_CHECKS: Partial<
  Record<DatasetId, (records: RowRecord[], context: RowCheckContext) => void>
> = {
  "xep-loai": checkRatings,
  "ket-nap": checkAdmissions,
  "cong-tac-to-chuc": checkAgainstTotal,
};
