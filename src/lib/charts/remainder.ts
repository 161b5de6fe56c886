// Where a source's parts fall short of its total, the gap becomes a part of its own.

// What is a remainder is decided in data/derived.ts, which every download and table follows too.
import { remainderOf, UNKNOWN_KEY, UNKNOWN_LABEL } from "../data/derived.ts";

export { remainderOf, UNKNOWN_KEY, UNKNOWN_LABEL };

export type Counted = { key: string; label: string; value: number };

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
