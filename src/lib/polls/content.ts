// Poll definitions for the build (Vite bundles content/polls/*.json); the server reads the same files.
import { featuredPoll, parsePollDefinition, type PollDefinition } from "./schema.ts";

const files = import.meta.glob<unknown>("/content/polls/*.json", {
  eager: true,
  import: "default",
});

export function buildTimePolls(): PollDefinition[] {
  return Object.entries(files)
    .map(([path, raw]) => parsePollDefinition(raw, path.slice(path.lastIndexOf("/") + 1)))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** The poll the widget shows on pages built now, or a chosen one. */
export function widgetPoll(id?: string): PollDefinition {
  const polls = buildTimePolls();
  const poll = id ? polls.find((p) => p.id === id) : featuredPoll(polls, new Date());
  if (!poll) throw new Error(`No poll ${id ?? ""} in content/polls/`);
  return poll;
}
