// The staff store on PostgreSQL: the same steps as sqlite-staff.ts.
import type postgres from "postgres";
import { iso, str, type Row } from "./rows.ts";
import type { StaffStore } from "./staff.ts";

/** Advisory lock of the sign-in claims: the count and the insert are one step on every node. */
const SIGNIN_LOCK = 4_271_307;

type Tx = postgres.TransactionSql | postgres.Sql;

async function failed(tx: Tx, username: string, addressKey: string, since: Date) {
  const [account, address] = [
    await tx`SELECT at FROM staff_signins
              WHERE username = ${username} AND NOT ok AND at >= ${since} ORDER BY at`,
    await tx`SELECT at FROM staff_signins
              WHERE address_key = ${addressKey} AND NOT ok AND at >= ${since} ORDER BY at`,
  ];
  const times = (rows: Row[]) => rows.map((r) => iso(r.at));
  return { account: times(account), address: times(address) };
}

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
        await tx`DELETE FROM staff_sessions WHERE id_hash = ${idHash} AND last_seen_at < ${idleSince}`;
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
    async sweepIdleSessions(idleSince) {
      const gone =
        await sql`DELETE FROM staff_sessions WHERE last_seen_at < ${idleSince} RETURNING 1`;
      return gone.length;
    },
    async failedSignins(username, addressKey, since) {
      return failed(sql, username, addressKey, since);
    },
    async claimSignin(c) {
      return sql.begin(async (tx) => {
        // Sign-ins are rare: one lock for all of them keeps the count-then-insert whole.
        await tx`SELECT pg_advisory_xact_lock(${SIGNIN_LOCK})`;
        const f = await failed(tx, c.username, c.addressKey, c.since);
        if (f.account.length >= c.max || f.address.length >= c.max) {
          return { status: "blocked" as const, ...f };
        }
        const [row] = await tx`
          INSERT INTO staff_signins (at, username, address_key, ok)
          VALUES (${c.at}, ${c.username}, ${c.addressKey}, false) RETURNING id`;
        return { status: "claimed" as const, id: Number(row!.id) };
      });
    },
    async settleSignin(id, outcome) {
      if (outcome === "ok") await sql`UPDATE staff_signins SET ok = true WHERE id = ${id}`;
      if (outcome === "unchecked") await sql`DELETE FROM staff_signins WHERE id = ${id}`;
    },
  };
}
