// "How were groups rated?" One 100% stacked bar per group rated, per unit and year.
import { DERIVED_MARK, derivedRows, UNKNOWN_LABEL } from "../../data/derived.ts";
import { qualified } from "../../data/qualifiers.ts";
import { RATINGS, type RatingRow } from "../../data/schemas.ts";
import { formatNumber, formatPercentPoints } from "../../format.ts";
import { describeShares } from "../describe.ts";
import { periodText } from "../../data/period.ts";
import { partText, sharesChart } from "../shares.ts";
import type { ShareGroup } from "../types.ts";
import { unitSlug } from "../unit-name.ts";
import type { BuiltChart } from "./types.ts";

/** "Hoàn thành tốt nhiệm vụ trở lên" when the source counts that level and above: never one level. */
function ratingLabel(r: RatingRow): string {
  return qualified(RATINGS[r.rating], r.qualifier);
}

function groupsOf(rows: readonly RatingRow[]): ShareGroup[] {
  const names = [...new Set(rows.map((r) => r.group))];
  return names.map((name) => {
    const own = rows.filter((r) => r.group === name);
    return {
      key: name,
      label: name,
      total: own[0]!.rated,
      unit: "được xếp loại",
      parts: own.map((r) => ({
        key: r.rating,
        label: ratingLabel(r),
        count: r.count,
        statedPercent: r.percent,
      })),
    };
  });
}

export function ratingCharts(rows: readonly RatingRow[], suffix = ""): BuiltChart<RatingRow>[] {
  const keys = [...new Set(rows.map((r) => `${r.unit}|${r.period ?? ""}`))];
  return keys.map((k) => {
    const own = rows.filter((r) => `${r.unit}|${r.period ?? ""}` === k);
    const first = own[0]!;
    const groups = groupsOf(own);
    const remainders = derivedRows("xep-loai", own);
    const id = `xep-loai-${unitSlug(first.unit)}${first.period ? `-${first.period}` : ""}${suffix}`;
    const title = `Xếp loại chất lượng ${periodText(first)}: ${first.unit}`;
    const description = describeShares(groups, "");
    const best = groups.map((g) => {
      const top = g.parts[0]!;
      return `${g.label.toLowerCase()} ${partText(top, g.total)}`;
    });
    // "Mức cao nhất" only when the first part is exactly the top level; "… trở lên" spans levels.
    const head = own[0]!;
    const exactTop = head.qualifier === undefined && head.rating === "hoan-thanh-xuat-sac";
    const lead = exactTop
      ? `Mức cao nhất (${groups[0]!.parts[0]!.label.toLowerCase()})`
      : groups[0]!.parts[0]!.label;
    return {
      id,
      title,
      takeaway: `${lead}: ${best.join("; ")}.`,
      description,
      draw: (layout) => sharesChart({ id, title, description, groups, unit: "" }, layout),
      table: {
        columns: [
          "Nhóm được xếp loại",
          "Mức xếp loại",
          "Số lượng",
          "Số được xếp loại",
          "Tỉ lệ (nguồn ghi)",
        ],
        numeric: [false, false, true, true, true],
        // The remainder the chart draws as "Không rõ" is a row too, marked as computed.
        rows: own.flatMap((r) => [
          [
            r.group,
            ratingLabel(r),
            formatNumber(r.count),
            formatNumber(r.rated),
            formatPercentPoints(r.percent),
          ],
          ...remainders
            .filter((d) => d.after === r.id)
            .map(({ row }) => [
              r.group,
              `${UNKNOWN_LABEL} (${DERIVED_MARK})`,
              formatNumber(Number(row.count)),
              formatNumber(r.rated),
              formatPercentPoints(Number(row.percent)),
            ]),
        ]),
      },
      rows: own,
    };
  });
}
