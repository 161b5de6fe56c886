// The staff store on SQLite: accounts, sessions and the sign-in log.
import type { DatabaseSync } from "node:sqlite";
import { str, type Row } from "./rows.ts";
import { prepareAll, transaction } from "./sqlite-db.ts";
import type { StaffStore } from "./staff.ts";

export function sqliteStaffStore(db: DatabaseSync): StaffStore {
  const q = prepareAll(db, {
    putAccount: `INSERT INTO staff_accounts (username, password_hash, created_at) VALUES (?, ?, ?)
     ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash`,
    endSessionsOf: "DELETE FROM staff_sessions WHERE username = ?",
    removeAccount: "DELETE FROM staff_accounts WHERE username = ?",
    accountHash: "SELECT password_hash FROM staff_accounts WHERE username = ?",
    insertSession:
      "INSERT INTO staff_sessions (id_hash, username, csrf, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)",
    selectSession: "SELECT username, csrf, last_seen_at FROM staff_sessions WHERE id_hash = ?",
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

  const failed = (username: string, addressKey: string, since: Date) => {
    const when = since.toISOString();
    const times = (rows: unknown[]) => (rows as Row[]).map((r) => str(r.at));
    return {
      account: times(q.failedByAccount.all(username, when)),
      address: times(q.failedByAddress.all(addressKey, when)),
    };
  };

  return {
    async putStaffAccount(username, passwordHash, at) {
      transaction(db, () => {
        q.putAccount.run(username, passwordHash, at.toISOString());
        q.endSessionsOf.run(username);
      });
    },
    async removeStaffAccount(username) {
      return transaction(db, () => {
        q.endSessionsOf.run(username);
        return Number(q.removeAccount.run(username).changes) === 1;
      });
    },
    async staffPasswordHash(username) {
      const row = q.accountHash.get(username) as Row | undefined;
      return row ? str(row.password_hash) : undefined;
    },
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
        return { username: str(row.username), csrf: str(row.csrf), lastSeenAt: now.toISOString() };
      });
    },
    async deleteSession(idHash) {
      transaction(db, () => q.deleteSession.run(idHash));
    },
    async sweepIdleSessions(idleSince) {
      return transaction(db, () => Number(q.deleteIdle.run(idleSince.toISOString()).changes));
    },
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
  };
}
