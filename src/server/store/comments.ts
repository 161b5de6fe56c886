// What comments, feedback and their moderation need from a database (sqlite-comments.ts,
// postgres-comments.ts); tests/unit/server/comment-store-cases.ts runs the same checks on both.
import type { PublicComment } from "../../lib/comments/api.ts";

export type { PublicComment };
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

/** At most `max` comments per sender since `since`, counted in the same transaction as the add. */
export type SenderLimit = {
  /** A keyed hash of the sender's address (the database never holds the address). */
  sender: string;
  since: Date;
  max: number;
};

export type AddResult =
  | { status: "added"; id: number }
  | { status: "duplicate" }
  /** The sender's limit is full; `oldest` is the time of the comment whose hour frees a place. */
  | { status: "limited"; oldest: string };

export type CommentStore = {
  /**
   * Adds a pending comment unless the sender is over its limit or the same text (hash) was sent
   * before: the checks and the insert are one transaction, so parallel posts cannot pass them.
   */
  addComment(comment: NewComment, limit?: SenderLimit): Promise<AddResult>;
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
};
