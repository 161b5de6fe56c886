// A part's figure as readers see it in the chart, its table and its text alternative.
import { formatNumber, formatPercentPoints, formatShare } from "../../format.ts";
import type { SharePart } from "../types.ts";

/** "83,33%" as the source prints it, else the share computed from the counts ("16,7%"). */
export function shareText(part: Pick<SharePart, "count" | "statedPercent">, total: number): string {
  if (part.statedPercent !== undefined) return formatPercentPoints(part.statedPercent);
  return total > 0 ? formatShare(part.count / total) : "—";
}

/** "8/40 (20%)". */
export function partText(part: Pick<SharePart, "count" | "statedPercent">, total: number): string {
  return `${formatNumber(part.count)}/${formatNumber(total)} (${shareText(part, total)})`;
}
