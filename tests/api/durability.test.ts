// kill -9 under load: every vote and visit the server acknowledged (2xx) is in the database after.
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/server/store/sqlite.ts";
import { startServer } from "../helpers/server.ts";
import { BROWSER_UA, POLL, writeFakeDist } from "./harness.ts";

const ACKS_BEFORE_KILL = 400;
const WORKERS = 24;

describe("durability", () => {
  it("finds every acknowledged vote and visit after SIGKILL and restart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "portal-kill-"));
    const distDir = join(dir, "dist");
    writeFakeDist(distDir);
    const databasePath = join(dir, "portal.sqlite");
    const server = await startServer({
      databasePath,
      keepData: true,
      env: { DIST_DIR: distDir, TRUST_PROXY: "1" },
    });
    const ackedVoters: string[] = [];
    let ackedVisits = 0;
    let sentVisits = 0;
    let killed = false;
    let n = 0;

    const worker = async () => {
      while (!killed) {
        const i = n++;
        try {
          if (i % 2 === 0) {
            const res = await fetch(`${server.url}/api/polls/${POLL}/votes`, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: '{"optionId":"huu-ich"}',
            });
            if (res.status === 201) {
              ackedVoters.push(res.headers.get("set-cookie")!.match(/voter=([^;]+)/)![1]!);
            }
          } else {
            sentVisits++;
            const res = await fetch(`${server.url}/api/visits`, {
              method: "POST",
              headers: {
                "content-type": "application/json",
                "user-agent": BROWSER_UA,
                "x-forwarded-for": `10.9.${(i >> 8) & 255}.${i & 255}`,
              },
              body: '{"path":"/"}',
            });
            const body = (await res.json()) as { counted: boolean };
            if (res.status === 200 && body.counted) ackedVisits++;
          }
        } catch {
          // Requests in flight when the server dies fail; they were never acknowledged.
        }
        if (!killed && ackedVoters.length + ackedVisits >= ACKS_BEFORE_KILL) {
          killed = true;
          server.process.kill("SIGKILL");
        }
      }
    };
    const exited = new Promise((r) => server.process.once("exit", r));
    await Promise.all(Array.from({ length: WORKERS }, worker));
    await exited;

    try {
      expect(server.process.signalCode).toBe("SIGKILL");
      // Restart the real server on the same file, then read it.
      const again = await startServer({ databasePath, keepData: true, env: { DIST_DIR: distDir } });
      const results = (await (await fetch(`${again.url}/api/polls/${POLL}`)).json()) as {
        participantsHere: number;
      };
      await again.close();
      expect(results.participantsHere).toBeGreaterThanOrEqual(ackedVoters.length);

      const store = openSqliteStore(databasePath);
      for (const id of ackedVoters) {
        const voter = createHash("sha256").update(id).digest("base64url");
        expect(await store.polls.voteOf(POLL, voter)).toBe("huu-ich");
      }
      const { total } = await store.visits.visitTotals("0000-00-00");
      store.close();
      expect(total).toBeGreaterThanOrEqual(ackedVisits);
      expect(total).toBeLessThanOrEqual(sentVisits);
      expect(ackedVoters.length + ackedVisits).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
