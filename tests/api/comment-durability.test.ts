// kill -9 while readers send comments: every comment the server acknowledged (202) is there after,
// on each backend.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startServer } from "../helpers/server.ts";
import { BACKENDS } from "../helpers/stores.ts";
import { ARTICLE, writeFakeDist } from "./harness.ts";

const ACKS_BEFORE_KILL = 150;
const WORKERS = 16;

describe.each(BACKENDS)("comment durability on $kind", { timeout: 120_000 }, (backend) => {
  it.runIf(backend.available)(
    "finds every acknowledged comment after SIGKILL and restart",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "portal-comment-kill-"));
      const distDir = join(dir, "dist");
      writeFakeDist(distDir);
      const target = await backend.create();
      const env = {
        ...target.env,
        DIST_DIR: distDir,
        COMMENT_MIN_SECONDS: "0",
        COMMENT_LIMIT_PER_HOUR: "0",
      };
      const server = await startServer({ keepData: true, env });
      const { token } = (await (
        await fetch(`${server.url}/api/comments?article=${ARTICLE}`)
      ).json()) as { token: string };
      const acked = new Map<number, string>();
      let killed = false;
      let n = 0;
      const worker = async () => {
        while (!killed) {
          const text = `Bình luận ${n++} trước khi máy chủ dừng`;
          try {
            const res = await fetch(`${server.url}/api/comments`, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ article: ARTICLE, name: "A", text, consent: true, token }),
            });
            if (res.status === 202) acked.set(((await res.json()) as { id: number }).id, text);
          } catch {
            // In flight when the server died: never acknowledged.
          }
          if (!killed && acked.size >= ACKS_BEFORE_KILL) {
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
        // The real server reopens the database (SQLite recovers its WAL), then a second
        // connection reads it: every acknowledged comment, still pending, with its text.
        const again = await startServer({ keepData: true, env });
        await again.close();
        const store = await target.open();
        const pending = new Map(
          (await store.comments.pendingComments(acked.size + 10_000)).map((c) => [c.id, c.text]),
        );
        await store.close();
        for (const [id, text] of acked) expect(pending.get(id)).toBe(text);
        expect(acked.size).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await target.dispose();
      }
    },
  );
});
