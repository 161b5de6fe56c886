// Text boxes placed so that none covers another: each takes the first of a few levels (offsets
// from where it wants to be) that overlaps no box placed before it.

export type Box = { left: number; right: number; top: number; bottom: number };

export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Places each box at the first level (vertical offset) that overlaps no placed box, else where it wanted. */
export function placeLabels(wanted: readonly Box[], levels: readonly number[]): Box[] {
  const placed: Box[] = [];
  for (const box of wanted) {
    const free = levels
      .map((dy) => ({ ...box, top: box.top + dy, bottom: box.bottom + dy }))
      .find((b) => placed.every((p) => !overlaps(p, b)));
    placed.push(free ?? box);
  }
  return placed;
}

/** A box `width` wide centred on `x`, kept inside [`left`, `right`]. */
export function centredWithin(x: number, width: number, left: number, right: number) {
  const cx = Math.min(Math.max(x, left + width / 2), right - width / 2);
  return { left: cx - width / 2, right: cx + width / 2 };
}
