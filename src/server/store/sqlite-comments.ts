// The comment, staff and session half of the SQLite store (CommentStore in types.ts).
import { randomBytes } from "node:crypto";
import type { DatabaseSync, StatementSync } from "node:sqlite";
import type {
  CommentKind,
  CommentStore,
  Decision,
  DecisionEntry,
  PublicComment,
  QueuedComment,
} from "./types.ts";

type Row = Record<string, unknown>;
const str = (v: unknown): string => String(v);
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

const publicOf = (r: Row): PublicComment => ({
  id: Number(r.id),
  name: str(r.name),
  text: str(r.text),
  createdAt: str(r.created_at),
});

export function sqliteCommentStore(
  db: DatabaseSync,
  transaction: <T>(fn: () => T) => T,
): CommentStore {
  const s = (sql: string): StatementSync => db.prepare(sql);
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
  const getMeta = s("SELECT value FROM server_meta WHERE key = ?");
  const putMeta = s("INSERT INTO server_meta (key, value) VALUES (?, ?) ON CONFLICT DO NOTHING");

  return {
    async addComment(c) {
      return transaction(() => {
        if (sameText.get(c.textHash)) return { status: "duplicate" as const };
        const row = insertComment.get(
          c.kind,
          c.article,
          c.name,
          c.email,
          c.text,
          c.textHash,
          c.at.toISOString(),
        ) as Row;
        return { status: "added" as const, id: Number(row.id) };
      });
    },
    async approvedComments(article) {
      return (approved.all(article) as Row[]).map(publicOf);
    },
    async pendingComments(limit) {
      return (pending.all(limit) as Row[]).map((r): QueuedComment => ({
        ...publicOf(r),
        kind: str(r.kind) as CommentKind,
        article: strOrNull(r.article),
        email: strOrNull(r.email),
      }));
    },
    async decideComments(ids, decision, username, at) {
      const when = at.toISOString();
      return transaction(() => {
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
      return (log.all(limit) as Row[]).map((r): DecisionEntry => ({
        commentId: Number(r.comment_id),
        username: str(r.username),
        decision: str(r.decision) as Decision,
        at: str(r.at),
        kind: str(r.kind) as CommentKind,
        article: strOrNull(r.article),
        name: str(r.name),
      }));
    },
    async purgeEmails(before) {
      return transaction(() => Number(purge.run(before.toISOString()).changes));
    },
    async putStaffAccount(username, passwordHash, at) {
      transaction(() => {
        putAccount.run(username, passwordHash, at.toISOString());
        endSessionsOf.run(username);
      });
    },
    async removeStaffAccount(username) {
      return transaction(() => {
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
      transaction(() => insertSession.run(idHash, username, csrf, when, when));
    },
    async sessionOf(idHash, idleSince, now) {
      return transaction(() => {
        deleteIdle.run(idleSince.toISOString());
        const row = selectSession.get(idHash) as Row | undefined;
        if (!row) return undefined;
        touchSession.run(now.toISOString(), idHash);
        return { username: str(row.username), csrf: str(row.csrf), lastSeenAt: now.toISOString() };
      });
    },
    async deleteSession(idHash) {
      transaction(() => deleteSession.run(idHash));
    },
    async recordSignin(a) {
      transaction(() =>
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
    async secret(name) {
      const key = `secret:${name}`;
      return transaction(() => {
        // ON CONFLICT DO NOTHING: the first server to ask decides; the others read it.
        putMeta.run(key, randomBytes(32).toString("base64url"));
        return str((getMeta.get(key) as Row).value);
      });
    },
  };
}
