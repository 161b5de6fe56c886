// The comment store on SQLite: comments and feedback, their moderation and the decision log.
import type { DatabaseSync } from "node:sqlite";
import type { AddResult, CommentStore, SenderLimit } from "./comments.ts";
import { decisionOf, publicOf, queuedOf, str, type Row } from "./rows.ts";
import { prepareAll, transaction } from "./sqlite-db.ts";

export function sqliteCommentStore(db: DatabaseSync): CommentStore {
  const q = prepareAll(db, {
    sameText: "SELECT 1 FROM comments WHERE text_hash = ? LIMIT 1",
    insertComment:
      "INSERT INTO comments (kind, article, name, email, text, text_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
    approved:
      "SELECT id, name, text, created_at FROM comments WHERE article = ? AND status = 'approved' ORDER BY created_at, id",
    pending:
      "SELECT id, kind, article, name, email, text, created_at FROM comments WHERE status = 'pending' ORDER BY created_at DESC, id DESC LIMIT ?",
    decide: "UPDATE comments SET status = ?, decided_at = ? WHERE id = ? AND status = 'pending'",
    logDecision:
      "INSERT INTO moderation_log (comment_id, username, decision, at) VALUES (?, ?, ?, ?)",
    log: `SELECT l.comment_id, l.username, l.decision, l.at, c.kind, c.article, c.name
       FROM moderation_log l JOIN comments c ON c.id = l.comment_id
      ORDER BY l.at DESC, l.id DESC LIMIT ?`,
    purge: "UPDATE comments SET email = NULL WHERE email IS NOT NULL AND created_at < ?",
    pruneSenders: "DELETE FROM comment_senders WHERE at < ?",
    senderTimes: "SELECT at FROM comment_senders WHERE sender = ? AND at >= ? ORDER BY at",
    addSender: "INSERT INTO comment_senders (sender, at) VALUES (?, ?)",
  });
  /** The limit's verdict inside the transaction: the oldest time that keeps it full, if full. */
  const fullSince = (limit: SenderLimit): string | undefined => {
    q.pruneSenders.run(limit.since.toISOString());
    const times = (q.senderTimes.all(limit.sender, limit.since.toISOString()) as Row[]).map((r) =>
      str(r.at),
    );
    return times.length >= limit.max ? times[times.length - limit.max] : undefined;
  };

  return {
    async addComment(c, limit) {
      return transaction(db, (): AddResult => {
        const oldest = limit ? fullSince(limit) : undefined;
        if (oldest !== undefined) return { status: "limited", oldest };
        if (q.sameText.get(c.textHash)) return { status: "duplicate" as const };
        if (limit) q.addSender.run(limit.sender, c.at.toISOString());
        const { kind, article, name, email, text, textHash } = c;
        const row = q.insertComment.get(
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
      return (q.approved.all(article) as Row[]).map(publicOf);
    },
    async pendingComments(limit) {
      return (q.pending.all(limit) as Row[]).map(queuedOf);
    },
    async decideComments(ids, decision, username, at) {
      const when = at.toISOString();
      return transaction(db, () => {
        let changed = 0;
        for (const id of new Set(ids)) {
          if (Number(q.decide.run(decision, when, id).changes) !== 1) continue;
          q.logDecision.run(id, username, decision, when);
          changed++;
        }
        return changed;
      });
    },
    async decisionLog(limit) {
      return (q.log.all(limit) as Row[]).map(decisionOf);
    },
    async purgeEmails(before) {
      return transaction(db, () => Number(q.purge.run(before.toISOString()).changes));
    },
  };
}
