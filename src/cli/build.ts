// Validate the data, build into a staging folder, and only then replace dist/: a failed build loses nothing.
import { spawnSync } from "node:child_process";
import { existsSync, renameSync, rmSync } from "node:fs";
import { resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");
const dist = resolve(root, process.env.ASTRO_OUT_DIR ?? "dist");
const staging = `${dist}-staging`;
const previous = `${dist}-previous`;

function run(args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`\nBuild stopped; ${dist} was not touched.`);
    process.exit(result.status ?? 1);
  }
}

run(["src/cli/data-check.ts"]);
rmSync(staging, { recursive: true, force: true });
run([resolve(root, "node_modules/astro/bin/astro.mjs"), "build", ...process.argv.slice(2)], {
  ...process.env,
  ASTRO_OUT_DIR: staging,
});
// The search index is part of the build: if it fails, the published site stays as it was.
run(["src/cli/search-index.ts", staging]);
rmSync(previous, { recursive: true, force: true });
if (existsSync(dist)) renameSync(dist, previous);
renameSync(staging, dist);
rmSync(previous, { recursive: true, force: true });
console.log(`Published ${dist}`);
