// `npm run bench:api -- --signin-storm`: static GET / latency while 100 wrong sign-ins run at
// once from 10 addresses, kept at 100 in flight for the whole measurement, against the portal
// on SQLite; and the same GET / with no storm, for comparison. Twice: with the defaults (the
// storm soon meets the throttle and the per-minute limit: cheap 429s), and with both raised so
// every attempt reaches the password checks, the worst case for the site.
import { execFileSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import autocannon from "autocannon";
import { hashPassword } from "../../../src/server/staff/password.ts";
import { openSqliteStore } from "../../../src/server/store/sqlite.ts";

export type StartServer = (
  env: Record<string, string>,
) => Promise<{ url: string; child: ChildProcess }>;

const IN_FLIGHT = 100;
const ADDRESSES = 10;
const SECONDS = Number(process.env.BENCH_STORM_SECONDS ?? 15);

type Latency = { p50: number; p99: number; rate: number };
type Storm = { label: string; idle: Latency; during: Latency; signins: Record<number, number> };

export type StormReport = { storms: Storm[]; passwordChecks: string; uptime: string };

const MODES: { label: string; env: Record<string, string> }[] = [
  {
    label: "defaults (throttle 10 per 15 min, 120 POSTs per minute per address)",
    env: { RATE_LIMIT_PER_MINUTE: "120" },
  },
  {
    label: "worst case (throttle 1,000, no per-minute limit)",
    env: { STAFF_SIGNIN_MAX_FAILURES: "1000" },
  },
];

/** A page as large as a built home page when there is no build. */
function distDir(root: string, dir: string): string {
  if (existsSync(join(root, "dist/index.html"))) return join(root, "dist");
  const dist = join(dir, "dist");
  mkdirSync(dist, { recursive: true });
  const body = "<p>Tin tức xây dựng Đảng.</p>".repeat(1500);
  writeFileSync(
    join(dist, "index.html"),
    `<!doctype html><html lang="vi"><body>${body}</body></html>`,
  );
  return dist;
}

async function staticGets(url: string) {
  const r = await autocannon({ url: `${url}/`, connections: 10, duration: SECONDS });
  return { p50: r.latency.p50, p99: r.latency.p99, rate: r.requests.average };
}

/** IN_FLIGHT loops, each sending a wrong sign-in again as soon as the last is answered. */
function startStorm(url: string) {
  const statuses: Record<number, number> = {};
  let running = true;
  const loop = async (i: number, form: { cookie: string; csrf: string }) => {
    while (running) {
      const res = await fetch(`${url}/quan-tri/dang-nhap`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          cookie: form.cookie,
          "x-forwarded-for": `10.9.0.${i % ADDRESSES}`,
        },
        body: new URLSearchParams({
          csrf: form.csrf,
          username: `ten${i}`,
          password: `sai-${i}`,
        }).toString(),
        redirect: "manual",
      });
      await res.arrayBuffer();
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    }
  };
  const started = (async () => {
    const res = await fetch(`${url}/quan-tri/`);
    const cookie = res.headers.getSetCookie()[0]!.split(";")[0]!;
    const csrf = (await res.text()).match(/name="csrf" value="([^"]+)"/)![1]!;
    await Promise.all(Array.from({ length: IN_FLIGHT }, (_, i) => loop(i, { cookie, csrf })));
  })();
  return {
    statuses,
    async stop() {
      running = false;
      await started;
    },
  };
}

export async function signinStorm(
  root: string,
  dir: string,
  start: StartServer,
  stop: (child: ChildProcess) => Promise<void>,
): Promise<StormReport> {
  const storms: Storm[] = [];
  for (const [i, mode] of MODES.entries()) {
    const db = join(dir, `storm-${i}.sqlite`);
    const store = openSqliteStore(db);
    await store.staff.putStaffAccount("bientap", await hashPassword("dung-mat-khau-1"), new Date());
    await store.close();
    const { url, child } = await start({
      DATABASE_PATH: db,
      DIST_DIR: distDir(root, dir),
      ...mode.env,
    });
    try {
      await staticGets(url); // warm-up: the page in the file cache, the JIT warm
      const idle = await staticGets(url);
      const storm = startStorm(url);
      const during = await staticGets(url);
      await storm.stop();
      storms.push({ label: mode.label, idle, during, signins: storm.statuses });
    } finally {
      await stop(child);
    }
  }
  return {
    storms,
    passwordChecks: process.env.STAFF_PASSWORD_CHECKS ?? "cores",
    uptime: execFileSync("uptime", { encoding: "utf8" }).trim(),
  };
}

export function stormSection(r: StormReport): string {
  const answers = (s: Storm) =>
    Object.entries(s.signins)
      .map(([status, n]) => `${n} × ${status}`)
      .join(", ");
  const row = (s: Storm, l: Latency, what: string) =>
    `| ${s.label} | ${what} | ${l.rate.toFixed(0)} | ${l.p50} | ${l.p99} |`;
  return [
    `Static \`GET /\` (autocannon, 10 connections, ${SECONDS} s) against the portal on SQLite, alone and while ${IN_FLIGHT} wrong sign-ins from ${ADDRESSES} addresses are kept in flight (each re-sent as soon as it is answered), STAFF_PASSWORD_CHECKS = ${r.passwordChecks}.`,
    "",
    "| settings | GET / | req/s | p50 ms | p99 ms |",
    "| --- | --- | --- | --- | --- |",
    ...r.storms.flatMap((s) => [row(s, s.idle, "alone"), row(s, s.during, "during the storm")]),
    "",
    ...r.storms.map(
      (s) =>
        `- ${s.label}: sign-in answers ${answers(s)}; static p99 during the storm ${s.during.p99} ms (target ≤ 50 ms: ${s.during.p99 <= 50 ? "met" : "NOT met"})`,
    ),
    `- machine load (\`uptime\` at the end): ${r.uptime}`,
  ].join("\n");
}
