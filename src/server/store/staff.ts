// What staff accounts, sessions and the sign-in log need from a database (sqlite-staff.ts,
// postgres-staff.ts); tests/unit/server/staff-store-cases.ts runs the same checks on both.

import type { Role } from "../staff/roles.ts";

/** A live session of an account that is not disabled, with the account's role now. */
export type StaffSession = { username: string; csrf: string; lastSeenAt: string; role: Role };

/** One account as the account page lists it: nothing personal beyond the user name. */
export type StaffAccount = {
  username: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  /** The last successful sign-in still in staff_signins, or null. */
  lastSigninAt: string | null;
};

/** What a quan-tri does to an account from the browser; each is one row of staff_log. */
export type AccountChange =
  | { action: "add"; passwordHash: string; role: Role }
  | { action: "password"; passwordHash: string }
  | { action: "role"; role: Role }
  | { action: "disable" }
  | { action: "enable" };
export type AccountAction = AccountChange["action"];

/** "last-admin": the change would leave no enabled quan-tri, so nothing was changed. */
export type ChangeResult = "ok" | "missing" | "exists" | "last-admin";

/** The newsroom's rows: a publication or an undo asked for, and how each ended. */
export const NEWSROOM_ACTIONS = ["publish", "undo", "published", "publish-failed"] as const;
export type NewsroomAction = (typeof NEWSROOM_ACTIONS)[number];

/** The log's actions: the browser's changes, staff:remove, and the newsroom's. */
export type LogAction = AccountAction | "remove" | NewsroomAction;

/** The actor of changes made with staff:add and staff:remove (never a user name: no brackets). */
export const COMMAND_LINE = "(dòng lệnh)";

export type StaffLogEntry = {
  at: string;
  actor: string;
  action: LogAction;
  target: string;
  role: Role | null;
};

export type SigninAttempt = {
  at: Date;
  username: string;
  /** sha256 of the client address with a server secret: throttling without keeping addresses. */
  addressKey: string;
  ok: boolean;
};

/** A sign-in about to be checked: counted as a failure until settled. */
export type SigninClaim = Omit<SigninAttempt, "ok"> & {
  /** Failures (and claims not yet settled) at or after this instant count. */
  since: Date;
  /** The claim is refused when the account or the address has this many. */
  max: number;
};

export type ClaimResult =
  | { status: "claimed"; id: number }
  /** Failure times (oldest first) of the account and the address, one of them full. */
  | { status: "blocked"; account: string[]; address: string[] };

/** What became of a claimed sign-in: "unchecked" (no password work was done) uncounts it. */
export type SigninOutcome = "ok" | "failed" | "unchecked";

export type StaffStore = {
  /**
   * Creates or replaces an account (a new password ends its sessions). Without `role`, a new
   * account is kiem-duyet and an existing one keeps its role.
   */
  putStaffAccount(
    username: string,
    passwordHash: string,
    at: Date,
    role?: Role,
    /** Who to log it for (staff:add); without it, nothing is logged (test fixtures). */
    actor?: string,
  ): Promise<void>;
  /** Removes an account and its sessions; false when there was none. The logs keep the name. */
  removeStaffAccount(username: string, by?: { actor: string; at: Date }): Promise<boolean>;
  /** The hash of an account that may sign in (undefined when missing or disabled). */
  staffPasswordHash(username: string): Promise<string | undefined>;
  staffAccount(username: string): Promise<StaffAccount | undefined>;
  /** Every account, by user name. */
  listStaffAccounts(): Promise<StaffAccount[]>;
  /**
   * One change and its staff_log row in one transaction. A new password or disabling ends the
   * account's sessions; a change leaving no enabled quan-tri is refused ("last-admin").
   */
  changeStaffAccount(
    username: string,
    change: AccountChange,
    by: { actor: string; at: Date },
  ): Promise<ChangeResult>;
  /** The newest account changes first. */
  staffLog(limit: number): Promise<StaffLogEntry[]>;
  /** One newsroom row of staff_log (target: "<publication id> <files or commit>"). */
  logNewsroom(entry: {
    at: Date;
    actor: string;
    action: NewsroomAction;
    target: string;
  }): Promise<void>;

  /** `idHash` is the sha256 of the cookie value: the database never holds a usable session id. */
  createSession(idHash: string, username: string, csrf: string, at: Date): Promise<void>;
  /** The session unless it was idle since before `idleSince` (then it is deleted), touched. */
  sessionOf(idHash: string, idleSince: Date, now: Date): Promise<StaffSession | undefined>;
  deleteSession(idHash: string): Promise<void>;
  /** Deletes every session idle since before `idleSince` (a periodic sweep); returns how many. */
  sweepIdleSessions(idleSince: Date): Promise<number>;

  recordSignin(attempt: SigninAttempt): Promise<void>;
  /**
   * Counts a sign-in before its password is checked, atomically with the check of the limit,
   * so parallel attempts can never pass it: at most `max` are ever counted in the window.
   */
  claimSignin(claim: SigninClaim): Promise<ClaimResult>;
  settleSignin(id: number, outcome: SigninOutcome): Promise<void>;
  /** Times of failed sign-ins since `since`, oldest first, for the account and for the address. */
  failedSignins(
    username: string,
    addressKey: string,
    since: Date,
  ): Promise<{ account: string[]; address: string[] }>;
};

/**
 * Why a change cannot be made to an account (`current`, undefined when missing) while
 * `enabledAdmins` enabled quan-tri accounts exist; undefined when it can. Both stores call it
 * inside the transaction that makes the change.
 */
export function changeRefusal(
  current: { role: Role; disabled: boolean } | undefined,
  change: AccountChange,
  enabledAdmins: number,
): Exclude<ChangeResult, "ok"> | undefined {
  if (change.action === "add") return current ? "exists" : undefined;
  if (!current) return "missing";
  const wasAdmin = current.role === "quan-tri" && !current.disabled;
  const stopsAdmin =
    change.action === "disable" || (change.action === "role" && change.role !== "quan-tri");
  return wasAdmin && stopsAdmin && enabledAdmins <= 1 ? "last-admin" : undefined;
}

/** The log rows of putStaffAccount over the account as it was (`before`): an add, or a new
 * password and, when it changes, the role. */
export function putLog(
  before: { role: Role } | undefined,
  role: Role | undefined,
): [AccountAction, Role | null][] {
  if (!before) return [["add", role ?? "kiem-duyet"]];
  return role && role !== before.role
    ? [
        ["password", null],
        ["role", role],
      ]
    : [["password", null]];
}
