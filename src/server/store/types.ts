// What the API needs from a database; SQLite (sqlite.ts) and PostgreSQL (postgres.ts) implement it.

export type StoreKind = "sqlite" | "postgres";

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

/** One page view of a visitor, identified only by a keyed hash (see visitor.ts). */
export type VisitorView = {
  /** The visitor's key under today's salt. */
  key: string;
  /** The key under yesterday's salt: a visit that began before midnight continues under it. */
  previousKey?: string;
  /** Vietnam date of the view (yyyy-mm-dd): the day a new visit is counted on. */
  day: string;
  /** The view's instant, ms since the epoch. */
  at: number;
};

export type ViewResult = VisitTotals & {
  /** True when this view began a visit (no view of this visitor in the last 30 minutes). */
  newVisit: boolean;
  /** Visitors seen in the last 5 minutes, this one included. */
  online: number;
};

/** Every method resolves only after its write is committed, on every node sharing the database. */
export type Store = CommentStore & {
  readonly kind: StoreKind;
  /** Records one vote unless `voter` already voted in `pollId`. */
  recordVote(pollId: string, voter: string, optionId: string, at: Date): Promise<VoteResult>;
  /** Votes per option id counted here for one poll. */
  optionVotes(pollId: string): Promise<Map<string, number>>;
  /** The option `voter` chose in `pollId`, if any. */
  voteOf(pollId: string, voter: string): Promise<string | undefined>;
  /** Counts one visit on `day` (yyyy-mm-dd, Vietnam time) and returns the totals after it. */
  recordVisit(day: string): Promise<VisitTotals>;
  visitTotals(day: string): Promise<VisitTotals>;
  /**
   * Marks a page view: keeps the key with its expiry (5 minutes online, 30 minutes of visit),
   * counts a visit on `day` when it begins one, and answers the figures after it, atomically.
   */
  recordView(view: VisitorView): Promise<ViewResult>;
  /** Visitors seen in the 5 minutes before `at`. */
  onlineCount(at: number): Promise<number>;
  /** Deletes keys whose visit window ended before `at` (they can never match again). */
  pruneVisitors(at: number): Promise<void>;
  /** Resolves when the database answers a query; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
};

export const ONLINE_WINDOW_MS = 5 * 60_000;
export const VISIT_WINDOW_MS = 30 * 60_000;

/** The whole second an instant (ms) falls in: the key of the online_seconds table. */
export const secondOf = (ms: number): number => Math.floor(ms / 1000);

/**
 * Online at `at` = the visitors of every second after `at`'s own (a sum over at most 300 rows)
 * + those of `at`'s own second still online (online_until in (at, next)): exact to the ms.
 */
export function onlineBounds(at: number): [second: number, next: number] {
  const second = secondOf(at);
  return [second, (second + 1) * 1000];
}

/** online_seconds rows before this second are past for every node, a minute of clock skew allowed. */
export const prunableBefore = (at: number): number => secondOf(at) - 60;

// ---------------------------------------------------------------------------------------------
// Comments, feedback, staff accounts, sessions and the decision log (issue 13; migration 3).
// Kept in one block so another backend implements it as a unit; tests/unit/server/comment-store-cases.ts runs
// the same checks against any Store.
// ---------------------------------------------------------------------------------------------

export type CommentKind = "comment" | "feedback";
export type CommentStatus = "pending" | "approved" | "rejected" | "spam";
export type Decision = Exclude<CommentStatus, "pending">;

export type NewComment = {
  kind: CommentKind;
  /** The article's slug; null for feedback about the site. */
  article: string | null;
  name: string;
  /** Kept for staff to answer, deleted after COMMENT_EMAIL_RETENTION_DAYS; never shown to readers. */
  email: string | null;
  text: string;
  /** sha256 of the normalised text, to refuse the same text twice. */
  textHash: string;
  at: Date;
};

/** What a reader may see of an approved comment (never the email). */
export type PublicComment = { id: number; name: string; text: string; createdAt: string };

/** What staff see in the queue. */
export type QueuedComment = PublicComment & {
  kind: CommentKind;
  article: string | null;
  email: string | null;
};

export type DecisionEntry = {
  commentId: number;
  username: string;
  decision: Decision;
  at: string;
  kind: CommentKind;
  article: string | null;
  name: string;
};

export type StaffSession = { username: string; csrf: string; lastSeenAt: string };

export type SigninAttempt = {
  at: Date;
  username: string;
  /** sha256 of the client address with a server secret: throttling without keeping addresses. */
  addressKey: string;
  ok: boolean;
};

export type CommentStore = {
  /** Adds a pending comment unless the same text (hash) was sent before. */
  addComment(
    comment: NewComment,
  ): Promise<{ status: "added"; id: number } | { status: "duplicate" }>;
  /** Approved comments of one article, oldest first. */
  approvedComments(article: string): Promise<PublicComment[]>;
  /** Pending comments and feedback, newest first. */
  pendingComments(limit: number): Promise<QueuedComment[]>;
  /** Sets `decision` on those of `ids` still pending and logs each; returns how many changed. */
  decideComments(ids: number[], decision: Decision, username: string, at: Date): Promise<number>;
  /** The latest decisions, newest first. */
  decisionLog(limit: number): Promise<DecisionEntry[]>;
  /** Deletes the emails of comments sent before `before`; returns how many were deleted. */
  purgeEmails(before: Date): Promise<number>;

  /** Creates or replaces an account (a new password ends its sessions). */
  putStaffAccount(username: string, passwordHash: string, at: Date): Promise<void>;
  /** Removes an account and its sessions; false when there was none. The log keeps the name. */
  removeStaffAccount(username: string): Promise<boolean>;
  staffPasswordHash(username: string): Promise<string | undefined>;

  /** `idHash` is the sha256 of the cookie value: the database never holds a usable session id. */
  createSession(idHash: string, username: string, csrf: string, at: Date): Promise<void>;
  /** The session unless it was idle since before `idleSince` (then it is deleted). */
  sessionOf(idHash: string, idleSince: Date, now: Date): Promise<StaffSession | undefined>;
  deleteSession(idHash: string): Promise<void>;

  recordSignin(attempt: SigninAttempt): Promise<void>;
  /** Times of failed sign-ins since `since`, oldest first, for the account and for the address. */
  failedSignins(
    username: string,
    addressKey: string,
    since: Date,
  ): Promise<{ account: string[]; address: string[] }>;

  /** A random secret shared by every server on this database, made on first use. */
  secret(name: string): Promise<string>;
};
