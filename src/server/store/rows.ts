// Rows as either dialect hands them over, turned into the stores' plain types.
import type {
  CommentKind,
  Decision,
  DecisionEntry,
  PublicComment,
  QueuedComment,
} from "./comments.ts";
import type { LogAction, StaffAccount, StaffLogEntry, StaffSession } from "./staff.ts";
import type { Role } from "../staff/roles.ts";

export type Row = Record<string, unknown>;

export const str = (v: unknown): string => String(v);
export const strOrNull = (v: unknown): string | null =>
  v === null || v === undefined ? null : String(v);
/** An instant as ISO text: PostgreSQL's TIMESTAMPTZ arrives as a Date, SQLite keeps the text. */
export const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));

export const accountOf = (r: Row): StaffAccount => ({
  username: str(r.username),
  role: str(r.role) as Role,
  disabled: r.disabled_at !== null && r.disabled_at !== undefined,
  createdAt: iso(r.created_at),
  lastSigninAt:
    r.last_signin_at === null || r.last_signin_at === undefined ? null : iso(r.last_signin_at),
});

/** A live session's row (username, csrf, role), seen at `now`. */
export const sessionRowOf = (r: Row, now: Date): StaffSession => ({
  username: str(r.username),
  csrf: str(r.csrf),
  lastSeenAt: now.toISOString(),
  role: str(r.role) as Role,
});

export const logEntryOf = (r: Row): StaffLogEntry => ({
  at: iso(r.at),
  actor: str(r.actor),
  action: str(r.action) as LogAction,
  target: str(r.target),
  role: r.role === null ? null : (str(r.role) as Role),
});

export const publicOf = (r: Row): PublicComment => ({
  id: Number(r.id),
  name: str(r.name),
  text: str(r.text),
  createdAt: iso(r.created_at),
});

export const queuedOf = (r: Row): QueuedComment => ({
  ...publicOf(r),
  kind: str(r.kind) as CommentKind,
  article: strOrNull(r.article),
  email: strOrNull(r.email),
});

export const decisionOf = (r: Row): DecisionEntry => ({
  commentId: Number(r.comment_id),
  username: str(r.username),
  decision: str(r.decision) as Decision,
  at: iso(r.at),
  kind: str(r.kind) as CommentKind,
  article: strOrNull(r.article),
  name: str(r.name),
});
