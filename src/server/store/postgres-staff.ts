// The staff store on PostgreSQL: the same steps as sqlite-staff.ts.
import type postgres from "postgres";
import type { Role } from "../staff/roles.ts";
import { accountOf, iso, logEntryOf, sessionRowOf, str, type Row } from "./rows.ts";
import { changeRefusal, putLog, type AccountChange, type StaffStore } from "./staff.ts";

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

/** Accounts with their last successful sign-in; `where` narrows them (a fragment or nothing). */
const accounts = (tx: Tx, where: postgres.PendingQuery<postgres.Row[]> | postgres.Fragment) => tx`
  SELECT a.username, a.role, a.disabled_at, a.created_at,
    (SELECT MAX(s.at) FROM staff_signins s WHERE s.username = a.username AND s.ok) AS last_signin_at
  FROM staff_accounts a ${where} ORDER BY a.username`;

/** The change's own statements (changeStaffAccount has checked it may be made). */
async function apply(tx: Tx, username: string, change: AccountChange, at: Date) {
  if (change.action === "add") {
    await tx`INSERT INTO staff_accounts (username, password_hash, created_at, role)
             VALUES (${username}, ${change.passwordHash}, ${at}, ${change.role})`;
  } else if (change.action === "password") {
    await tx`UPDATE staff_accounts SET password_hash = ${change.passwordHash}
             WHERE username = ${username}`;
  } else if (change.action === "role") {
    await tx`UPDATE staff_accounts SET role = ${change.role} WHERE username = ${username}`;
  } else {
    const disabledAt = change.action === "disable" ? at : null;
    await tx`UPDATE staff_accounts SET disabled_at = ${disabledAt} WHERE username = ${username}`;
  }
  if (change.action === "password" || change.action === "disable") {
    await tx`DELETE FROM staff_sessions WHERE username = ${username}`;
  }
}

export function postgresStaffStore(sql: postgres.Sql): StaffStore {
  return {
    async putStaffAccount(username, passwordHash, at, role, actor) {
      await sql.begin(async (tx) => {
        const [before] = await accounts(tx, tx`WHERE a.username = ${username}`);
        await tx`
          INSERT INTO staff_accounts (username, password_hash, created_at, role)
          VALUES (${username}, ${passwordHash}, ${at}, ${role ?? "kiem-duyet"})
          ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash,
            role = COALESCE(${role ?? null}, staff_accounts.role)`;
        await tx`DELETE FROM staff_sessions WHERE username = ${username}`;
        if (!actor) return;
        for (const [action, r] of putLog(before && accountOf(before), role)) {
          await tx`INSERT INTO staff_log (at, actor, action, target, role)
                   VALUES (${at}, ${actor}, ${action}, ${username}, ${r})`;
        }
      });
    },
    async removeStaffAccount(username, by) {
      return sql.begin(async (tx) => {
        await tx`DELETE FROM staff_sessions WHERE username = ${username}`;
        const gone = await tx`DELETE FROM staff_accounts WHERE username = ${username} RETURNING 1`;
        if (gone.length === 1 && by) {
          await tx`INSERT INTO staff_log (at, actor, action, target, role)
                   VALUES (${by.at}, ${by.actor}, 'remove', ${username}, NULL)`;
        }
        return gone.length === 1;
      });
    },
    async staffPasswordHash(username) {
      const [row] = await sql`SELECT password_hash FROM staff_accounts
                              WHERE username = ${username} AND disabled_at IS NULL`;
      return row ? str(row.password_hash) : undefined;
    },
    async staffAccount(username) {
      const [row] = await accounts(sql, sql`WHERE a.username = ${username}`);
      return row ? accountOf(row) : undefined;
    },
    async listStaffAccounts() {
      return (await accounts(sql, sql``)).map(accountOf);
    },
    async changeStaffAccount(username, change, by) {
      return sql.begin(async (tx) => {
        // Blocks other changes (not reads) until commit: the count of admins stays true.
        await tx`LOCK TABLE staff_accounts IN SHARE ROW EXCLUSIVE MODE`;
        const [row] = await accounts(tx, tx`WHERE a.username = ${username}`);
        const [count] = await tx`SELECT COUNT(*)::int AS n FROM staff_accounts
                                 WHERE role = 'quan-tri' AND disabled_at IS NULL`;
        const refusal = changeRefusal(row && accountOf(row), change, Number(count!.n));
        if (refusal) return refusal;
        await apply(tx, username, change, by.at);
        const role: Role | null = "role" in change ? change.role : null;
        await tx`INSERT INTO staff_log (at, actor, action, target, role)
                 VALUES (${by.at}, ${by.actor}, ${change.action}, ${username}, ${role})`;
        return "ok" as const;
      });
    },
    async staffLog(limit) {
      const rows = await sql`SELECT at, actor, action, target, role FROM staff_log
                             ORDER BY at DESC, id DESC LIMIT ${limit}`;
      return rows.map(logEntryOf);
    },
    async logNewsroom(e) {
      await sql`INSERT INTO staff_log (at, actor, action, target, role)
                VALUES (${e.at}, ${e.actor}, ${e.action}, ${e.target}, NULL)`;
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
          UPDATE staff_sessions s SET last_seen_at = ${now} FROM staff_accounts a
          WHERE s.id_hash = ${idHash} AND a.username = s.username AND a.disabled_at IS NULL
          RETURNING s.username, s.csrf, a.role`;
        if (!row) return undefined;
        return sessionRowOf(row, now);
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
