// A glyph's outline placed anywhere by string concatenation: HarfBuzz's path (absolute, font
// units, y up) scaled to a font size, y down, rounded to 1/100 of a unit, its first point kept
// apart and the rest written relative. A run of text is then one <path> (as resvg makes of its
// own text), each glyph `M<origin + first point>` and its cached rest: resvg fills one path per run
// far faster than one per glyph.

export type PlacedGlyph = {
  /** The first point, from the glyph's origin. */
  x: number;
  y: number;
  /** Everything after the first moveto, relative; "" for a glyph with no outline (a space). */
  rest: string;
};

const centi = (n: number) => Math.round(n * 1000);
/** Hundredths as the shortest decimal: exact, so relative steps never drift. */
const unit = (c: number) => String(c / 1000);

const COMMAND = /([MLQCZ])([^MLQCZ]*)/g;
/** Points per segment: a relative segment's points are all from the point it starts at. */
const ARITY: Record<string, number> = { M: 1, L: 1, Q: 2, C: 3 };

/** The outline at `k` units per font unit. */
export function placedGlyph(path: string, k: number): PlacedGlyph {
  const out: string[] = [];
  let first: [number, number] | undefined;
  // Current point and subpath start, in hundredths.
  let [cx, cy, sx, sy] = [0, 0, 0, 0];
  for (const [, op, args] of path.matchAll(COMMAND)) {
    if (op === "Z") {
      out.push("z");
      [cx, cy] = [sx, sy];
      continue;
    }
    const numbers = args!.split(/[ ,]+/).filter(Boolean).map(Number);
    const arity = ARITY[op!]!;
    for (let i = 0; i < numbers.length; i += 2 * arity) {
      const points: string[] = [];
      let [px, py] = [cx, cy];
      for (let j = i; j < i + 2 * arity; j += 2) {
        [px, py] = [centi(numbers[j]! * k), centi(-numbers[j + 1]! * k)];
        points.push(`${unit(px - cx)} ${unit(py - cy)}`);
      }
      // The glyph's very first point is placed absolutely by the run; later movetos are relative.
      if (op === "M" && i === 0 && !first) first = [px, py];
      else out.push(`${op === "M" && i > 0 ? "l" : op!.toLowerCase()}${points.join(" ")}`);
      if (op === "M" && i === 0) [sx, sy] = [px, py];
      [cx, cy] = [px, py];
    }
  }
  if (!first) return { x: 0, y: 0, rest: "" };
  return { x: first[0] / 1000, y: first[1] / 1000, rest: out.join("") };
}
