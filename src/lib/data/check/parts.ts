// Totals and their parts (part_of): links, cycles, what a part shares with its total, and sums.
import { formatNumber } from "../../format.ts";
import { quoted, type RowCheckContext, type RowRecord } from "./record.ts";

/** A cell's value in a message; an empty cell says so. */
const shown = (value: unknown): string =>
  value === undefined || value === "" ? "ô trống" : quoted(String(value));

/** Columns a part shares with its total (part_of). */
const PART_MUST_MATCH = ["unit", "period", "period_kind", "source"] as const;

type PartsState = {
  records: readonly RowRecord[];
  ids: Map<string, RowRecord>;
  context: RowCheckContext;
  unknownSources: Map<RowRecord, number[]>;
};

/** A row must not be (indirectly) part of itself: walk up from its total. */
function checkCycle(record: RowRecord, total: RowRecord, state: PartsState) {
  let cursor: RowRecord | undefined = total;
  for (let steps = 0; cursor && steps <= state.records.length; steps++) {
    if (cursor === record) {
      state.context.issue(record, "part_of", "part-cycle", quoted(String(record.row.part_of)));
      break;
    }
    const up = cursor.row.part_of as string | undefined;
    cursor = up === undefined ? undefined : state.ids.get(up);
  }
}

/** A part is a share of the same unit's figure, at the same time, from the same article. */
function checkSameFigure(record: RowRecord, total: RowRecord, state: PartsState) {
  const differs = PART_MUST_MATCH.find((column) => record.row[column] !== total.row[column]);
  // A source that names no article is one mistake, reported once on its own row.
  const misnamed = [record, total].find((r) => state.unknownSources.has(r));
  if (differs === "source" && misnamed) {
    const other = misnamed === record ? total : record;
    state.unknownSources.get(misnamed)!.push(other.line);
  } else if (differs) {
    state.context.issue(
      record,
      "part_of",
      "part-mismatch",
      `dòng ${total.line} ghi ${shown(total.row[differs])} ở cột ${quoted(differs)}, dòng này ghi ${shown(record.row[differs])}`,
    );
  }
}

type PartGroup = { total: RowRecord; split: string; parts: RowRecord[] };

/** The parts of one breakdown must not add up to more than their total. */
function checkSums(groups: Iterable<PartGroup>, context: RowCheckContext) {
  for (const { total, split, parts } of groups) {
    const sum = parts.reduce((s, p) => s + Number(p.row.count), 0);
    const totalCount = Number(total.row.count);
    if (sum > totalCount) {
      const lines = parts.map((p) => p.line).join(", ");
      context.issue(
        total,
        "count",
        "parts-exceed-total",
        `các phần${split ? ` theo ${quoted(split)}` : ""} (dòng ${lines}) cộng lại ${formatNumber(sum)}, tổng ghi ${formatNumber(totalCount)}`,
      );
    }
  }
}

/** Parts name their total with part_of; parts of one breakdown must not add up to more than it. */
export function checkParts(
  records: RowRecord[],
  ids: Map<string, RowRecord>,
  context: RowCheckContext,
  writtenIds: Set<string>,
  unknownSources: Map<RowRecord, number[]>,
) {
  const state: PartsState = { records, ids, context, unknownSources };
  const groups = new Map<string, PartGroup>();
  for (const record of records) {
    const parent = record.row.part_of as string | undefined;
    if (parent === undefined) continue;
    const total = ids.get(parent);
    if (!total) {
      if (!writtenIds.has(parent))
        context.issue(record, "part_of", "unknown-parent", quoted(parent));
      continue;
    }
    checkCycle(record, total, state);
    checkSameFigure(record, total, state);
    const split = (record.row.split as string | undefined) ?? "";
    const key = `${parent}\u0000${split}`;
    const group = groups.get(key) ?? { total, split, parts: [] };
    group.parts.push(record);
    groups.set(key, group);
  }
  checkSums(groups.values(), context);
}
