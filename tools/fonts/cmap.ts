// The characters a font file maps (its cmap, formats 4 and 12), read without a font library.
import fontverter from "fontverter";

function tableOffset(sfnt: Buffer, tag: string): number {
  const count = sfnt.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i;
    if (sfnt.toString("latin1", record, record + 4) === tag) return sfnt.readUInt32BE(record + 8);
  }
  throw new Error(`no ${tag} table`);
}

function format4(sfnt: Buffer, at: number, into: Set<number>): void {
  const segments = sfnt.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + 2 * segments + 2;
  for (let s = 0; s < segments; s++) {
    const start = sfnt.readUInt16BE(starts + 2 * s);
    if (start === 0xffff) continue;
    for (let c = start; c <= sfnt.readUInt16BE(ends + 2 * s); c++) into.add(c);
  }
}

function format12(sfnt: Buffer, at: number, into: Set<number>): void {
  const groups = sfnt.readUInt32BE(at + 12);
  for (let g = 0; g < groups; g++) {
    const group = at + 16 + 12 * g;
    for (let c = sfnt.readUInt32BE(group); c <= sfnt.readUInt32BE(group + 4); c++) into.add(c);
  }
}

/** Code points of a TrueType/WOFF/WOFF2 font, ascending. */
export async function codePoints(font: Buffer): Promise<number[]> {
  const sfnt = await fontverter.convert(font, "sfnt");
  const cmap = tableOffset(sfnt, "cmap");
  const found = new Set<number>();
  for (let i = 0; i < sfnt.readUInt16BE(cmap + 2); i++) {
    const at = cmap + sfnt.readUInt32BE(cmap + 4 + 8 * i + 4);
    const format = sfnt.readUInt16BE(at);
    if (format === 4) format4(sfnt, at, found);
    if (format === 12) format12(sfnt, at, found);
  }
  return [...found].sort((a, b) => a - b);
}
