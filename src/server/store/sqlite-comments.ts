// The comment store on SQLite: comments and feedback, their moderation and the decision log.
import type { DatabaseSync } from "node:sqlite";
import type { CommentStore } from "./comments.ts";
import { decisionOf, publicOf, queuedOf, type Row } from "./rows.ts";
import { transaction } from "./sqlite-db.ts";

export function sqliteCommentStore(db: DatabaseSync): CommentStore {
  const s = (sql: string) => db.prepare(sql);
  const sameText = s("SELECT 1 FROM comments WHERE text_hash = ? LIMIT 1");
  const insertComment = s(
    "INSERT INTO comments (kind, article, name, email, text, text_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
  );
  const approved = s(
    "SELECT id, name, text, created_at FROM comments WHERE article = ? AND status = 'approved' ORDER BY created_at, id",
  );
  const pending = s(
    "SELECT id, kind, article, name, email, text, created_at FROM comments WHERE status = 'pending' ORDER BY created_at DESC, id DESC LIMIT ?",
  );
  const decide = s(
    "UPDATE comments SET status = ?, decided_at = ? WHERE id = ? AND status = 'pending'",
  );
  const logDecision = s(
    "INSERT INTO moderation_log (comment_id, username, decision, at) VALUES (?, ?, ?, ?)",
  );
  const log = s(
    `SELECT l.comment_id, l.username, l.decision, l.at, c.kind, c.article, c.name
       FROM moderation_log l JOIN comments c ON c.id = l.comment_id
      ORDER BY l.at DESC, l.id DESC LIMIT ?`,
  );
  const purge = s("UPDATE comments SET email = NULL WHERE email IS NOT NULL AND created_at < ?");

  return {
    async addComment(c) {
      return transaction(db, () => {
        if (sameText.get(c.textHash)) return { status: "duplicate" as const };
        const { kind, article, name, email, text, textHash } = c;
        const row = insertComment.get(
          kind,
          article,
          name,
          email,
          text,
          textHash,
          c.at.toISOString(),
        );
        return { status: "added" as const, id: Number((row as Row).id) };
      });
    },
    async approvedComments(article) {
      return (approved.all(article) as Row[]).map(publicOf);
    },
    async pendingComments(limit) {
      return (pending.all(limit) as Row[]).map(queuedOf);
    },
    async decideComments(ids, decision, username, at) {
      const when = at.toISOString();
      return transaction(db, () => {
        let changed = 0;
        for (const id of new Set(ids)) {
          if (Number(decide.run(decision, when, id).changes) !== 1) continue;
          logDecision.run(id, username, decision, when);
          changed++;
        }
        return changed;
      });
    },
    async decisionLog(limit) {
      return (log.all(limit) as Row[]).map(decisionOf);
    },
    async purgeEmails(before) {
      return transaction(db, () => Number(purge.run(before.toISOString()).changes));
    },
  };
}
