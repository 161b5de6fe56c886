// The staff store on PostgreSQL: the same steps as sqlite-staff.ts.
import type postgres from "postgres";
import { iso, str, type Row } from "./rows.ts";
import type { StaffStore } from "./staff.ts";

export function postgresStaffStore(sql: postgres.Sql): StaffStore {
  return {
    async putStaffAccount(username, passwordHash, at) {
      await sql.begin(async (tx) => {
        await tx`
          INSERT INTO staff_accounts (username, password_hash, created_at)
          VALUES (${username}, ${passwordHash}, ${at})
          ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash`;
        await tx`DELETE FROM staff_sessions WHERE username = ${username}`;
      });
    },
    async removeStaffAccount(username) {
      return sql.begin(async (tx) => {
        await tx`DELETE FROM staff_sessions WHERE username = ${username}`;
        const gone = await tx`DELETE FROM staff_accounts WHERE username = ${username} RETURNING 1`;
        return gone.length === 1;
      });
    },
    async staffPasswordHash(username) {
      const [row] =
        await sql`SELECT password_hash FROM staff_accounts WHERE username = ${username}`;
      return row ? str(row.password_hash) : undefined;
    },
    async createSession(idHash, username, csrf, at) {
      await sql`
        INSERT INTO staff_sessions (id_hash, username, csrf, created_at, last_seen_at)
        VALUES (${idHash}, ${username}, ${csrf}, ${at}, ${at})`;
    },
    async sessionOf(idHash, idleSince, now) {
      return sql.begin(async (tx) => {
        await tx`DELETE FROM staff_sessions WHERE last_seen_at < ${idleSince}`;
        const [row] = await tx`
          UPDATE staff_sessions SET last_seen_at = ${now} WHERE id_hash = ${idHash}
          RETURNING username, csrf`;
        if (!row) return undefined;
        return { username: str(row.username), csrf: str(row.csrf), lastSeenAt: now.toISOString() };
      });
    },
    async deleteSession(idHash) {
      await sql`DELETE FROM staff_sessions WHERE id_hash = ${idHash}`;
    },
    async recordSignin(a) {
      await sql`
        INSERT INTO staff_signins (at, username, address_key, ok)
        VALUES (${a.at}, ${a.username}, ${a.addressKey}, ${a.ok})`;
    },
    async failedSignins(username, addressKey, since) {
      const [account, address] = await Promise.all([
        sql`SELECT at FROM staff_signins
             WHERE username = ${username} AND NOT ok AND at >= ${since} ORDER BY at`,
        sql`SELECT at FROM staff_signins
             WHERE address_key = ${addressKey} AND NOT ok AND at >= ${since} ORDER BY at`,
      ]);
      const times = (rows: Row[]) => rows.map((r) => iso(r.at));
      return { account: times(account), address: times(address) };
    },
  };
}
