// COMMENT_EMAIL_RETENTION_DAYS: the real server deletes older emails when it starts (and hourly).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/server/store/sqlite.ts";
import { startServer } from "../helpers/server.ts";
import { ARTICLE, writeFakeDist } from "./harness.ts";

describe("email retention", () => {
  it("deletes emails older than COMMENT_EMAIL_RETENTION_DAYS at start and keeps the comments", async () => {
    const dir = mkdtempSync(join(tmpdir(), "portal-retention-"));
    try {
      writeFakeDist(join(dir, "dist"));
      const databasePath = join(dir, "portal.sqlite");
      const store = openSqliteStore(databasePath);
      const day = 24 * 3600_000;
      for (const [age, email] of [
        [31, "cu@example.vn"],
        [29, "moi@example.vn"],
      ] as const) {
        await store.comments.addComment({
          kind: "comment",
          article: ARTICLE,
          name: "A",
          email,
          text: email,
          textHash: email,
          at: new Date(Date.now() - age * day),
        });
      }
      store.close();
      const server = await startServer({
        databasePath,
        keepData: true,
        env: { DIST_DIR: join(dir, "dist"), COMMENT_EMAIL_RETENTION_DAYS: "30" },
      });
      const db = new DatabaseSync(databasePath, { readOnly: true });
      const emails = () => db.prepare("SELECT text, email FROM comments ORDER BY id").all();
      for (let i = 0; i < 100 && emails()[0]!.email !== null; i++) {
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(emails()).toEqual([
        { text: "cu@example.vn", email: null },
        { text: "moi@example.vn", email: "moi@example.vn" },
      ]);
      db.close();
      await server.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
