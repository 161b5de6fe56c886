// GET /api/health on both stores: 200 { ok: true, store } while the database answers, 503 after.
import { describe, expect, it } from "vitest";
import { startServer } from "../helpers/server.ts";
import { BACKENDS } from "../helpers/stores.ts";
import { startApp } from "./harness.ts";

describe("GET /api/health", () => {
  it("answers 503 with ok: false once the database stops answering (SQLite closed)", async () => {
    const t = await startApp();
    try {
      const res = await fetch(`${t.url}/api/health`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true, store: "sqlite" });
      expect(res.headers.get("cache-control")).toBe("no-store");
      await t.stores.close();
      const down = await fetch(`${t.url}/api/health`);
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({ ok: false, store: "sqlite" });
      const post = await fetch(`${t.url}/api/health`, { method: "POST" });
      expect(post.status).toBe(405);
    } finally {
      await t.close();
    }
  });

  describe.each(BACKENDS)("on $kind", (backend) => {
    it.runIf(backend.available)(
      "the server process names its store, and says 503 when the database is gone",
      async () => {
        const target = await backend.create();
        const server = await startServer({ env: target.env });
        try {
          const res = await fetch(`${server.url}/api/health`);
          expect(res.status).toBe(200);
          const body = await res.text();
          expect(JSON.parse(body)).toEqual({ ok: true, store: backend.kind });
          // Nothing of the configuration in it.
          expect(body).not.toMatch(/postgres:|sqlite\//);
          if (backend.kind === "postgres") {
            await target.dispose(); // drops the database under the running server
            const down = await fetch(`${server.url}/api/health`);
            expect(down.status).toBe(503);
            expect(await down.json()).toEqual({ ok: false, store: "postgres" });
          }
        } finally {
          await server.close();
          await target.dispose();
        }
      },
    );
  });
});
