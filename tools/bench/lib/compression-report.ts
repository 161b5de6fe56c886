// bench:compression: size and time of each level over a sample of one file type, and the
// BENCHMARKS.md section that shows them beside the levels the build uses.
import { performance } from "node:perf_hooks";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Levels } from "../../../src/lib/build/compression-levels.ts";
import { table } from "./sections.ts";

export const BROTLI_QUALITIES = [1, 4, 5, 6, 7, 8, 9, 10, 11];
export const GZIP_LEVELS = [1, 6, 9];

export type LevelRow = { encoding: "br" | "gzip"; level: number; outBytes: number; ms: number };

export type TypeSample = {
  ext: string;
  files: number;
  sampled: number;
  bytes: number;
  rows: LevelRow[];
  chosen: Levels;
};

export function brotli(body: Buffer, quality: number): Buffer {
  return brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}

function timeAll(bodies: Buffer[], compress: (b: Buffer) => Buffer): { out: number; ms: number } {
  const started = performance.now();
  let out = 0;
  for (const body of bodies) out += compress(body).length;
  return { out, ms: performance.now() - started };
}

/** Every Brotli quality and gzip level over `bodies`, one file at a time on this thread. */
export function measureLevels(bodies: Buffer[]): LevelRow[] {
  const rows: LevelRow[] = [];
  for (const level of BROTLI_QUALITIES) {
    const { out, ms } = timeAll(bodies, (b) => brotli(b, level));
    rows.push({ encoding: "br", level, outBytes: out, ms });
  }
  for (const level of GZIP_LEVELS) {
    const { out, ms } = timeAll(bodies, (b) => gzipSync(b, { level }));
    rows.push({ encoding: "gzip", level, outBytes: out, ms });
  }
  return rows;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function typeTable(sample: TypeSample): string {
  const best = Math.min(...sample.rows.map((r) => r.outBytes));
  return table([
    ["encoding", "level", "MiB/s", "size", "over the smallest", "s per 100 MiB", "build uses"],
    ...sample.rows.map((r) => {
      const chosen =
        (r.encoding === "br" ? sample.chosen.brotli : sample.chosen.gzip) === r.level
          ? "**yes**"
          : "";
      const mibPerS = sample.bytes / 2 ** 20 / (r.ms / 1000);
      return [
        r.encoding,
        String(r.level),
        mibPerS.toFixed(1),
        pct(r.outBytes / sample.bytes),
        `+${pct(r.outBytes / best - 1)}`,
        (100 / mibPerS).toFixed(1),
        chosen,
      ];
    }),
  ]);
}

export const COMPRESSION_HEADING = "## Compression levels (bench:compression)";

export function renderCompressionSection(
  meta: { date: string; machine: string; node: string; site: string; load: number },
  samples: TypeSample[],
  levels: Record<string, Levels>,
): string {
  const chosen = Object.entries(levels)
    .map(([ext, l]) => `\`${ext}\` Brotli ${l.brotli} / gzip ${l.gzip}`)
    .join(", ");
  return [
    COMPRESSION_HEADING,
    "",
    "`npm run bench:compression` compresses a sample of each file type of a built site at every",
    "Brotli quality and gzip level, one file at a time on one thread, and shows what the build uses",
    `(\`src/lib/build/compression-levels.ts\`: ${chosen}; every other type the default).`,
    "**size** is the compressed sample over the original; **over the smallest** is how much",
    "larger than the smallest copy any level made; **s per 100 MiB** is the time one core takes.",
    "",
    `### Last run: ${meta.date}`,
    "",
    `Machine: ${meta.machine}; Node ${meta.node}; site ${meta.site}; load ${meta.load.toFixed(2)} at the start.`,
    "",
    ...samples.flatMap((s) => [
      `\`${s.ext}\`: ${s.sampled} of ${s.files} files, ${(s.bytes / 2 ** 20).toFixed(1)} MiB sampled.`,
      "",
      typeTable(s),
      "",
    ]),
  ].join("\n");
}
