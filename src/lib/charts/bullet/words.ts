// The words of an admissions row, made once from the same inputs as the table and the text
// alternative: the label, the count admitted, the stated percentage and the source's target word.
import { qualified } from "../../data/qualifiers.ts";
import { formatNumber, formatPercentPoints } from "../../format.ts";
import type { LegendItem } from "../legend.ts";
import type { BulletRow } from "../types.ts";

export const NO_TARGET_TEXT = "không nêu chỉ tiêu";

/** "Kết nạp 2.053 đảng viên · đạt 102% chỉ tiêu" or "… · không nêu chỉ tiêu". */
export function bulletNote(row: BulletRow, unit: string): string {
  const admitted = admittedText(row, unit);
  return row.percentOfTarget === undefined
    ? `${admitted} · ${NO_TARGET_TEXT}`
    : `${admitted} · đạt ${formatPercentPoints(row.percentOfTarget)} ${row.targetWord ?? "chỉ tiêu"}`;
}

/** "Kết nạp hơn 200 đảng viên": the count with its qualifier. */
function admittedText(row: BulletRow, unit: string): string {
  return `Kết nạp ${qualified(formatNumber(row.count), row.qualifier)} ${unit}`;
}

/** "Đảng bộ huyện Thanh Bình, năm 2022". */
export function bulletLabel(row: BulletRow): string {
  return row.year === undefined ? row.label : `${row.label}, năm ${row.year}`;
}

export type BulletWords = {
  /** "Đảng bộ huyện Thanh Bình, năm 2022". */
  label: string;
  /** "Kết nạp 218 đảng viên" with the count's qualifier. */
  admitted: string;
  /** "đạt 100%"; absent when the source states no target. */
  reached?: string;
  /** The source's target word ("kế hoạch đề ra"), or "không nêu chỉ tiêu". */
  target: string;
  tip: string;
  /** The whole row on one line: "Kết nạp … · đạt …". */
  note: string;
};

/** The words of one row, shared by both label placements and its tooltip. */
export function bulletWords(row: BulletRow, unit: string): BulletWords {
  const note = bulletNote(row, unit);
  return {
    label: bulletLabel(row),
    admitted: admittedText(row, unit),
    ...(row.percentOfTarget !== undefined && {
      reached: `đạt ${formatPercentPoints(row.percentOfTarget)}`,
    }),
    target: row.percentOfTarget === undefined ? NO_TARGET_TEXT : (row.targetWord ?? "chỉ tiêu"),
    tip: `${bulletLabel(row)}: ${note.charAt(0).toLowerCase()}${note.slice(1).replace(" · ", ", ")}`,
    note,
  };
}

/** The key: the bar's colour and the 100% rule. */
export function bulletLegend(colour: string): LegendItem[] {
  return [
    { key: "admitted", label: "Tỉ lệ đạt", fill: colour },
    { key: "target", label: "Vạch đứng: đạt 100%", fill: "currentColor", shape: "line" },
  ];
}
