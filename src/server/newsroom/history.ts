// The newsroom's history, read from git in the content checkout: its commits (those with a
// `Publication:` trailer), who made each, when, which files with +/− lines, and which were undone.
import { COMMIT_ID, git, TRAILER } from "./git.ts";
import type { PublicationKind } from "./publication.ts";

export type FileChange = { path: string; added: number; removed: number };

export type HistoryEntry = {
  commit: string;
  author: string;
  /** ISO instant of the commit (author date). */
  at: string;
  subject: string;
  kind: PublicationKind | undefined;
  publication: string | undefined;
  files: FileChange[];
  /** The commit this one reverts (an undo). */
  reverts?: string;
  /** The newsroom commit that reverted this one. */
  undoneBy?: string;
};

const RS = "\u001e";
const US = "\u001f";
const trailer = (key: string) => `%(trailers:key=${key},valueonly,separator=%x2C)`;
const FORMAT = [
  "%H",
  "%an",
  "%aI",
  "%s",
  trailer(`${TRAILER}-Kind`),
  trailer(TRAILER),
  trailer("Reverts"),
].join("%x1f");
const KINDS = new Set<string>(["article", "dataset", "undo"]);

function entryOf(record: string): HistoryEntry | undefined {
  const [head = "", ...stats] = record.split("\n");
  const [commit = "", author = "", at = "", subject = "", kind = "", id = "", reverts = ""] =
    head.split(US);
  if (!COMMIT_ID.test(commit)) return undefined;
  const files = stats
    .map((line) => line.split("\t"))
    .filter((parts) => parts.length === 3)
    .map(([added, removed, path]) => ({
      path: path!,
      // Binary files show "-": no lines to count.
      added: Number(added) || 0,
      removed: Number(removed) || 0,
    }));
  const entry: HistoryEntry = {
    commit,
    author,
    at,
    subject,
    kind: KINDS.has(kind.trim()) ? (kind.trim() as PublicationKind) : undefined,
    publication: id.trim() || undefined,
    files,
  };
  if (COMMIT_ID.test(reverts.trim())) entry.reverts = reverts.trim();
  return entry;
}

const LOG = ["log", "--no-renames", `--format=${RS}${FORMAT}`, "--numstat"];

/** The newest newsroom commits first (at most `limit`). */
export async function readHistory(dir: string, limit = 200): Promise<HistoryEntry[]> {
  const r = await git(dir, [...LOG, `-n${limit}`, `--grep=^${TRAILER}: `]);
  if (!r.ok) return [];
  const entries = r.stdout
    .split(RS)
    .map((record) => entryOf(record.trim()))
    .filter((e): e is HistoryEntry => e !== undefined);
  const undone = new Map(entries.filter((e) => e.reverts).map((e) => [e.reverts!, e.commit]));
  for (const e of entries) if (undone.has(e.commit)) e.undoneBy = undone.get(e.commit);
  return entries;
}

/** One newsroom commit (undefined when `commit` is not one). */
export async function historyEntry(dir: string, commit: string): Promise<HistoryEntry | undefined> {
  if (!COMMIT_ID.test(commit)) return undefined;
  const r = await git(dir, [...LOG, "-n1", commit, "--"]);
  const entry = r.ok ? entryOf(r.stdout.replace(RS, "").trim()) : undefined;
  if (!entry?.publication || entry.commit !== commit) return undefined;
  const undo = await git(dir, ["log", "-n1", "--format=%H", `--grep=^Reverts: ${commit}$`]);
  if (undo.ok && COMMIT_ID.test(undo.stdout.trim())) entry.undoneBy = undo.stdout.trim();
  return entry;
}

/** What a commit changed under content/news and data, as text (at most 2 MB). */
export async function commitDiff(dir: string, commit: string): Promise<string | undefined> {
  if (!COMMIT_ID.test(commit)) return undefined;
  const args = ["show", "--no-color", "--no-ext-diff", "--format=", "--stat", "--patch"];
  const r = await git(dir, [...args, commit, "--", "content/news", "data"]);
  if (!r.ok) return undefined;
  return r.stdout.length > 2_000_000 ? `${r.stdout.slice(0, 2_000_000)}\n…` : r.stdout;
}
