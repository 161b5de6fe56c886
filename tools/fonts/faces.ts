// The site's three font files: which Fontsource faces they are made from and which characters
// they keep (Latin, Latin-1 and Vietnamese). Shared by the generator and its test.

/** One self-hosted face: the Fontsource package, weight and the file it becomes. */
export type Face = { family: string; fontsource: string; weight: 400 | 700; file: string };

export const FACES: readonly Face[] = [
  {
    family: "Be Vietnam Pro",
    fontsource: "be-vietnam-pro",
    weight: 400,
    file: "be-vietnam-pro-400.woff2",
  },
  {
    family: "Be Vietnam Pro",
    fontsource: "be-vietnam-pro",
    weight: 700,
    file: "be-vietnam-pro-700.woff2",
  },
  { family: "Noto Serif", fontsource: "noto-serif", weight: 400, file: "noto-serif-400.woff2" },
];

/** Fontsource's subsets merged into each file. */
export const SOURCE_SUBSETS = ["latin", "vietnamese"] as const;

/**
 * Code points kept, as inclusive ranges: printable ASCII, Latin-1, the Vietnamese letters (ă đ ĩ ũ
 * ơ ư and U+1EA0–1EF9 with their combining tone marks), the dashes, quotes and ellipsis the
 * articles use, ₫, € and the minus sign. Anything else falls back to the system font.
 */
export const KEPT_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xa0, 0xff],
  [0x102, 0x103],
  [0x110, 0x111],
  [0x128, 0x129],
  [0x168, 0x169],
  [0x1a0, 0x1a1],
  [0x1af, 0x1b0],
  [0x300, 0x301],
  [0x303, 0x303],
  [0x309, 0x309],
  [0x323, 0x323],
  [0x1ea0, 0x1ef9],
  [0x2013, 0x2014],
  [0x2018, 0x201a],
  [0x201c, 0x201e],
  [0x2022, 0x2022],
  [0x2026, 0x2026],
  [0x2039, 0x203a],
  [0x20ab, 0x20ac],
  [0x2122, 0x2122],
  [0x2212, 0x2212],
];

/** Every kept character, for the subsetter. */
export function keptText(): string {
  let text = "";
  for (const [from, to] of KEPT_RANGES) {
    for (let c = from; c <= to; c++) text += String.fromCodePoint(c);
  }
  return text;
}

/** The CSS `unicode-range` value of the kept ranges ("U+0020-007E, U+00A0-00FF, …"). */
export function unicodeRange(): string {
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, "0");
  return KEPT_RANGES.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(
    ", ",
  );
}
