// Poll definitions for the build (Vite bundles content/polls/*.json); the server reads the same files.
import { featuredPoll, parsePollDefinition, type PollDefinition } from "./schema.ts";

const files = import.meta.glob<unknown>("/content/polls/*.json", {
  eager: true,
  import: "default",
});

let parsed: PollDefinition[] | undefined;

/** Every committed poll, validated once per build (each page's widget asks for them). */
export function buildTimePolls(): PollDefinition[] {
  parsed ??= Object.entries(files)
    .map(([path, raw]) => parsePollDefinition(raw, path.slice(path.lastIndexOf("/") + 1)))
    .sort((a, b) => a.id.localeCompare(b.id));
  return parsed;
}

/** The poll the widget shows on pages built now, or a chosen one. */
export function widgetPoll(id?: string): PollDefinition {
  const polls = buildTimePolls();
  const poll = id ? polls.find((p) => p.id === id) : featuredPoll(polls, new Date());
  if (!poll) throw new Error(`No poll ${id ?? ""} in content/polls/`);
  return poll;
}
