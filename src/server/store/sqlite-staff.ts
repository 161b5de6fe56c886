// The staff store on SQLite: accounts, sessions and the sign-in log.
import type { DatabaseSync } from "node:sqlite";
import { str, type Row } from "./rows.ts";
import { transaction } from "./sqlite-db.ts";
import type { StaffStore } from "./staff.ts";

export function sqliteStaffStore(db: DatabaseSync): StaffStore {
  const s = (sql: string) => db.prepare(sql);
  const putAccount = s(
    `INSERT INTO staff_accounts (username, password_hash, created_at) VALUES (?, ?, ?)
     ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash`,
  );
  const endSessionsOf = s("DELETE FROM staff_sessions WHERE username = ?");
  const removeAccount = s("DELETE FROM staff_accounts WHERE username = ?");
  const accountHash = s("SELECT password_hash FROM staff_accounts WHERE username = ?");
  const insertSession = s(
    "INSERT INTO staff_sessions (id_hash, username, csrf, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)",
  );
  const selectSession = s(
    "SELECT username, csrf, last_seen_at FROM staff_sessions WHERE id_hash = ?",
  );
  const touchSession = s("UPDATE staff_sessions SET last_seen_at = ? WHERE id_hash = ?");
  const deleteSession = s("DELETE FROM staff_sessions WHERE id_hash = ?");
  const deleteIdle = s("DELETE FROM staff_sessions WHERE last_seen_at < ?");
  const insertSignin = s(
    "INSERT INTO staff_signins (at, username, address_key, ok) VALUES (?, ?, ?, ?)",
  );
  const failedByAccount = s(
    "SELECT at FROM staff_signins WHERE username = ? AND ok = 0 AND at >= ? ORDER BY at",
  );
  const failedByAddress = s(
    "SELECT at FROM staff_signins WHERE address_key = ? AND ok = 0 AND at >= ? ORDER BY at",
  );

  return {
    async putStaffAccount(username, passwordHash, at) {
      transaction(db, () => {
        putAccount.run(username, passwordHash, at.toISOString());
        endSessionsOf.run(username);
      });
    },
    async removeStaffAccount(username) {
      return transaction(db, () => {
        endSessionsOf.run(username);
        return Number(removeAccount.run(username).changes) === 1;
      });
    },
    async staffPasswordHash(username) {
      const row = accountHash.get(username) as Row | undefined;
      return row ? str(row.password_hash) : undefined;
    },
    async createSession(idHash, username, csrf, at) {
      const when = at.toISOString();
      transaction(db, () => insertSession.run(idHash, username, csrf, when, when));
    },
    async sessionOf(idHash, idleSince, now) {
      return transaction(db, () => {
        deleteIdle.run(idleSince.toISOString());
        const row = selectSession.get(idHash) as Row | undefined;
        if (!row) return undefined;
        touchSession.run(now.toISOString(), idHash);
        return { username: str(row.username), csrf: str(row.csrf), lastSeenAt: now.toISOString() };
      });
    },
    async deleteSession(idHash) {
      transaction(db, () => deleteSession.run(idHash));
    },
    async recordSignin(a) {
      transaction(db, () =>
        insertSignin.run(a.at.toISOString(), a.username, a.addressKey, a.ok ? 1 : 0),
      );
    },
    async failedSignins(username, addressKey, since) {
      const when = since.toISOString();
      const times = (rows: unknown[]) => (rows as Row[]).map((r) => str(r.at));
      return {
        account: times(failedByAccount.all(username, when)),
        address: times(failedByAddress.all(addressKey, when)),
      };
    },
  };
}
