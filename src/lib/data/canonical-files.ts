// Which dataset files in a folder are not in the canonical form (see canonical.ts), for data:check's warning.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { canonicalCsv } from "./canonical.ts";
import { DATASET_IDS, DATASETS } from "./datasets.ts";

/** Dataset files that would change under `npm run data:format` (files that do not parse are the check's job). */
export function nonCanonicalFiles(dir: string): string[] {
  const files: string[] = [];
  for (const id of DATASET_IDS) {
    const path = join(dir, `${id}.csv`);
    if (!existsSync(path)) continue;
    const bytes = readFileSync(path);
    const result = canonicalCsv(DATASETS[id].schema, bytes);
    if (result.ok && !Buffer.from(result.text, "utf8").equals(bytes)) files.push(path);
  }
  return files;
}
