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

export type StaffStore = {
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
};
