// `npm run bench:data`: parse and validate 100,000 valid rows (copies of data/to-chuc-dang.csv with
// new ids, so quotes, sources and part/total checks all run) from a temporary file; target < 2 s.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { canonicalCsv } from "../../src/lib/data/canonical.ts";
import { checkDatasetBytes, DATASETS, formatIssue } from "../../src/lib/data/index.ts";
import { dataDir } from "../../src/lib/data/paths.ts";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const source = readFileSync(join(dataDir(), "to-chuc-dang.csv"), "utf8").replace(/^\ufeff/, "");
const [header, ...body] = Papa.parse<string[]>(source.trim(), { header: false }).data;
const idColumn = header!.indexOf("id");
const partColumn = header!.indexOf("part_of");

// Suffix ids and part_of references, copy after copy.
const table = [header!];
for (let copy = 0; table.length <= ROWS; copy++) {
  for (const row of body) {
    if (table.length > ROWS) break;
    const cells = [...row];
    cells[idColumn] = `${cells[idColumn]}-${copy}`;
    if (cells[partColumn]) cells[partColumn] = `${cells[partColumn]}-${copy}`;
    table.push(cells);
  }
}
const lines = table.map((cells) => Papa.unparse([cells]));
const dir = mkdtempSync(join(tmpdir(), "bench-data-"));
const file = join(dir, "to-chuc-dang.csv");
writeFileSync(file, `\ufeff${lines.join("\r\n")}\r\n`);
const bytes = readFileSync(file).byteLength;

const times: number[] = [];
// data:format of the same spreadsheet-style file (BOM, CRLF) into the canonical form.
const formatTimes: number[] = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const result = checkDatasetBytes("to-chuc-dang", readFileSync(file), { file });
    times.push(performance.now() - start);
    if (result.issues.length > 0 || result.rows.length !== ROWS) {
      console.error(result.issues.slice(0, 5).map(formatIssue).join("\n"));
      throw new Error(`expected ${ROWS} valid rows, got ${result.rows.length}`);
    }
    const formatStart = performance.now();
    const formatted = canonicalCsv(DATASETS["to-chuc-dang"].schema, readFileSync(file));
    formatTimes.push(performance.now() - formatStart);
    if (!formatted.ok) throw new Error("the benchmark file did not format");
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
times.sort((a, b) => a - b);
formatTimes.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)]!;
const seconds = (ms: number) => (ms / 1000).toFixed(2);
console.log(
  `bench:data ${ROWS.toLocaleString("en")} rows (${(bytes / 1e6).toFixed(1)} MB): parse+validate median ${seconds(median)} s, best ${seconds(times[0]!)} s, worst ${seconds(times[times.length - 1]!)} s over ${RUNS} runs (target < 2 s: ${median < 2000 ? "met" : "NOT met"})`,
);
console.log(
  `bench:data data:format of the same file: median ${seconds(formatTimes[Math.floor(formatTimes.length / 2)]!)} s, best ${seconds(formatTimes[0]!)} s, worst ${seconds(formatTimes[formatTimes.length - 1]!)} s`,
);
