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
    deleteIdle: "DELETE FROM staff_sessions WHERE last_seen_at < ?",
    insertSignin: "INSERT INTO staff_signins (at, username, address_key, ok) VALUES (?, ?, ?, ?)",
    failedByAccount:
      "SELECT at FROM staff_signins WHERE username = ? AND ok = 0 AND at >= ? ORDER BY at",
    failedByAddress:
      "SELECT at FROM staff_signins WHERE address_key = ? AND ok = 0 AND at >= ? ORDER BY at",
  });

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
        q.deleteIdle.run(idleSince.toISOString());
        const row = q.selectSession.get(idHash) as Row | undefined;
        if (!row) return undefined;
        q.touchSession.run(now.toISOString(), idHash);
        return { username: str(row.username), csrf: str(row.csrf), lastSeenAt: now.toISOString() };
      });
    },
    async deleteSession(idHash) {
      transaction(db, () => q.deleteSession.run(idHash));
    },
    async recordSignin(a) {
      transaction(db, () =>
        q.insertSignin.run(a.at.toISOString(), a.username, a.addressKey, a.ok ? 1 : 0),
      );
    },
    async failedSignins(username, addressKey, since) {
      const when = since.toISOString();
      const times = (rows: unknown[]) => (rows as Row[]).map((r) => str(r.at));
      return {
        account: times(q.failedByAccount.all(username, when)),
        address: times(q.failedByAddress.all(addressKey, when)),
      };
    },
  };
}
