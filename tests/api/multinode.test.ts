// Several nodes, one truth, on each backend: two server processes on one database agree on
// votes, visits and Online; a rolling restart under load fails no request; kill -9 of one node
// under load loses no acknowledged write.
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startRoundRobin } from "../../tools/bench/lib/round-robin.ts";
import { startServer, type RunningServer } from "../helpers/server.ts";
import { BACKENDS, type TestStoreTarget } from "../helpers/stores.ts";
import { BROWSER_UA, POLL, writeFakeDist } from "./harness.ts";

const dir = mkdtempSync(join(tmpdir(), "portal-nodes-"));
const distDir = join(dir, "dist");
writeFakeDist(distDir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SECRET = "the-same-secret-on-every-node-0123456789";

type Figures = { online: number; today: number; total: number; counted: boolean };
type PollResults = { participantsHere: number; votedOptionId: string | null };

const node = (target: TestStoreTarget) =>
  startServer({
    env: { ...target.env, DIST_DIR: distDir, TRUST_PROXY: "1", VISITOR_SECRET: SECRET },
  });

const vote = (base: string, cookie?: string) =>
  fetch(`${base}/api/polls/${POLL}/votes`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: '{"optionId":"huu-ich"}',
  });
const visit = (base: string, address: string) =>
  fetch(`${base}/api/visits`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "user-agent": BROWSER_UA,
      "x-forwarded-for": address,
    },
    body: '{"path":"/"}',
  });
const results = async (base: string, cookie?: string) =>
  (await (
    await fetch(`${base}/api/polls/${POLL}`, { headers: cookie ? { cookie } : {} })
  ).json()) as PollResults;
const figures = async (base: string) =>
  (await (await fetch(`${base}/api/visits`)).json()) as Figures;

/** Load through `url` until `stop()`: a new browser's vote or a new visitor's view, alternately. */
function load(url: () => string, workers = 12) {
  const acked = { voters: [] as string[], visits: 0, failed: [] as string[], sent: 0 };
  let running = true;
  let n = 0;
  const worker = async () => {
    while (running) {
      const i = n++;
      acked.sent++;
      try {
        if (i % 2 === 0) {
          const res = await vote(url());
          if (res.status === 201)
            acked.voters.push(res.headers.get("set-cookie")!.match(/voter=([^;]+)/)![1]!);
          else acked.failed.push(`vote ${res.status}`);
          await res.body?.cancel();
        } else {
          const res = await visit(url(), `10.7.${(i >> 8) & 255}.${i & 255}`);
          if (res.status === 200 && ((await res.json()) as Figures).counted) acked.visits++;
          else acked.failed.push(`visit ${res.status}`);
        }
      } catch (error) {
        acked.failed.push(`error ${(error as Error).message}`);
      }
    }
  };
  const done = Promise.all(Array.from({ length: workers }, worker));
  return {
    acked,
    /** Resolves once `count` more writes have been acknowledged. */
    async until(count: number) {
      const target = acked.voters.length + acked.visits + count;
      while (acked.voters.length + acked.visits < target)
        await new Promise((r) => setTimeout(r, 20));
    },
    async stop() {
      running = false;
      await done;
    },
  };
}

const sha = (id: string) => createHash("sha256").update(id).digest("base64url");

// Server processes start and stop under load on a shared 2-core machine: minutes, not seconds.
describe.each(BACKENDS)("two nodes on one $kind database", { timeout: 180_000 }, (backend) => {
  const test = it.runIf(backend.available);

  test("agree on votes, one vote per browser, visits, Hôm nay and Online", async () => {
    const target = await backend.create();
    const [a, b] = await Promise.all([node(target), node(target)]);
    try {
      // 200 concurrent voters split across the two nodes, counted exactly on both.
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, i) => vote(i % 2 ? a!.url : b!.url)),
      );
      expect(answers.map((r) => r.status)).toEqual(Array(200).fill(201));
      expect((await results(a!.url)).participantsHere).toBe(200);
      expect((await results(b!.url)).participantsHere).toBe(200);
      // The browser that voted on one node cannot vote again on the other.
      const cookie = answers[0]!.headers.get("set-cookie")!.match(/voter=[^;]+/)![0];
      const again = await vote(b!.url, cookie);
      expect(again.status).toBe(409);
      expect((await results(a!.url, cookie)).votedOptionId).toBe("huu-ich");
      expect((await results(b!.url)).participantsHere).toBe(200);

      // One reader on both nodes is one visit; the figures agree whichever node answers.
      expect(((await (await visit(a!.url, "10.1.1.1")).json()) as Figures).counted).toBe(true);
      expect(((await (await visit(b!.url, "10.1.1.1")).json()) as Figures).counted).toBe(false);
      expect(((await (await visit(b!.url, "10.1.1.2")).json()) as Figures).counted).toBe(true);
      const [fa, fb] = [await figures(a!.url), await figures(b!.url)];
      expect(fa).toEqual(fb);
      expect(fa).toMatchObject({ online: 2, today: 2 });
    } finally {
      await Promise.all([a!.close(), b!.close()]);
      await target.dispose();
    }
  });

  test("restarting one node at a time under load fails no request and loses nothing", async () => {
    const target = await backend.create();
    let nodes: RunningServer[] = await Promise.all([node(target), node(target)]);
    const proxy = await startRoundRobin(nodes.map((n) => n.url));
    const traffic = load(() => proxy.url);
    try {
      await traffic.until(100);
      for (let i = 0; i < 2; i++) {
        const old = nodes[i]!;
        // Take it out of the balancer, then SIGTERM while its last requests are still running.
        proxy.setUpstreams(nodes.filter((n) => n !== old).map((n) => n.url));
        const exited = new Promise<number | null>((r) =>
          old.process.once("exit", (code) => r(code)),
        );
        old.process.kill("SIGTERM");
        expect(await exited).toBe(0);
        await old.close();
        nodes = nodes.map((n) => (n === old ? undefined : n)).filter((n) => n !== undefined);
        const fresh = await node(target);
        expect((await fetch(`${fresh.url}/api/health`)).status).toBe(200);
        nodes.splice(i, 0, fresh);
        proxy.setUpstreams(nodes.map((n) => n.url));
        await traffic.until(100);
      }
      await traffic.stop();
      expect(traffic.acked.failed).toEqual([]);
      expect((await results(proxy.url)).participantsHere).toBe(traffic.acked.voters.length);
      expect((await figures(proxy.url)).today).toBe(traffic.acked.visits);
    } finally {
      await traffic.stop();
      await proxy.close();
      await Promise.all(nodes.map((n) => n.close()));
      await target.dispose();
    }
  });

  test("kill -9 of one node under load loses no acknowledged vote or visit", async () => {
    const target = await backend.create();
    const [a, b] = await Promise.all([node(target), node(target)]);
    const proxy = await startRoundRobin([a!.url, b!.url]);
    const traffic = load(() => proxy.url);
    try {
      await traffic.until(300);
      a!.process.kill("SIGKILL");
      // The balancer notices the dead node (its requests in flight fail) and stops sending there.
      proxy.setUpstreams([b!.url]);
      await traffic.until(100);
      await traffic.stop();
      expect(a!.process.signalCode).toBe("SIGKILL");
      const store = await target.open();
      try {
        for (const id of traffic.acked.voters)
          expect(await store.polls.voteOf(POLL, sha(id))).toBe("huu-ich");
        const { total } = await store.visits.visitTotals("0000-00-00");
        expect(total).toBeGreaterThanOrEqual(traffic.acked.visits);
        expect(total).toBeLessThanOrEqual(traffic.acked.sent);
      } finally {
        await store.close();
      }
    } finally {
      await traffic.stop();
      await proxy.close();
      await Promise.all([a!.close(), b!.close()]);
      await target.dispose();
    }
  });
});
