// Poll definitions from content/polls/: read at start, re-read on SIGHUP.
import { readdirSync, readFileSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import { isPollOpen, parsePollDefinition, type PollDefinition } from "../../lib/polls/schema.ts";

/** The folder as staff would type it: relative to the working folder when inside it. */
export function displayFolder(dir: string, cwd = process.cwd()): string {
  const rel = relative(cwd, dir);
  if (rel === "") return ".";
  return rel === ".." || rel.startsWith("../") || isAbsolute(rel) ? dir : rel;
}

/** Reads and validates every `<id>.json`; throws with the file and field on the first problem. */
export function loadPolls(dir: string): Map<string, PollDefinition> {
  const polls = new Map<string, PollDefinition>();
  const folder = displayFolder(dir);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort();
  for (const file of files) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(dir, file), "utf8"));
    } catch (error) {
      throw new Error(`${folder}/${file}: not valid JSON (${(error as Error).message})`, {
        cause: error,
      });
    }
    const poll = parsePollDefinition(raw, file, folder);
    polls.set(poll.id, poll);
  }
  return polls;
}

/** "id (open)", "id (closed)", "id (not open yet)": what a log line says about each poll. */
export function describePolls(polls: Map<string, PollDefinition>, now: Date): string {
  const state = (p: PollDefinition) =>
    isPollOpen(p, now)
      ? "open"
      : p.opensAt && now.getTime() < Date.parse(p.opensAt)
        ? "not open yet"
        : "closed";
  const list = [...polls.values()].map((p) => `${p.id} (${state(p)})`).join(", ");
  return `${polls.size} poll(s)${list ? `: ${list}` : ""}`;
}

/**
 * Re-reads `dir` into `polls` in place (the app holds this Map). When a file is invalid the
 * Map is left untouched, so the server goes on with the polls it had.
 */
export function reloadPolls(
  polls: Map<string, PollDefinition>,
  dir: string,
  now = new Date(),
): { ok: boolean; message: string } {
  let fresh: Map<string, PollDefinition>;
  try {
    fresh = loadPolls(dir);
  } catch (error) {
    return {
      ok: false,
      message: `${(error as Error).message}\nPolls not reloaded; still serving ${describePolls(polls, now)}.`,
    };
  }
  polls.clear();
  for (const [id, poll] of fresh) polls.set(id, poll);
  return { ok: true, message: `Loaded ${describePolls(polls, now)} from ${displayFolder(dir)}.` };
}
