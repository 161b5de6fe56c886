// The history of data/*.csv from git in one process: `git log -p` oldest first, each file's text
// rebuilt by applying its hunks, so every commit's before and after are whole files (a header, a
// quoted cell over two lines) without one `git show` per commit or per row.
import { execFileSync } from "node:child_process";
import { basename, relative } from "node:path";

/** One commit's change to one file: the whole text before and after. */
export type FileChange = {
  commit: string;
  /** Commit time, ISO 8601 with its offset. */
  date: string;
  message: string;
  file: string;
  before: string;
  after: string;
};

export type GitLog =
  { available: true; changes: FileChange[] } | { available: false; reason: string };

function git(cwd: string, args: string[]): string {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
    maxBuffer: 1024 * 1024 * 1024,
  });
}

type Hunk = { start: number; removed: number; added: string[] };

/** Applies -U0 hunks (old-file line numbers) from the last to the first, so earlier indexes hold. */
function applyHunks(lines: string[], hunks: Hunk[]): string[] {
  const out = [...lines];
  for (const h of [...hunks].reverse()) {
    // "-a,0" inserts after line a; otherwise the hunk replaces lines a…a+n-1.
    const at = h.removed === 0 ? h.start : h.start - 1;
    out.splice(at, h.removed, ...h.added);
  }
  return out;
}

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@/;

/** Parses the log text; `texts` holds each file's lines as of the last commit read. */
function parseLog(log: string): FileChange[] {
  const texts = new Map<string, string[]>();
  const changes: FileChange[] = [];
  for (const entry of log.split("\u0001").slice(1)) {
    const [header = "", ...rest] = entry.split("\n");
    const [commit = "", date = "", message = ""] = header.split("\u0000");
    for (const diff of rest
      .join("\n")
      .split(/^diff --git /m)
      .slice(1)) {
      const lines = diff.split("\n");
      const file = /^a\/(.+?) b\//.exec(lines[0]!)?.[1];
      if (!file) continue;
      const before = texts.get(file) ?? [];
      const hunks: Hunk[] = [];
      for (const line of lines) {
        const m = HUNK.exec(line);
        if (m)
          hunks.push({
            start: Number(m[1]),
            removed: m[2] === undefined ? 1 : Number(m[2]),
            added: [],
          });
        // "+++ b/…" comes before the first hunk: after it, every "+" line is an added line.
        else if (line.startsWith("+") && hunks.length > 0)
          hunks.at(-1)!.added.push(line.slice(1).replace(/\r$/, ""));
      }
      const deleted = lines.some((l) => l.startsWith("deleted file mode"));
      const after = deleted ? [] : applyHunks(before, hunks);
      texts.set(file, after);
      changes.push({
        commit,
        date,
        message,
        file,
        before: before.join("\n"),
        after: after.join("\n"),
      });
    }
  }
  return changes;
}

/** Every commit's change to the CSV files directly in `dataDir`, oldest first. */
export function readGitLog(dataDir: string): GitLog {
  let top: string;
  try {
    top = git(dataDir, ["rev-parse", "--show-toplevel"]).trim();
  } catch {
    return { available: false, reason: "bản này không có kho git (ví dụ bản nén tải về)" };
  }
  if (git(dataDir, ["rev-parse", "--is-shallow-repository"]).trim() === "true")
    return { available: false, reason: "kho git chỉ có một phần lịch sử (bản sao nông)" };
  const folder = relative(top, dataDir).split("\\").join("/");
  const pathspec = `:(glob)${folder ? `${folder}/` : ""}*.csv`;
  const log = git(top, [
    "log",
    "--reverse",
    "-p",
    "-U0",
    "--no-renames",
    "--no-color",
    "--no-ext-diff",
    "--format=%x01%H%x00%cI%x00%s",
    "--",
    pathspec,
  ]);
  const changes = parseLog(log).map((c) => ({ ...c, file: basename(c.file) }));
  if (changes.length === 0)
    return { available: false, reason: "git chưa ghi lần lưu nào của dữ liệu" };
  return { available: true, changes };
}
