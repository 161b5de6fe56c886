// Publishing a staged build: two renames, so dist/ is never half old, half new. The old build is
// removed by a process of its own afterwards: tens of thousands of files take seconds to delete,
// and nobody needs to wait for that.
import { spawn } from "node:child_process";
import { existsSync, renameSync, rmSync } from "node:fs";
import type { BuildPaths } from "./paths.ts";

/** dist → dist-previous, staging → dist; then dist-previous goes, in the background. */
export function swapIn({ dist, staging, previous }: BuildPaths): void {
  // Left by an earlier build whose background removal did not finish.
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(dist)) renameSync(dist, previous);
  renameSync(staging, dist);
  if (existsSync(previous)) removeInBackground(previous);
}

function removeInBackground(dir: string): void {
  const script = "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true })";
  spawn(process.execPath, ["-e", script, dir], {
    detached: true,
    stdio: "ignore",
    env: { PATH: process.env.PATH },
  }).unref();
}
