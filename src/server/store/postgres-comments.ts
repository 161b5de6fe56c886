// The comment store on PostgreSQL: the same steps as sqlite-comments.ts, each write in one
// transaction so nodes on one database agree.
import type postgres from "postgres";
import type { AddResult, CommentStore, SenderLimit } from "./comments.ts";
import { decisionOf, iso, publicOf, queuedOf } from "./rows.ts";

/** Advisory-lock class of the duplicate check (the two-key space, apart from the migration lock). */
const TEXT_HASH_LOCK = 4_271_306;
/** Advisory-lock class of a sender's hourly limit; always taken before the text's lock. */
const SENDER_LOCK = 4_271_308;

/** The limit's verdict inside the transaction: the oldest time that keeps it full, if full. */
async function fullSince(tx: postgres.TransactionSql, limit: SenderLimit) {
  await tx`SELECT pg_advisory_xact_lock(${SENDER_LOCK}, hashtext(${limit.sender}))`;
  await tx`DELETE FROM comment_senders WHERE at < ${limit.since}`;
  const rows = await tx`
    SELECT at FROM comment_senders WHERE sender = ${limit.sender} AND at >= ${limit.since}
    ORDER BY at`;
  return rows.length >= limit.max ? iso(rows[rows.length - limit.max]!.at) : undefined;
}

export function postgresCommentStore(sql: postgres.Sql): CommentStore {
  return {
    async addComment(c, limit) {
      return sql.begin(async (tx): Promise<AddResult> => {
        // The sender's count and the insert are one step on every node (lock, then count).
        const oldest = limit ? await fullSince(tx, limit) : undefined;
        if (oldest !== undefined) return { status: "limited", oldest };
        // Serialises senders of the same text on every node: the check and insert are one step.
        await tx`SELECT pg_advisory_xact_lock(${TEXT_HASH_LOCK}, hashtext(${c.textHash}))`;
        const same = await tx`SELECT 1 FROM comments WHERE text_hash = ${c.textHash} LIMIT 1`;
        if (same.length > 0) return { status: "duplicate" as const };
        if (limit) {
          await tx`INSERT INTO comment_senders (sender, at) VALUES (${limit.sender}, ${c.at})`;
        }
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
      return rows.map(queuedOf);
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
      return rows.map(decisionOf);
    },
    async purgeEmails(before) {
      const rows = await sql`
        UPDATE comments SET email = NULL WHERE email IS NOT NULL AND created_at < ${before}
        RETURNING 1`;
      return rows.length;
    },
  };
}
