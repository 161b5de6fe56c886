// `npm run db:copy-to-postgres`: copies the SQLite database's votes, daily visit counts,
// comments and feedback, staff accounts and decision log (DATABASE_PATH, default
// var/portal.sqlite) into PostgreSQL (DATABASE_URL), in one transaction. Running it again copies
// nothing new; a PostgreSQL database holding anything else is refused.
// Visitor keys are not copied: they expire within 30 minutes and belong to the old salt. Staff
// sessions and sign-in attempts are not copied either: staff sign in again after the move.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { DatabaseSync } from "node:sqlite";
import postgres from "postgres";
import { redactUrl } from "../server/store/errors.ts";
import { openPostgresStore } from "../server/store/postgres.ts";
import {
  compareModeration,
  insertModeration,
  lockModeration,
  readModeration,
  type ModerationCopy,
  type ModerationRows,
} from "./db-copy-moderation.ts";

const ROOT = resolve(import.meta.dirname, "../..");

type Vote = { poll_id: string; voter: string; option_id: string; voted_at: string };
type Day = { day: string; visits: number };

export type CopyResult =
  | ({ ok: true; votes: number; days: number; skippedVotes: number; skippedDays: number } & {
      moderation: ModerationCopy;
    })
  | { ok: false; message: string };

const voteKey = (v: Pick<Vote, "poll_id" | "voter">) => `${v.poll_id}\n${v.voter}`;

type Source = { votes: Vote[]; days: Day[]; moderation: ModerationRows };

/** Everything to copy from the SQLite file, or the reason it cannot be read. */
function readSource(sqlitePath: string): Source | { ok: false; message: string } {
  if (!existsSync(sqlitePath)) {
    return {
      ok: false,
      message: `Không thấy tệp SQLite ${sqlitePath}. Hãy đặt DATABASE_PATH là đường dẫn tệp cần chép.`,
    };
  }
  const source = new DatabaseSync(sqlitePath, { readOnly: true });
  try {
    const votes = source
      .prepare("SELECT poll_id, voter, option_id, voted_at FROM poll_votes")
      .all() as Vote[];
    const days = (source.prepare("SELECT day, visits FROM visit_days").all() as Day[]).map((d) => ({
      day: d.day,
      visits: Number(d.visits),
    }));
    return { votes, days, moderation: readModeration(source) };
  } catch (error) {
    return {
      ok: false,
      message: `Không đọc được ${sqlitePath} như cơ sở dữ liệu của cổng: ${(error as Error).message}`,
    };
  } finally {
    source.close();
  }
}

export async function copyToPostgres(sqlitePath: string, url: string): Promise<CopyResult> {
  const source = readSource(sqlitePath);
  if ("ok" in source) return source;
  // Opening the store creates or migrates the schema, as a server start would.
  await (await openPostgresStore(url, { max: 1 })).close();
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await sql.begin((tx) => copyInto(tx, source, url));
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** In one transaction: refuse a database holding other data, else insert what it lacks. */
async function copyInto(
  tx: postgres.TransactionSql,
  { votes, days, moderation }: Source,
  url: string,
): Promise<CopyResult> {
  // No node may write while we compare and copy.
  await tx`LOCK TABLE poll_votes, visit_days IN EXCLUSIVE MODE`;
  await lockModeration(tx);
  const have = await tx<Vote[]>`SELECT poll_id, voter, option_id FROM poll_votes`;
  const haveDays = await tx<Day[]>`SELECT day, visits FROM visit_days`;
  const byKey = new Map(votes.map((v) => [voteKey(v), v]));
  const sourceDays = new Map(days.map((d) => [d.day, d.visits]));
  const otherVotes = have.filter((v) => byKey.get(voteKey(v))?.option_id !== v.option_id);
  const otherDays = haveDays.filter((d) => sourceDays.get(d.day) !== Number(d.visits));
  const other = await compareModeration(tx, moderation);
  if (otherVotes.length > 0 || otherDays.length > 0 || other.count > 0) {
    return {
      ok: false,
      message:
        `Cơ sở dữ liệu PostgreSQL ${redactUrl(url)} đã có số liệu khác với tệp SQLite ` +
        `(${otherVotes.length} phiếu bầu, ${otherDays.length} ngày lượt truy cập${other.words} không có hoặc khác trong tệp). ` +
        "Không chép gì. Hãy dùng một cơ sở dữ liệu PostgreSQL trống (createdb), hoặc chép trước khi cho máy chủ ghi vào đó.",
    };
  }
  const haveKeys = new Set(have.map(voteKey));
  const newVotes = votes.filter((v) => !haveKeys.has(voteKey(v)));
  const haveDayKeys = new Set(haveDays.map((d) => d.day));
  const newDays = days.filter((d) => !haveDayKeys.has(d.day));
  // A few thousand rows per statement keeps each under PostgreSQL's parameter limit.
  for (let i = 0; i < newVotes.length; i += 5000) {
    const rows = newVotes.slice(i, i + 5000).map((v) => ({ ...v, voted_at: new Date(v.voted_at) }));
    await tx`INSERT INTO poll_votes ${tx(rows, "poll_id", "voter", "option_id", "voted_at")}`;
  }
  if (newDays.length > 0) await tx`INSERT INTO visit_days ${tx(newDays, "day", "visits")}`;
  return {
    ok: true,
    moderation: await insertModeration(tx, moderation),
    votes: newVotes.length,
    days: newDays.length,
    skippedVotes: votes.length - newVotes.length,
    skippedDays: days.length - newDays.length,
  };
}

if (import.meta.main) {
  const url = process.env.DATABASE_URL;
  const path = resolve(process.env.DATABASE_PATH || resolve(ROOT, "var/portal.sqlite"));
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    console.error(
      "Hãy đặt DATABASE_URL=postgres://người-dùng:mật-khẩu@máy:5432/tên-cơ-sở-dữ-liệu (nơi chép đến); DATABASE_PATH là tệp SQLite chép từ đó (mặc định var/portal.sqlite).",
    );
    process.exit(2);
  }
  let result: CopyResult;
  try {
    result = await copyToPostgres(path, url);
  } catch (error) {
    result = {
      ok: false,
      message: `Không chép được: ${(error as Error).message}. Không có gì thay đổi.`,
    };
  }
  if (!result.ok) {
    console.error(result.message);
    process.exit(1);
  }
  const m = result.moderation;
  const skipped = m.skippedComments + m.skippedDecisions + m.skippedAccounts;
  console.log(
    `Đã chép ${result.votes} phiếu bầu và ${result.days} ngày lượt truy cập, ` +
      `${m.comments} bình luận và góp ý, ${m.decisions} quyết định duyệt, ${m.accounts} tài khoản quản trị ` +
      `từ ${path} sang ${redactUrl(url)}` +
      (result.skippedVotes + result.skippedDays + skipped > 0
        ? ` (${result.skippedVotes} phiếu và ${result.skippedDays} ngày đã có sẵn, giữ nguyên; ` +
          `${m.skippedComments} bình luận, ${m.skippedDecisions} quyết định, ${m.skippedAccounts} tài khoản cũng đã có sẵn).`
        : ".") +
      " Phiên đăng nhập quản trị không được chép: biên tập viên đăng nhập lại.",
  );
}
