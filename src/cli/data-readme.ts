// Regenerates the column reference in data/README.md from the dataset schemas.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../lib/data/paths.ts";
import { withColumnReference } from "../lib/data/reference.ts";

const file = join(REPO_ROOT, "data", "README.md");
writeFileSync(file, withColumnReference(readFileSync(file, "utf8")));
console.log(`Updated the column reference in ${file}`);
