// Vietnamese text alternatives generated from the same inputs the charts draw.
import { qualified } from "../data/qualifiers.ts";
import { formatNumber, formatPercentPoints } from "../format.ts";
import { NO_TARGET_TEXT } from "./bullet.ts";
import { withRemainder } from "./remainder.ts";
import { partText } from "./shares.ts";
import type { Bar, BarGroup, BulletRow, ShareGroup } from "./types.ts";

/** Lower-cases only the first letter, keeping proper nouns inside a label intact. */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase("vi") + text.slice(1);
}

/** "6.001 đảng viên", "trên 6.000 đảng viên", or just "6.001" when the label says what is counted. */
export function withUnit(value: number, unit: string, qualifier?: string): string {
  const number = qualified(formatNumber(value), qualifier);
  return unit ? `${number} ${unit}` : number;
}

/** A bar's value as the source states it: "trên 6.000". */
export function barValue(bar: Pick<Bar, "value" | "qualifier">): string {
  return qualified(formatNumber(bar.value), bar.qualifier);
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** "Năm 2022, Đảng bộ huyện Thanh Bình kết nạp 218 đảng viên, đạt 100% kế hoạch." */
export function describeAdmission(row: BulletRow, unit = "đảng viên"): string {
  const who = row.year === undefined ? row.label : `Năm ${row.year}, ${row.label}`;
  const target =
    row.percentOfTarget === undefined
      ? NO_TARGET_TEXT
      : `đạt ${formatPercentPoints(row.percentOfTarget)} ${row.targetWord ?? "chỉ tiêu"}`;
  return sentence(`${who} kết nạp ${withUnit(row.count, unit, row.qualifier)}, ${target}`);
}

function describeBar(bar: Bar, unit: string, series: Map<string, string>): string {
  const main = `${bar.label}: ${withUnit(bar.value, unit, bar.qualifier)}`;
  if (!bar.parts?.length) return main;
  const parts = withRemainder(bar.value, bar.parts).map(
    (p) => `${formatNumber(p.value)} ${lowerFirst(series.get(p.key) ?? p.label)}`,
  );
  return `${main} (${parts.join(", ")})`;
}

/** " (trong đó cấp ủy viên: 56)" for each "trong đó" subset of `bar`. */
function subsetsOf(bar: Bar, group: BarGroup, unit: string): string {
  return group.bars
    .filter((b) => b.subsetOf === bar.key)
    .map((b) => ` (${lowerFirst(b.label)}: ${withUnit(b.value, unit, b.qualifier)})`)
    .join("");
}

function describeGroup(group: BarGroup, unit: string, series: Map<string, string>): string {
  const bars = group.bars.filter((b) => b.subsetOf === undefined);
  if (group.intro === undefined) {
    const items = bars.map((b) => describeBar(b, unit, series) + subsetsOf(b, group, unit));
    return sentence(group.label ? `${group.label} — ${items.join("; ")}` : items.join("; "));
  }
  // A total's parts: "Trong 241 chi bộ … có 130 chi bộ thôn, 67 chi bộ trường học; 5 không rõ …".
  const named = bars
    .filter((b) => !b.unknown)
    .map((b) => {
      const item = unit
        ? `${b.label}: ${withUnit(b.value, unit, b.qualifier)}`
        : `${barValue(b)} ${lowerFirst(b.label)}`;
      return item + subsetsOf(b, group, unit);
    });
  const unknown = bars
    .filter((b) => b.unknown)
    .map((b) => `${withUnit(b.value, unit)} không rõ (nguồn không nêu)`);
  const text = [named.join(unit ? "; " : ", "), ...unknown].join("; ");
  return sentence(`${upperFirst(group.intro)} ${text}`);
}

function upperFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
}

/**
 * One Vietnamese sentence per group: "Trong 241 chi bộ … có 130 chi bộ thôn, …" for a total's
 * parts, "A: 1; B: 2 (trong đó C: 1)." for a list of figures.
 */
export function describeBars(
  groups: readonly BarGroup[],
  unit: string,
  seriesLabels: readonly { key: string; label: string }[] = [],
): string {
  const series = new Map(seriesLabels.map((s) => [s.key, s.label]));
  return groups.map((g) => describeGroup(g, unit, series)).join(" ");
}

/** "Chi bộ, đảng bộ cơ sở (30): hoàn thành xuất sắc nhiệm vụ 5/30 (16,7%), …." */
export function describeShares(groups: readonly ShareGroup[], unit: string): string {
  return groups
    .map((g) => {
      const parts = withRemainder(
        g.total,
        g.parts.map((p) => ({ ...p, value: p.count })),
      ).map((p) => {
        const stated = "statedPercent" in p ? p.statedPercent : undefined;
        const label = lowerFirst(p.label);
        return `${label} ${partText({ count: p.value, statedPercent: stated }, g.total)}`;
      });
      return sentence(
        `${g.label} (${formatNumber(g.total)} ${g.unit ?? unit}): ${parts.join(", ")}`,
      );
    })
    .join(" ");
}
