// The comment half of db:copy-to-postgres: comments and feedback, the decision log and staff
// accounts, read from SQLite, compared with what PostgreSQL holds, and inserted with their ids.
import type { DatabaseSync } from "node:sqlite";
import type postgres from "postgres";

type Tx = postgres.TransactionSql;
type Row = Record<string, unknown>;

export type ModerationRows = { comments: Row[]; decisions: Row[]; accounts: Row[] };
export type ModerationCopy = {
  comments: number;
  decisions: number;
  accounts: number;
  skippedComments: number;
  skippedDecisions: number;
  skippedAccounts: number;
};

const COMMENT_COLUMNS = [
  "id",
  "kind",
  "article",
  "name",
  "email",
  "text",
  "text_hash",
  "status",
  "created_at",
  "decided_at",
] as const;
const DECISION_COLUMNS = ["id", "comment_id", "username", "decision", "at"] as const;
const ACCOUNT_COLUMNS = ["username", "password_hash", "created_at", "role", "disabled_at"] as const;
const INSTANTS = new Set(["created_at", "decided_at", "at", "disabled_at"]);
/** A file from before migration 6 has neither column: every account was an enabled kiem-duyet. */
const ACCOUNT_DEFAULTS: Record<string, string> = {
  role: "'kiem-duyet' AS role",
  disabled_at: "NULL AS disabled_at",
};
/** Rows per INSERT: 10 columns each stays under PostgreSQL's 65,535 parameters. */
const BATCH = 2000;

/** One value as both databases can compare it: instants as ISO text, ids as numbers. */
function canonical(column: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (INSTANTS.has(column)) return new Date(value as string | Date).toISOString();
  if (column === "id" || column === "comment_id") return Number(value);
  return String(value);
}
const keyOf = (row: Row, columns: readonly string[]) =>
  JSON.stringify(columns.map((c) => canonical(c, row[c])));
const normalise = (rows: Row[], columns: readonly string[]): Row[] =>
  rows.map((r) => Object.fromEntries(columns.map((c) => [c, canonical(c, r[c])])));

/** The SQLite rows to copy; none from a database made before the comment tables (version 3). */
export function readModeration(source: DatabaseSync): ModerationRows {
  const has = source
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'comments'")
    .get();
  if (!has) return { comments: [], decisions: [], accounts: [] };
  const present = (table: string) =>
    new Set(
      (source.prepare("SELECT name FROM pragma_table_info(?)").all(table) as Row[]).map((r) =>
        String(r.name),
      ),
    );
  const all = (table: string, columns: readonly string[]) => {
    const have = present(table);
    const list = columns.map((c) => (have.has(c) ? c : (ACCOUNT_DEFAULTS[c] ?? c)));
    const rows = source.prepare(`SELECT ${list.join(", ")} FROM ${table} ORDER BY 1`).all();
    return normalise(rows as Row[], columns);
  };
  return {
    comments: all("comments", COMMENT_COLUMNS),
    decisions: all("moderation_log", DECISION_COLUMNS),
    accounts: all("staff_accounts", ACCOUNT_COLUMNS),
  };
}

/** No node may add a comment, a decision or an account while we compare and copy. */
export async function lockModeration(tx: Tx): Promise<void> {
  await tx`LOCK TABLE comments, moderation_log, staff_accounts IN EXCLUSIVE MODE`;
}

type Table = { name: string; columns: readonly string[]; rows: Row[]; id: string };
const tables = (m: ModerationRows): Table[] => [
  { name: "comments", columns: COMMENT_COLUMNS, rows: m.comments, id: "id" },
  { name: "moderation_log", columns: DECISION_COLUMNS, rows: m.decisions, id: "id" },
  { name: "staff_accounts", columns: ACCOUNT_COLUMNS, rows: m.accounts, id: "username" },
];
const WORDS = ["bình luận và góp ý", "quyết định duyệt", "tài khoản quản trị"];

/** PostgreSQL rows the SQLite file does not hold the same: their count, and words for the refusal. */
export async function compareModeration(
  tx: Tx,
  m: ModerationRows,
): Promise<{ count: number; words: string }> {
  let count = 0;
  let words = "";
  for (const [i, t] of tables(m).entries()) {
    const wanted = new Set(t.rows.map((r) => keyOf(r, t.columns)));
    const have = await tx.unsafe(`SELECT ${t.columns.join(", ")} FROM ${t.name}`);
    const other = have.filter((r) => !wanted.has(keyOf(r, t.columns))).length;
    count += other;
    words += `, ${other} ${WORDS[i]}`;
  }
  return { count, words };
}

/** Inserts the rows PostgreSQL lacks (every other one is identical: compareModeration said so). */
export async function insertModeration(tx: Tx, m: ModerationRows): Promise<ModerationCopy> {
  const added: number[] = [];
  for (const t of tables(m)) {
    const have = new Set(
      (await tx.unsafe(`SELECT ${t.id} AS k FROM ${t.name}`)).map((r) => String(r.k)),
    );
    const rows = t.rows
      .filter((r) => !have.has(String(r[t.id])))
      .map((r) =>
        Object.fromEntries(
          t.columns.map((c) => [
            c,
            INSTANTS.has(c) && r[c] !== null ? new Date(r[c] as string) : r[c],
          ]),
        ),
      );
    for (let i = 0; i < rows.length; i += BATCH) {
      await tx`INSERT INTO ${tx(t.name)} ${tx(rows.slice(i, i + BATCH), ...t.columns)}`;
    }
    added.push(rows.length);
  }
  // Ids were copied as they were: new rows continue after the highest one.
  for (const table of ["comments", "moderation_log"]) {
    await tx.unsafe(
      `SELECT setval(pg_get_serial_sequence('${table}', 'id'), COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM ${table}`,
    );
  }
  const [comments = 0, decisions = 0, accounts = 0] = added;
  return {
    comments,
    decisions,
    accounts,
    skippedComments: m.comments.length - comments,
    skippedDecisions: m.decisions.length - decisions,
    skippedAccounts: m.accounts.length - accounts,
  };
}
