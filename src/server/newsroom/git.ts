// Git in the content checkout, run as a child process (never a shell): what the publisher commits
// and reverts, and what the history page reads. Commits carry the staff member as author and
// committer, and a trailer naming the publication.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

export type GitResult = { ok: boolean; stdout: string; stderr: string };

/** The trailer every newsroom commit carries: `Publication: <id>`. */
export const TRAILER = "Publication";
/** A local address for an account: never a real mailbox. */
export const staffEmail = (username: string) => `${username}@nhan-vien.invalid`;

export const COMMIT_ID = /^[0-9a-f]{40}$/;

/** Runs `git <args>` in `dir`; never throws (ok is false on a non-zero exit or a missing git). */
export function git(
  dir: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; input?: string } = {},
): Promise<GitResult> {
  return new Promise((done) => {
    const child = execFile(
      "git",
      ["-c", "core.quotepath=off", ...args],
      {
        cwd: dir,
        env: { ...process.env, LC_ALL: "C", GIT_TERMINAL_PROMPT: "0", ...options.env },
        maxBuffer: 64 * 1024 * 1024,
        encoding: "utf8",
      },
      (error, stdout, stderr) => done({ ok: !error, stdout, stderr }),
    );
    // A git that exits without reading its input (an error) must not crash the server (EPIPE).
    child.stdin?.on("error", () => {});
    child.stdin?.end(options.input ?? "");
  });
}

/** Like git(), but a failure throws with git's own words. */
export async function gitOrThrow(dir: string, args: string[], input?: string): Promise<string> {
  const r = await git(dir, args, { input });
  if (!r.ok) throw new Error(`git ${args[0]}: ${r.stderr.trim() || r.stdout.trim()}`);
  return r.stdout;
}

export const head = async (dir: string) => (await gitOrThrow(dir, ["rev-parse", "HEAD"])).trim();

/** Paths (of `paths`) with changes not committed: the publisher will not write over them. */
export async function uncommitted(dir: string, paths: string[]): Promise<string[]> {
  const out = await gitOrThrow(dir, [
    "status",
    "--porcelain",
    "--untracked-files=all",
    "--",
    ...paths,
  ]);
  return out
    .split("\n")
    .filter(Boolean)
    .map((line) => line.slice(3));
}

/** The files a commit changed (no rename detection: a revert touches exactly these). */
export async function changedFiles(dir: string, commit: string): Promise<string[]> {
  const out = await gitOrThrow(dir, [
    "diff-tree",
    "--no-commit-id",
    "--no-renames",
    "--name-only",
    "-r",
    "--root",
    commit,
  ]);
  return out.split("\n").filter(Boolean);
}

export type Author = { username: string; at: Date };

/** Commits exactly `paths` (added, changed or removed) as `who`; returns the new commit. */
export async function commitPaths(
  dir: string,
  paths: string[],
  message: string,
  who: Author,
): Promise<string> {
  const gone = paths.filter((path) => !existsSync(join(dir, path)));
  const present = paths.filter((path) => !gone.includes(path));
  if (present.length > 0) await gitOrThrow(dir, ["add", "-A", "--", ...present]);
  // A removed file: `git add` would not match it once a revert has unstaged it already.
  if (gone.length > 0) {
    await gitOrThrow(dir, ["rm", "-q", "--cached", "--ignore-unmatch", "--", ...gone]);
  }
  const date = who.at.toISOString();
  const env = {
    GIT_AUTHOR_NAME: who.username,
    GIT_AUTHOR_EMAIL: staffEmail(who.username),
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: who.username,
    GIT_COMMITTER_EMAIL: staffEmail(who.username),
    GIT_COMMITTER_DATE: date,
  };
  // The staged build was the check; a developer's hooks (format, lint of code) are not for content.
  const args = [
    "-c",
    "commit.gpgsign=false",
    "commit",
    "--no-verify",
    "-q",
    "-F",
    "-",
    "--",
    ...paths,
  ];
  const r = await git(dir, args, { env, input: message });
  if (!r.ok) {
    await git(dir, ["reset", "-q", "--", ...paths]);
    throw new Error(`git commit: ${r.stderr.trim() || r.stdout.trim()}`);
  }
  return head(dir);
}
