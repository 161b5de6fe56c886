// Hints that point staff at the exact place of a mistake: a stray character in a number, the
// nearest article name, the cell that probably holds a stray separator.

const quoted = (text: string) => `“${text}”`;

/** Characters a number may hold as written in this repository (digits, separators, a space, %). */
const NUMBER_CHARS = /[0-9.,%\s\u00a0\u202f-]/;

/** Look-alikes typed for digits. */
const LOOK_ALIKES: Record<string, string> = { O: "0", o: "0", Q: "0", l: "1", I: "1", S: "5" };

/**
 * "6.12O" -> "ký tự thứ 5 “O” không phải chữ số (chữ O thay cho số 0?)"; undefined when every
 * character could belong to a number (then the arrangement, not a character, is wrong).
 */
export function strayCharacterHint(text: string): string | undefined {
  const chars = [...text];
  const index = chars.findIndex((c) => !NUMBER_CHARS.test(c));
  if (index === -1) return undefined;
  const char = chars[index]!;
  const digit = LOOK_ALIKES[char];
  const guess = digit === undefined ? "" : ` (chữ ${char} thay cho số ${digit}?)`;
  return `ký tự thứ ${index + 1} ${quoted(char)} không phải chữ số${guess}`;
}

/** Levenshtein distance, for suggesting the article a misspelt `source` meant. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The known name nearest to `name`, when it is close enough to be a slip (about one word in three). */
export function nearestName(name: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(name, candidate);
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  if (!best) return undefined;
  return best.distance <= Math.max(3, Math.floor(best.name.length / 3)) ? best.name : undefined;
}

/**
 * A label folded the way a reader would not tell apart: case, spaces and diacritics ignored
 * ("Tình  trạng" and "tình trạng" fold to "tinh trang").
 */
export function foldLabel(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Which cells of a row with `extra` cells too many probably hold the stray separator: for each
 * place the extra cells could be joined back, how many typed cells then read correctly, and how
 * many joined pieces start with a space (a separator inside prose is followed by one, a real one
 * is not). Returns the best start indices (several when they tie).
 */
export function strayDelimiterCells(
  cells: string[],
  width: number,
  readsCorrectly: (row: string[]) => number,
): number[] {
  const extra = cells.length - width;
  if (extra <= 0) return [];
  let best: { score: number; spaces: number; starts: number[] } | undefined;
  for (let start = 0; start < width; start++) {
    const joined = cells.slice(start, start + extra + 1);
    const row = [
      ...cells.slice(0, start),
      joined.join("\u0000"),
      ...cells.slice(start + extra + 1),
    ];
    const score = readsCorrectly(row);
    const spaces = joined.slice(1).filter((piece) => /^\s/.test(piece)).length;
    if (!best || score > best.score || (score === best.score && spaces > best.spaces)) {
      best = { score, spaces, starts: [start] };
    } else if (score === best.score && spaces === best.spaces) best.starts.push(start);
  }
  return best?.starts ?? [];
}
