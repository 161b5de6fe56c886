// What the poll feature needs from a database (sqlite-polls.ts, postgres-polls.ts).

export type VoteResult =
  | { status: "recorded" }
  /** This voter already voted in this poll: nothing changed. */
  | { status: "duplicate"; optionId: string };

export type PollStore = {
  /** Records one vote unless `voter` already voted in `pollId`. */
  recordVote(pollId: string, voter: string, optionId: string, at: Date): Promise<VoteResult>;
  /** Votes per option id counted here for one poll. */
  optionVotes(pollId: string): Promise<Map<string, number>>;
  /** The option `voter` chose in `pollId`, if any. */
  voteOf(pollId: string, voter: string): Promise<string | undefined>;
};
