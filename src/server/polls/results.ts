// A poll's results as the API answers them and the poll page shows them.
import { isPollOpen, type PollDefinition } from "../../lib/polls/schema.ts";
import type { PollResults } from "../../lib/polls/view.ts";
import type { PollStore } from "../store/polls.ts";

export async function pollResults(
  store: PollStore,
  poll: PollDefinition,
  now: Date,
  votedOptionId: string | null,
): Promise<PollResults> {
  const counts = await store.optionVotes(poll.id);
  const options = poll.options.map((o) => ({ ...o, votes: counts.get(o.id) ?? 0 }));
  // Votes for options later removed from the file still count as people who took part.
  const participantsHere = [...counts.values()].reduce((a, b) => a + b, 0);
  return {
    id: poll.id,
    question: poll.question,
    options,
    priorParticipants: poll.priorParticipants,
    participantsHere,
    participants: poll.priorParticipants + participantsHere,
    opensAt: poll.opensAt ?? null,
    closesAt: poll.closesAt ?? null,
    open: isPollOpen(poll, now),
    votedOptionId,
  };
}

/** GET /api/polls: every poll, without its counts. */
export const pollSummary = (p: PollDefinition, now: Date) => ({
  id: p.id,
  question: p.question,
  options: p.options,
  opensAt: p.opensAt ?? null,
  closesAt: p.closesAt ?? null,
  open: isPollOpen(p, now),
  priorParticipants: p.priorParticipants,
});
