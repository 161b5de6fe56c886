// `npm run db:copy-to-postgres` on a SQLite database with votes and daily counts: copies them
// once, copies nothing again, refuses a database with other data, and the server then serves them.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { DatabaseSync } from "node:sqlite";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgresStore } from "../../src/server/store/postgres.ts";
import { migrate, openSqliteStore } from "../../src/server/store/sqlite.ts";
import { MIGRATIONS } from "../../src/server/store/migrations.ts";
import { createTestDatabase, POSTGRES_URL, type TestDatabase } from "../helpers/postgres.ts";
import { startServer } from "../helpers/server.ts";
import { ARTICLE, POLL, writeFakeDist } from "./harness.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "portal-copy-"));
const sqlitePath = join(dir, "portal.sqlite");
const at = new Date("2026-03-01T03:00:00Z");
const databases: TestDatabase[] = [];
const commentIds: number[] = [];

function copy(env: Record<string, string>) {
  return spawnSync(process.execPath, [join(ROOT, "src/cli/db-copy-to-postgres.ts")], {
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 30000,
  });
}

beforeAll(async () => {
  const store = openSqliteStore(sqlitePath);
  await store.polls.recordVote(POLL, "v1", "huu-ich", at);
  await store.polls.recordVote(POLL, "v2", "huu-ich", at);
  await store.polls.recordVote(POLL, "v3", "de-su-dung", at);
  for (let i = 0; i < 5; i++) await store.visits.recordVisit("2026-02-28");
  for (let i = 0; i < 2; i++) await store.visits.recordVisit("2026-03-01");
  // Comments: one approved (logged), one pending, one feedback; a staff account with a session.
  for (const [i, article] of [ARTICLE, ARTICLE, null].entries()) {
    const added = await store.comments.addComment({
      kind: article ? "comment" : "feedback",
      article,
      name: `Bạn đọc ${i}`,
      email: i === 0 ? "doc@example.vn" : null,
      text: `Nội dung ${i}`,
      textHash: `hash-${i}`,
      at: new Date(at.getTime() + i * 60_000),
    });
    commentIds.push(added.status === "added" ? added.id : -1);
  }
  await store.staff.putStaffAccount("bientap", "scrypt$hash", at, "bien-tap");
  await store.comments.decideComments([commentIds[0]!], "approved", "bientap", at);
  await store.staff.createSession("phien", "bientap", "csrf", at);
  await store.close();
});
afterAll(async () => {
  for (const db of databases) await db.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe.runIf(POSTGRES_URL !== "")("db:copy-to-postgres", () => {
  it("copies votes and counts once, then nothing, and the server answers with them", async () => {
    const db = await createTestDatabase();
    databases.push(db);
    const env = { DATABASE_PATH: sqlitePath, DATABASE_URL: db.url };
    const first = copy(env);
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("Đã chép 3 phiếu bầu và 2 ngày lượt truy cập");
    const again = copy(env);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain("Đã chép 0 phiếu bầu và 0 ngày lượt truy cập");
    expect(again.stdout).toContain("3 phiếu và 2 ngày đã có sẵn, giữ nguyên");

    const store = await openPostgresStore(db.url);
    expect(await store.polls.optionVotes(POLL)).toEqual(
      new Map([
        ["huu-ich", 2],
        ["de-su-dung", 1],
      ]),
    );
    expect(await store.polls.voteOf(POLL, "v3")).toBe("de-su-dung");
    expect(await store.visits.visitTotals("2026-02-28")).toEqual({ today: 5, total: 7 });
    await store.close();

    const distDir = join(dir, "dist");
    writeFakeDist(distDir);
    const server = await startServer({ env: { DATABASE_URL: db.url, DIST_DIR: distDir } });
    try {
      const poll = (await (await fetch(`${server.url}/api/polls/${POLL}`)).json()) as {
        participantsHere: number;
      };
      expect(poll.participantsHere).toBe(3);
    } finally {
      await server.close();
    }
  });

  it("refuses a database with other data, naming what differs, and changes nothing", async () => {
    const db = await createTestDatabase();
    databases.push(db);
    const store = await openPostgresStore(db.url);
    await store.polls.recordVote(POLL, "someone-else", "huu-ich", at);
    await store.visits.recordVisit("2026-03-01");
    await store.close();
    const result = copy({ DATABASE_PATH: sqlitePath, DATABASE_URL: db.url });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("đã có số liệu khác với tệp SQLite");
    expect(result.stderr).toContain("1 phiếu bầu, 1 ngày lượt truy cập");
    expect(result.stderr).toContain("Không chép gì");
    const after = await openPostgresStore(db.url);
    expect(await after.polls.optionVotes(POLL)).toEqual(new Map([["huu-ich", 1]]));
    expect(await after.visits.visitTotals("2026-03-01")).toEqual({ today: 1, total: 1 });
    await after.close();
  });

  it("copies comments, the decision log and staff accounts with their ids, once; not sessions", async () => {
    const db = await createTestDatabase();
    databases.push(db);
    const env = { DATABASE_PATH: sqlitePath, DATABASE_URL: db.url };
    const first = copy(env);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(
      "3 bình luận và góp ý, 1 quyết định duyệt, 1 tài khoản quản trị",
    );
    const again = copy(env);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(
      "0 bình luận và góp ý, 0 quyết định duyệt, 0 tài khoản quản trị",
    );
    expect(again.stdout).toContain("3 bình luận, 1 quyết định, 1 tài khoản cũng đã có sẵn");

    const store = await openPostgresStore(db.url);
    try {
      expect(await store.comments.approvedComments(ARTICLE)).toEqual([
        { id: commentIds[0], name: "Bạn đọc 0", text: "Nội dung 0", createdAt: at.toISOString() },
      ]);
      const pending = await store.comments.pendingComments(10);
      expect(pending.map((c) => [c.id, c.kind, c.article])).toEqual([
        [commentIds[2], "feedback", null],
        [commentIds[1], "comment", ARTICLE],
      ]);
      expect(
        (await store.comments.decisionLog(10)).map((e) => [
          e.commentId,
          e.username,
          e.decision,
          e.at,
        ]),
      ).toEqual([[commentIds[0], "bientap", "approved", at.toISOString()]]);
      expect(await store.staff.staffPasswordHash("bientap")).toBe("scrypt$hash");
      expect((await store.staff.staffAccount("bientap"))?.role).toBe("bien-tap");
      expect(await store.staff.sessionOf("phien", new Date(0), at)).toBeUndefined();
      // A copied text stays refused; a new comment gets an id after the copied ones.
      const base = { kind: "comment" as const, article: ARTICLE, name: "X", email: null, at };
      expect(await store.comments.addComment({ ...base, text: "lại", textHash: "hash-1" })).toEqual(
        {
          status: "duplicate",
        },
      );
      const fresh = await store.comments.addComment({ ...base, text: "mới", textHash: "hash-moi" });
      expect(fresh.status === "added" && fresh.id > Math.max(...commentIds)).toBe(true);
    } finally {
      await store.close();
    }
    // Now PostgreSQL holds a comment the file does not: a further copy is refused, changing nothing.
    const refused = copy(env);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("0 phiếu bầu, 0 ngày lượt truy cập, 1 bình luận và góp ý");
    expect(refused.stderr).toContain("Không chép gì");
  });

  it("copies accounts from a file made before roles as enabled kiem-duyet accounts", async () => {
    const oldPath = join(dir, "truoc-vai-tro.sqlite");
    const file = new DatabaseSync(oldPath);
    migrate(file, MIGRATIONS.slice(0, 5));
    file.prepare("INSERT INTO staff_accounts VALUES ('cu', 'scrypt$cu', ?)").run(at.toISOString());
    file.close();
    const db = await createTestDatabase();
    databases.push(db);
    const result = copy({ DATABASE_PATH: oldPath, DATABASE_URL: db.url });
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("1 tài khoản quản trị");
    const store = await openPostgresStore(db.url);
    try {
      expect(await store.staff.staffAccount("cu")).toMatchObject({
        role: "kiem-duyet",
        disabled: false,
      });
      expect(await store.staff.staffPasswordHash("cu")).toBe("scrypt$cu");
    } finally {
      await store.close();
    }
  });

  it("says what to set when DATABASE_URL or the SQLite file is missing", async () => {
    const noUrl = copy({ DATABASE_PATH: sqlitePath, DATABASE_URL: "" });
    expect(noUrl.status).toBe(2);
    expect(noUrl.stderr).toContain("Hãy đặt DATABASE_URL=postgres://");
    const db = await createTestDatabase();
    databases.push(db);
    const noFile = copy({ DATABASE_PATH: join(dir, "khong-co.sqlite"), DATABASE_URL: db.url });
    expect(noFile.status).toBe(1);
    expect(noFile.stderr).toContain(`Không thấy tệp SQLite ${join(dir, "khong-co.sqlite")}`);
  });
});
