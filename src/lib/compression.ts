// Precompressed copies of the build: which files get them, and which copy a request accepts.

/** Text types the build writes .br and .gz copies of. */
export const COMPRESSIBLE = [".html", ".css", ".js", ".mjs", ".svg", ".json", ".xml", ".csv"];
/** Smaller files gain less than the headers cost. */
export const MIN_COMPRESS_BYTES = 1024;

export type Encoding = "br" | "gzip";
/** Best first: Brotli is smaller than gzip at the levels the build uses. */
export const ENCODINGS: { encoding: Encoding; suffix: string }[] = [
  { encoding: "br", suffix: ".br" },
  { encoding: "gzip", suffix: ".gz" },
];

export function isCompressible(path: string): boolean {
  const dot = path.lastIndexOf(".");
  return dot !== -1 && COMPRESSIBLE.includes(path.slice(dot).toLowerCase());
}

/** q-values by coding from an Accept-Encoding header ("br;q=0.8, gzip, *;q=0"). */
function qualities(header: string): Map<string, number> {
  const q = new Map<string, number>();
  for (const part of header.split(",")) {
    const [rawName, ...params] = part.toLowerCase().split(";");
    const name = rawName!.trim();
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const value = qParam === undefined ? 1 : Number(qParam.slice(2));
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  return q;
}

/**
 * The best of `available` the header allows (highest q, then Brotli before gzip), or undefined
 * for identity: no header, nothing acceptable, or nothing available.
 */
export function chooseEncoding(
  header: string | undefined,
  available: readonly Encoding[],
): Encoding | undefined {
  if (!header) return undefined;
  const q = qualities(header);
  const star = q.get("*") ?? 0;
  let best: Encoding | undefined;
  let bestQ = 0;
  for (const { encoding } of ENCODINGS) {
    if (!available.includes(encoding)) continue;
    // "x-gzip" is the old name of gzip (RFC 9110 §8.4.1.3).
    const own = q.get(encoding) ?? (encoding === "gzip" ? q.get("x-gzip") : undefined);
    const value = own ?? star;
    if (value > bestQ) {
      best = encoding;
      bestQ = value;
    }
  }
  return best;
}
