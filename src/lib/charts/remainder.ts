// Where a source's parts fall short of its total, the gap becomes a part of its own.

export const UNKNOWN_KEY = "khong-ro";
export const UNKNOWN_LABEL = "Không rõ (nguồn không nêu)";

export type Counted = { key: string; label: string; value: number };

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

/** `parts` plus a "Không rõ (nguồn không nêu)" part for any remainder. */
export function withRemainder<T extends Counted>(
  total: number,
  parts: readonly T[],
): Array<T | (Counted & { unknown: true })> {
  const rest = remainderOf(total, parts);
  return rest === undefined
    ? [...parts]
    : [...parts, { key: UNKNOWN_KEY, label: UNKNOWN_LABEL, value: rest, unknown: true as const }];
}
