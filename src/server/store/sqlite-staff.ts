// The staff store on SQLite: accounts, sessions and the sign-in log.
import type { DatabaseSync } from "node:sqlite";
import type { Role } from "../staff/roles.ts";
import { accountOf, logEntryOf, sessionRowOf, str, type Row } from "./rows.ts";
import { prepareAll, transaction } from "./sqlite-db.ts";
import { changeRefusal, putLog, type AccountChange, type StaffStore } from "./staff.ts";

const ACCOUNT = `SELECT a.username, a.role, a.disabled_at, a.created_at,
  (SELECT MAX(s.at) FROM staff_signins s WHERE s.username = a.username AND s.ok = 1) AS last_signin_at
  FROM staff_accounts a`;

function prepare(db: DatabaseSync) {
  return prepareAll(db, {
    putAccount: `INSERT INTO staff_accounts (username, password_hash, created_at, role)
     VALUES (?, ?, ?, COALESCE(?, 'kiem-duyet'))
     ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash,
       role = COALESCE(?, staff_accounts.role)`,
    account: `${ACCOUNT} WHERE a.username = ?`,
    accounts: `${ACCOUNT} ORDER BY a.username`,
    enabledAdmins:
      "SELECT COUNT(*) AS n FROM staff_accounts WHERE role = 'quan-tri' AND disabled_at IS NULL",
    setHash: "UPDATE staff_accounts SET password_hash = ? WHERE username = ?",
    setRole: "UPDATE staff_accounts SET role = ? WHERE username = ?",
    setDisabled: "UPDATE staff_accounts SET disabled_at = ? WHERE username = ?",
    insertLog: "INSERT INTO staff_log (at, actor, action, target, role) VALUES (?, ?, ?, ?, ?)",
    log: "SELECT at, actor, action, target, role FROM staff_log ORDER BY at DESC, id DESC LIMIT ?",
    endSessionsOf: "DELETE FROM staff_sessions WHERE username = ?",
    removeAccount: "DELETE FROM staff_accounts WHERE username = ?",
    accountHash:
      "SELECT password_hash FROM staff_accounts WHERE username = ? AND disabled_at IS NULL",
    insertSession:
      "INSERT INTO staff_sessions (id_hash, username, csrf, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)",
    selectSession: `SELECT s.username, s.csrf, a.role FROM staff_sessions s
      JOIN staff_accounts a ON a.username = s.username
      WHERE s.id_hash = ? AND a.disabled_at IS NULL`,
    touchSession: "UPDATE staff_sessions SET last_seen_at = ? WHERE id_hash = ?",
    deleteSession: "DELETE FROM staff_sessions WHERE id_hash = ?",
    deleteIdleOne: "DELETE FROM staff_sessions WHERE id_hash = ? AND last_seen_at < ?",
    deleteIdle: "DELETE FROM staff_sessions WHERE last_seen_at < ?",
    insertSignin:
      "INSERT INTO staff_signins (at, username, address_key, ok) VALUES (?, ?, ?, ?) RETURNING id",
    signinOk: "UPDATE staff_signins SET ok = 1 WHERE id = ?",
    uncountSignin: "DELETE FROM staff_signins WHERE id = ?",
    failedByAccount:
      "SELECT at FROM staff_signins WHERE username = ? AND ok = 0 AND at >= ? ORDER BY at",
    failedByAddress:
      "SELECT at FROM staff_signins WHERE address_key = ? AND ok = 0 AND at >= ? ORDER BY at",
  });
}

type Statements = ReturnType<typeof prepare>;

/** The change's own statements (changeStaffAccount has checked it may be made). */
function applyChange(q: Statements, username: string, change: AccountChange, at: string): void {
  if (change.action === "add") {
    q.putAccount.run(username, change.passwordHash, at, change.role, change.role);
  } else if (change.action === "password") {
    q.setHash.run(change.passwordHash, username);
  } else if (change.action === "role") {
    q.setRole.run(change.role, username);
  } else {
    q.setDisabled.run(change.action === "disable" ? at : null, username);
  }
  if (change.action === "password" || change.action === "disable") q.endSessionsOf.run(username);
}

/** Accounts and their log: each change and its log row in one transaction. */
function accountMethods(db: DatabaseSync, q: Statements) {
  return {
    async putStaffAccount(username, passwordHash, at, role, actor) {
      const when = at.toISOString();
      transaction(db, () => {
        const before = q.account.get(username) as Row | undefined;
        q.putAccount.run(username, passwordHash, when, role ?? null, role ?? null);
        q.endSessionsOf.run(username);
        if (!actor) return;
        for (const [action, r] of putLog(before && accountOf(before), role)) {
          q.insertLog.run(when, actor, action, username, r);
        }
      });
    },
    async removeStaffAccount(username, by) {
      return transaction(db, () => {
        q.endSessionsOf.run(username);
        const gone = Number(q.removeAccount.run(username).changes) === 1;
        if (gone && by) q.insertLog.run(by.at.toISOString(), by.actor, "remove", username, null);
        return gone;
      });
    },
    async staffPasswordHash(username) {
      const row = q.accountHash.get(username) as Row | undefined;
      return row ? str(row.password_hash) : undefined;
    },
    async staffAccount(username) {
      const row = q.account.get(username) as Row | undefined;
      return row ? accountOf(row) : undefined;
    },
    async listStaffAccounts() {
      return (q.accounts.all() as Row[]).map(accountOf);
    },
    async changeStaffAccount(username, change, by) {
      return transaction(db, () => {
        const row = q.account.get(username) as Row | undefined;
        const admins = Number((q.enabledAdmins.get() as Row).n);
        const refusal = changeRefusal(row && accountOf(row), change, admins);
        if (refusal) return refusal;
        const at = by.at.toISOString();
        applyChange(q, username, change, at);
        const role: Role | null = "role" in change ? change.role : null;
        q.insertLog.run(at, by.actor, change.action, username, role);
        return "ok" as const;
      });
    },
  } satisfies Partial<StaffStore>;
}

/** The staff log: read back, and the newsroom's publications written to it. */
function logMethods(q: Statements) {
  return {
    async staffLog(limit) {
      return (q.log.all(limit) as Row[]).map(logEntryOf);
    },
    async logNewsroom(e) {
      q.insertLog.run(e.at.toISOString(), e.actor, e.action, e.target, null);
    },
  } satisfies Partial<StaffStore>;
}

/** Sessions: looked up, touched and ended by their hashed id. */
function sessionMethods(db: DatabaseSync, q: Statements) {
  return {
    async createSession(idHash, username, csrf, at) {
      const when = at.toISOString();
      transaction(db, () => q.insertSession.run(idHash, username, csrf, when, when));
    },
    async sessionOf(idHash, idleSince, now) {
      return transaction(db, () => {
        q.deleteIdleOne.run(idHash, idleSince.toISOString());
        const row = q.selectSession.get(idHash) as Row | undefined;
        if (!row) return undefined;
        q.touchSession.run(now.toISOString(), idHash);
        return sessionRowOf(row, now);
      });
    },
    async deleteSession(idHash) {
      transaction(db, () => q.deleteSession.run(idHash));
    },
    async sweepIdleSessions(idleSince) {
      return transaction(db, () => Number(q.deleteIdle.run(idleSince.toISOString()).changes));
    },
  } satisfies Partial<StaffStore>;
}

/** The sign-in log: the throttle's counts, and the claim that holds it under parallel attempts. */
function signinMethods(db: DatabaseSync, q: Statements) {
  const failed = (username: string, addressKey: string, since: Date) => {
    const when = since.toISOString();
    const times = (rows: unknown[]) => (rows as Row[]).map((r) => str(r.at));
    return {
      account: times(q.failedByAccount.all(username, when)),
      address: times(q.failedByAddress.all(addressKey, when)),
    };
  };

  return {
    async recordSignin(a) {
      transaction(db, () =>
        q.insertSignin.run(a.at.toISOString(), a.username, a.addressKey, a.ok ? 1 : 0),
      );
    },
    async failedSignins(username, addressKey, since) {
      return failed(username, addressKey, since);
    },
    async claimSignin(c) {
      // BEGIN IMMEDIATE holds the write lock from the count to the insert: one claim at a time.
      return transaction(db, () => {
        const f = failed(c.username, c.addressKey, c.since);
        if (f.account.length >= c.max || f.address.length >= c.max) {
          return { status: "blocked" as const, ...f };
        }
        const row = q.insertSignin.get(c.at.toISOString(), c.username, c.addressKey, 0) as Row;
        return { status: "claimed" as const, id: Number(row.id) };
      });
    },
    async settleSignin(id, outcome) {
      if (outcome === "failed") return;
      transaction(db, () => (outcome === "ok" ? q.signinOk : q.uncountSignin).run(id));
    },
  } satisfies Partial<StaffStore>;
}

export function sqliteStaffStore(db: DatabaseSync): StaffStore {
  const q = prepare(db);
  return {
    ...accountMethods(db, q),
    ...logMethods(q),
    ...sessionMethods(db, q),
    ...signinMethods(db, q),
  };
}
