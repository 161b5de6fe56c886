// SVG snapshots as in Observable Plot: numbers rounded, ids renumbered, `-changed.svg` on mismatch,
// expected files written only outside CI (a missing one fails in CI).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { expect } from "vitest";

export const EXPECTED_DIR = join(import.meta.dirname, "../snapshots/__expected__");

const GEOMETRY = /\s(x|y|x1|x2|y1|y2|dy|width|height|viewBox|stroke-width)="([^"]*)"/g;

/** Rounds attribute numbers to 2 decimals, renumbers ids in first-seen order, puts one element per line. */
export function normaliseSvg(svg: string): string {
  const ids = new Map<string, string>();
  for (const match of svg.matchAll(/\sid="([^"]+)"/g)) {
    if (!ids.has(match[1]!)) ids.set(match[1]!, `id${ids.size}`);
  }
  // Only geometry: text such as "66.024" uses the dot as a thousands separator.
  let out = svg.replace(GEOMETRY, (_, name: string, value: string) => {
    const rounded = value.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 100) / 100));
    return ` ${name}="${rounded}"`;
  });
  // Longest ids first so "x-title" is not half-replaced by "x".
  for (const [id, fresh] of [...ids].sort((a, b) => b[0].length - a[0].length)) {
    out = out.replace(new RegExp(`(["#\\s])${escapeRegExp(id)}(?=["\\s)])`, "g"), `$1${fresh}`);
  }
  return out.replace(/></g, ">\n<").trim() + "\n";
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Compares `svg` with `__expected__/<name>.svg`; see the module comment for the rules. */
export function expectSvgSnapshot(name: string, svg: string): void {
  const actual = normaliseSvg(svg);
  const expectedPath = join(EXPECTED_DIR, `${name}.svg`);
  const changedPath = join(EXPECTED_DIR, `${name}-changed.svg`);
  if (!existsSync(expectedPath)) {
    if (process.env.CI) {
      throw new Error(`missing expected snapshot ${expectedPath} (never created in CI)`);
    }
    mkdirSync(dirname(expectedPath), { recursive: true });
    writeFileSync(expectedPath, actual);
    return;
  }
  const expected = readFileSync(expectedPath, "utf8");
  if (expected === actual) {
    rmSync(changedPath, { force: true });
    return;
  }
  writeFileSync(changedPath, actual);
  expect(actual, `SVG differs from ${expectedPath}; see ${changedPath}`).toBe(expected);
}
