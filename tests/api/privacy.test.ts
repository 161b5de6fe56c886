// The database never holds a reader's address or user agent: not in any table, not in the bytes.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { describe, expect, it } from "vitest";
import { POLL, startApp } from "./harness.ts";

const ADDRESS = "203.0.113.199";
const USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) PrivacyProbe/9.87 marker-ua-5c1f";

function databaseFiles(path: string): string[] {
  const dir = dirname(path);
  return readdirSync(dir)
    .filter((f) => f.startsWith("portal.sqlite"))
    .map((f) => join(dir, f));
}

function scanBytes(files: string[]): void {
  for (const file of files) {
    const bytes = readFileSync(file);
    for (const needle of [ADDRESS, USER_AGENT, "PrivacyProbe", "marker-ua-5c1f"]) {
      expect(bytes.includes(Buffer.from(needle, "utf8")), `${needle} in ${file}`).toBe(false);
      expect(bytes.includes(Buffer.from(needle, "utf16le")), `${needle} in ${file}`).toBe(false);
    }
  }
}

describe("privacy", () => {
  it("stores no address or user agent after votes and visits", async () => {
    const t = await startApp({ trustProxy: 1 });
    const headers = {
      "content-type": "application/json",
      "user-agent": USER_AGENT,
      "x-forwarded-for": ADDRESS,
    };
    const dbPath = t.databasePath;
    try {
      for (const path of ["/", "/tin-tuc/", "/thong-ke/"]) {
        const res = await fetch(`${t.url}/api/visits`, {
          method: "POST",
          headers,
          body: JSON.stringify({ path }),
        });
        expect(res.status).toBe(200);
      }
      const vote = await fetch(`${t.url}/api/polls/${POLL}/votes`, {
        method: "POST",
        headers,
        body: '{"optionId":"huu-ich"}',
      });
      expect(vote.status).toBe(201);
      const cookieId = vote.headers.get("set-cookie")!.match(/voter=([^;]+)/)![1]!;
      expect(t.counts()).toEqual({ votes: 1, visits: 1 });
      // While running: the main file and the write-ahead log.
      scanBytes(databaseFiles(dbPath));

      const db = new DatabaseSync(dbPath, { readOnly: true });
      const tables = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .all()
        .map((r) => String(r.name));
      expect(tables.length).toBeGreaterThan(0);
      for (const table of tables) {
        const text = JSON.stringify(db.prepare(`SELECT * FROM "${table}"`).all());
        for (const needle of [ADDRESS, USER_AGENT, "PrivacyProbe", cookieId]) {
          expect(text.includes(needle), `${needle} in table ${table}`).toBe(false);
        }
      }
      db.close();
      // After the store closes (its last checkpoint), in whatever is left on disk.
      t.stores.close();
      scanBytes(databaseFiles(dbPath));
    } finally {
      await t.close();
    }
  });
});
