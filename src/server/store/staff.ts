// What staff accounts, sessions and the sign-in log need from a database (sqlite-staff.ts,
// postgres-staff.ts); tests/unit/server/staff-store-cases.ts runs the same checks on both.

export type StaffSession = { username: string; csrf: string; lastSeenAt: string };

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
  /** Creates or replaces an account (a new password ends its sessions). */
  putStaffAccount(username: string, passwordHash: string, at: Date): Promise<void>;
  /** Removes an account and its sessions; false when there was none. The log keeps the name. */
  removeStaffAccount(username: string): Promise<boolean>;
  staffPasswordHash(username: string): Promise<string | undefined>;

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
