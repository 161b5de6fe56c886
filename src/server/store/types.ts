// What the API needs from a database; SQLite implements it here, PostgreSQL could later.

export type VisitTotals = {
  /** Visits counted here on `day`. */
  today: number;
  /** Visits counted here on every day. */
  total: number;
};

export type VoteResult =
  | { status: "recorded" }
  /** This voter already voted in this poll: nothing changed. */
  | { status: "duplicate"; optionId: string };

/** Every method resolves only after its write is committed. */
export type Store = {
  /** Records one vote unless `voter` already voted in `pollId`. */
  recordVote(pollId: string, voter: string, optionId: string, at: Date): Promise<VoteResult>;
  /** Votes per option id counted here for one poll. */
  optionVotes(pollId: string): Promise<Map<string, number>>;
  /** The option `voter` chose in `pollId`, if any. */
  voteOf(pollId: string, voter: string): Promise<string | undefined>;
  /** Counts one visit on `day` (yyyy-mm-dd, Vietnam time) and returns the totals after it. */
  recordVisit(day: string): Promise<VisitTotals>;
  visitTotals(day: string): Promise<VisitTotals>;
  close(): void;
};
