// When a dataset file last changed: its last commit, or the file's mtime when git cannot tell.
import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import { REPO_ROOT } from "./paths.ts";

export type LastChanged = { date: Date; from: "git" | "mtime" };

export function lastChanged(path: string): LastChanged {
  try {
    const run = (args: string[]) =>
      execFileSync("git", args, {
        cwd: REPO_ROOT,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      }).trim();
    const dirty = run(["status", "--porcelain", "--", path]) !== "";
    const iso = run(["log", "-1", "--format=%cI", "--", path]);
    if (iso && !dirty) return { date: new Date(iso), from: "git" };
  } catch {
    // no git here (e.g. a tarball): fall back to the file itself
  }
  return { date: statSync(path).mtime, from: "mtime" };
}
