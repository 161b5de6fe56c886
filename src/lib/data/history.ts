// When a dataset file last changed: its last commit, or the file's mtime when git cannot tell.
import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import { relative } from "node:path";
import { REPO_ROOT, dataDir } from "./paths.ts";

export type LastChanged = { date: Date; from: "git" | "mtime" };

type GitDates = { committed: Map<string, Date>; dirty: Set<string> };
let cache: GitDates | null | undefined;

function git(args: string[]): string {
  return execFileSync("git", args, {
    cwd: REPO_ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Last commit date of every tracked file, and the files with uncommitted changes: two git calls in all. */
function gitDates(): GitDates | null {
  if (cache !== undefined) return cache;
  try {
    const committed = new Map<string, Date>();
    let date: Date | undefined;
    // Newest commit first: the first date seen for a file is its last change.
    // Only the data folder's history when it is in the repository: the whole log grows with every commit.
    const data = relative(REPO_ROOT, dataDir());
    const pathspec = data.startsWith("..") ? [] : ["--", data || "."];
    for (const line of git(["log", "--format=%x00%cI", "--name-only", ...pathspec]).split("\n")) {
      if (line.startsWith("\0")) date = new Date(line.slice(1));
      else if (line && date && !committed.has(line)) committed.set(line, date);
    }
    const dirty = new Set(
      git(["status", "--porcelain", "--no-renames", ...pathspec])
        .split("\n")
        .filter(Boolean)
        .map((line) => line.slice(3)),
    );
    cache = { committed, dirty };
  } catch {
    cache = null; // no git here (e.g. a tarball): fall back to the files themselves
  }
  return cache;
}

export function lastChanged(path: string): LastChanged {
  const file = relative(REPO_ROOT, path).split("\\").join("/");
  const dates = gitDates();
  const date = dates?.committed.get(file);
  if (date && !dates?.dirty.has(file)) return { date, from: "git" };
  return { date: statSync(path).mtime, from: "mtime" };
}
