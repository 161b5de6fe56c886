// The comment, staff and session half of the PostgreSQL store (CommentStore in types.ts): the
// same steps as sqlite-comments.ts, each write in one transaction so nodes on one database agree.
import { randomBytes } from "node:crypto";
import type postgres from "postgres";
import type {
  CommentKind,
  CommentStore,
  Decision,
  DecisionEntry,
  PublicComment,
  QueuedComment,
} from "./types.ts";

type Row = Record<string, unknown>;
/** Advisory-lock class of the duplicate check (the two-key space, apart from the migration lock). */
const TEXT_HASH_LOCK = 4_271_306;

const str = (v: unknown): string => String(v);
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
/** TIMESTAMPTZ arrives as a Date: answered as the ISO text the SQLite store keeps. */
const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));

const publicOf = (r: Row): PublicComment => ({
  id: Number(r.id),
  name: str(r.name),
  text: str(r.text),
  createdAt: iso(r.created_at),
});

export function postgresCommentStore(sql: postgres.Sql): CommentStore {
  return {
    async addComment(c) {
      return sql.begin(async (tx) => {
        // Serialises senders of the same text on every node: the check and insert are one step.
        await tx`SELECT pg_advisory_xact_lock(${TEXT_HASH_LOCK}, hashtext(${c.textHash}))`;
        const same = await tx`SELECT 1 FROM comments WHERE text_hash = ${c.textHash} LIMIT 1`;
        if (same.length > 0) return { status: "duplicate" as const };
        const [row] = await tx`
          INSERT INTO comments (kind, article, name, email, text, text_hash, created_at)
          VALUES (${c.kind}, ${c.article}, ${c.name}, ${c.email}, ${c.text}, ${c.textHash}, ${c.at})
          RETURNING id`;
        return { status: "added" as const, id: Number(row!.id) };
      });
    },
    async approvedComments(article) {
      const rows = await sql`
        SELECT id, name, text, created_at FROM comments
        WHERE article = ${article} AND status = 'approved' ORDER BY created_at, id`;
      return rows.map(publicOf);
    },
    async pendingComments(limit) {
      const rows = await sql`
        SELECT id, kind, article, name, email, text, created_at FROM comments
        WHERE status = 'pending' ORDER BY created_at DESC, id DESC LIMIT ${limit}`;
      return rows.map((r): QueuedComment => ({
        ...publicOf(r),
        kind: str(r.kind) as CommentKind,
        article: strOrNull(r.article),
        email: strOrNull(r.email),
      }));
    },
    async decideComments(ids, decision, username, at) {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return 0;
      return sql.begin(async (tx) => {
        // Row locks in id order first, so two nodes deciding overlapping lists cannot deadlock;
        // a row another node decided meanwhile is no longer pending and is left alone.
        await tx`SELECT id FROM comments WHERE id = ANY(${unique}::bigint[]) ORDER BY id FOR UPDATE`;
        const logged = await tx`
          WITH wanted AS (
            SELECT id, ord FROM unnest(${unique}::bigint[]) WITH ORDINALITY AS w(id, ord)
          ), changed AS (
            UPDATE comments c SET status = ${decision}, decided_at = ${at}
            FROM wanted w WHERE c.id = w.id AND c.status = 'pending' RETURNING c.id, w.ord
          )
          INSERT INTO moderation_log (comment_id, username, decision, at)
          SELECT id, ${username}, ${decision}, ${at} FROM changed ORDER BY ord
          RETURNING id`;
        return logged.length;
      });
    },
    async decisionLog(limit) {
      const rows = await sql`
        SELECT l.comment_id, l.username, l.decision, l.at, c.kind, c.article, c.name
          FROM moderation_log l JOIN comments c ON c.id = l.comment_id
         ORDER BY l.at DESC, l.id DESC LIMIT ${limit}`;
      return rows.map((r): DecisionEntry => ({
        commentId: Number(r.comment_id),
        username: str(r.username),
        decision: str(r.decision) as Decision,
        at: iso(r.at),
        kind: str(r.kind) as CommentKind,
        article: strOrNull(r.article),
        name: str(r.name),
      }));
    },
    async purgeEmails(before) {
      const rows = await sql`
        UPDATE comments SET email = NULL WHERE email IS NOT NULL AND created_at < ${before}
        RETURNING 1`;
      return rows.length;
    },
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
    async secret(name) {
      const key = `secret:${name}`;
      // ON CONFLICT DO NOTHING waits for a concurrent first insert to commit, and the next
      // statement sees it: the first node to ask decides, every other node reads that value.
      await sql`
        INSERT INTO server_meta (key, value) VALUES (${key}, ${randomBytes(32).toString("base64url")})
        ON CONFLICT (key) DO NOTHING`;
      const [row] = await sql`SELECT value FROM server_meta WHERE key = ${key}`;
      return str(row!.value);
    },
  };
}
