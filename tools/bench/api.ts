// `npm run bench:api`: POST /api/visits from many distinct visitors against the portal server
// on SQLite, on PostgreSQL, two portal nodes on PostgreSQL behind a round-robin proxy, and a
// bare node:http handler doing the same SQLite write; alternating, servers as children. Then
// 200 concurrent voters split across two nodes, counted exactly.
// With `--serve-bare <db>` this file is that bare handler; with `--signin-storm`, it measures
// static pages during a storm of wrong sign-ins instead (lib/signin-storm.ts).
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:http";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { hash } from "node:crypto";
import autocannon from "autocannon";
import postgres from "postgres";
import { isoDateInVietnam } from "../../src/lib/format.ts";
import { openSqliteStore } from "../../src/server/store/sqlite.ts";
import { startRoundRobin, type RoundRobin } from "./lib/round-robin.ts";
import { signinStorm, stormSection } from "./lib/signin-storm.ts";
import { startPgCluster, type PgCluster } from "../../tests/helpers/pg-cluster.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const AMOUNT = Number(process.env.BENCH_AMOUNT ?? 20000);
const CONNECTIONS = 50;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const WARMUP = 2000;
const UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36";
const VISITOR_SECRET = "bench-secret-shared-by-every-node-0123456789";
const VOTERS = 200;

function serveBare(): void {
  // The baseline: parse the same JSON body and commit the same upsert, nothing else.
  const store = openSqliteStore(process.argv[3]!);
  const server = createServer((req, res) => {
    if (req.method !== "POST" || req.url !== "/api/visits") {
      res.writeHead(404).end();
      return;
    }
    let body = "";
    req.on("data", (d: Buffer) => (body += d));
    req.on("end", () => {
      const path = (JSON.parse(body) as { path?: unknown }).path;
      if (typeof path !== "string") {
        res.writeHead(400).end();
        return;
      }
      // The portal's write for a page view: the visitor's key with its expiry, and the visit.
      const address = String(req.headers["x-forwarded-for"] ?? "");
      const at = Date.now();
      const key = hash("sha256", `${address}\n${req.headers["user-agent"] ?? ""}`, "base64url");
      store.visits.recordView({ key, day: isoDateInVietnam(new Date(at)), at }).then(
        (t) => {
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify(t));
        },
        () => res.writeHead(500).end(),
      );
    });
  });
  server.listen(0, "127.0.0.1", () => {
    console.log(`Listening on http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  });
  process.on("SIGTERM", () => server.close(() => void store.close().then(() => process.exit(0))));
}

type Kind = "portal" | "bare" | "portal-pg" | "two-nodes";
const KINDS: Kind[] = ["portal", "bare", "portal-pg", "two-nodes"];
const LABELS: Record<Kind, string> = {
  portal: "portal (Hono, src/server), SQLite",
  bare: "bare node:http, same SQLite write",
  "portal-pg": "portal, PostgreSQL",
  "two-nodes": "two portal nodes, PostgreSQL, round-robin proxy",
};
/** Servers still running, stopped if this process ends early. */
const children = new Set<ChildProcess>();
process.on("exit", () => children.forEach((c) => c.kill("SIGKILL")));
type Run = {
  kind: Kind;
  rate: number;
  p50: number;
  p99: number;
  ok: number;
  stored: number;
  /** Server CPU time (user + system, every node) per measured request, µs; NaN without /proc. */
  cpuUs: number;
};

/** A process's user + system CPU time in ms, from /proc (clock ticks are 10 ms on Linux). */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

function start(
  kind: "portal" | "bare",
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess }> {
  const args =
    kind === "portal"
      ? [join(ROOT, "src/server/main.ts")]
      : [join(ROOT, "tools/bench/api.ts"), "--serve-bare", env.DATABASE_PATH!];
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: "0",
      TRUST_PROXY: "1",
      RATE_LIMIT_PER_MINUTE: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.add(child);
  child.once("exit", () => children.delete(child));
  return new Promise((resolveUrl, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d;
      const m = out.match(/Listening on (http:\/\/\S+?)\/?\s/);
      if (m) resolveUrl({ url: m[1]!, child });
    });
    child.once("exit", (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

/** A running system under test: its URL, its server processes, and the visits it stored. */
type Target = {
  url: string;
  nodes: ChildProcess[];
  stored(): Promise<number>;
  stop(): Promise<void>;
};

let databases = 0;
/** A fresh PostgreSQL database on the benchmark's cluster. */
async function pgDatabase(cluster: PgCluster): Promise<string> {
  const name = `bench_${process.pid}_${databases++}`;
  const admin = postgres(cluster.url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(cluster.url);
  url.pathname = `/${name}`;
  return url.toString();
}

async function pgVisits(url: string): Promise<number> {
  const sql = postgres(url, { max: 1 });
  const [row] = await sql`SELECT COALESCE(SUM(visits), 0) AS n FROM visit_days`;
  await sql.end();
  return Number(row!.n);
}

async function setUp(kind: Kind, dir: string, round: number, cluster: PgCluster): Promise<Target> {
  if (kind === "portal" || kind === "bare") {
    const db = join(dir, `${kind}-${round}.sqlite`);
    const { url, child } = await start(kind, { DATABASE_PATH: db });
    return {
      url,
      nodes: [child],
      async stored() {
        const reader = new DatabaseSync(db, { readOnly: true });
        const row = reader.prepare("SELECT COALESCE(SUM(visits), 0) AS n FROM visit_days").get();
        reader.close();
        return Number((row as { n: number }).n);
      },
      stop: () => stop(child),
    };
  }
  const db = await pgDatabase(cluster);
  const env = { DATABASE_URL: db, VISITOR_SECRET };
  const count = kind === "two-nodes" ? 2 : 1;
  // Started one after the other: both run the migrations otherwise (safely, under a lock).
  const nodes: { url: string; child: ChildProcess }[] = [];
  for (let i = 0; i < count; i++) nodes.push(await start("portal", env));
  const proxy: RoundRobin | undefined =
    count > 1 ? await startRoundRobin(nodes.map((n) => n.url)) : undefined;
  return {
    url: proxy?.url ?? nodes[0]!.url,
    nodes: nodes.map((n) => n.child),
    stored: () => pgVisits(db),
    async stop() {
      await proxy?.close();
      await Promise.all(nodes.map((n) => stop(n.child)));
    },
  };
}

let visitor = 0;
async function load(url: string, amount: number) {
  return autocannon({
    url,
    amount,
    connections: CONNECTIONS,
    // autocannon notices the end of a fixed amount on its sampling tick; 1 s would round runs up.
    sampleInt: 10,
    requests: [
      {
        method: "POST",
        path: "/api/visits",
        body: '{"path":"/tin-tuc/"}',
        // A distinct visitor per request: the proxy header the portal trusts with TRUST_PROXY=1.
        setupRequest: (req) => {
          const n = visitor++;
          return {
            ...req,
            headers: {
              "content-type": "application/json",
              "user-agent": UA,
              "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
            },
          };
        },
      },
    ],
  });
}

async function measure(kind: Kind, dir: string, round: number, cluster: PgCluster): Promise<Run> {
  const target = await setUp(kind, dir, round, cluster);
  const cpu = () => target.nodes.reduce((sum, c) => sum + cpuMs(c.pid!), 0);
  const warm = await load(target.url, WARMUP);
  const cpuBefore = cpu();
  const r = await load(target.url, AMOUNT);
  const cpuUs = ((cpu() - cpuBefore) * 1000) / AMOUNT;
  await target.stop();
  return {
    kind,
    rate: r["2xx"] / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    ok: r["2xx"],
    stored: (await target.stored()) - warm["2xx"],
    cpuUs,
  };
}

/** 200 browsers voting at once, split across two nodes on one PostgreSQL database. */
async function concurrentVoters(cluster: PgCluster): Promise<{ created: number; counted: number }> {
  const db = await pgDatabase(cluster);
  const env = { DATABASE_URL: db, VISITOR_SECRET };
  const a = await start("portal", env);
  const b = await start("portal", env);
  try {
    const answers = await Promise.all(
      Array.from({ length: VOTERS }, (_, i) =>
        fetch(`${i % 2 ? a.url : b.url}/api/polls/danh-gia-website/votes`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: '{"optionId":"huu-ich"}',
        }).then((res) => res.status),
      ),
    );
    const sql = postgres(db, { max: 1 });
    const [row] = await sql`SELECT COUNT(*) AS n FROM poll_votes`;
    await sql.end();
    return { created: answers.filter((s) => s === 201).length, counted: Number(row!.n) };
  } finally {
    await Promise.all([stop(a.child), stop(b.child)]);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The section's text: the table of medians, then each target and check. */
function reportOf(
  runs: Run[],
  voters: { created: number; counted: number },
  pgVersion: string,
): string {
  const summary = (kind: Kind) => {
    const rs = runs.filter((r) => r.kind === kind);
    return {
      rate: median(rs.map((r) => r.rate)),
      p50: median(rs.map((r) => r.p50)),
      p99: median(rs.map((r) => r.p99)),
      cpuUs: median(rs.map((r) => r.cpuUs)),
      exact: rs.every((r) => r.ok === AMOUNT && r.stored === r.ok),
      ok: rs.map((r) => r.ok).join("/"),
      stored: rs.map((r) => r.stored).join("/"),
    };
  };
  const s = Object.fromEntries(KINDS.map((k) => [k, summary(k)])) as Record<
    Kind,
    ReturnType<typeof summary>
  >;
  const ratio = (k: Kind) => (s[k].rate / s.bare.rate).toFixed(2);
  const verdict = (pass: boolean) => (pass ? "met" : "NOT met");
  const lines = [
    `| server | req/s (median of ${ROUNDS}) | × bare | p50 ms | p99 ms | server CPU µs per request | 2xx per run | stored per run |`,
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ...KINDS.map(
      (k) =>
        `| ${LABELS[k]} | ${s[k].rate.toFixed(0)} | ${ratio(k)} | ${s[k].p50} | ${s[k].p99} | ${s[k].cpuUs.toFixed(0)} | ${s[k].ok} | ${s[k].stored} |`,
    ),
  ];
  return [
    `POST /api/visits, ${AMOUNT} requests per run (after ${WARMUP} warm-up), ${CONNECTIONS} connections, a distinct visitor per request (X-Forwarded-For, TRUST_PROXY=1), fresh database per run (PostgreSQL ${pgVersion}: a throwaway local cluster, fsync off), runs alternating. Every server records the visitor's key with its expiry and the visit; the two nodes share VISITOR_SECRET, and their CPU is summed.`,
    "",
    ...lines,
    "",
    `- portal (SQLite) / bare rate: ${ratio("portal")} (target ≥ 0.70: ${verdict(Number(ratio("portal")) >= 0.7)})`,
    `- server CPU per request, portal / bare: ${(s.portal.cpuUs / s.bare.cpuUs).toFixed(2)} (less disturbed than the rates by other work on the machine)`,
    `- portal p99: ${s.portal.p99} ms (target < 50 ms: ${verdict(s.portal.p99 < 50)}); PostgreSQL ${s["portal-pg"].p99} ms; two nodes ${s["two-nodes"].p99} ms`,
    `- stored visits equal 2xx answers in every run: ${KINDS.every((k) => s[k].exact) ? "yes" : "NO"}`,
    `- ${VOTERS} concurrent voters split across two nodes on one PostgreSQL database: ${voters.created} answered 201, ${voters.counted} votes stored (${voters.created === VOTERS && voters.counted === VOTERS ? "exact" : "NOT exact"})`,
  ].join("\n");
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "bench-api-"));
  const cluster = await startPgCluster();
  const version = postgres(cluster.url, { max: 1 });
  const [{ server_version: pgVersion }] = (await version`SHOW server_version`) as unknown as [
    { server_version: string },
  ];
  await version.end();
  const runs: Run[] = [];
  let voters: { created: number; counted: number };
  try {
    for (let round = 0; round < ROUNDS; round++) {
      // Each round in another order, so no kind always runs first or last.
      const order = KINDS.map((_, i) => KINDS[(i + round) % KINDS.length]!);
      for (const kind of round % 2 === 0 ? order : order.reverse()) {
        const run = await measure(kind, dir, round, cluster);
        runs.push(run);
        console.log(
          `round ${round + 1} ${kind.padEnd(9)} ${run.rate.toFixed(0)} req/s  p50 ${run.p50} ms  p99 ${run.p99} ms  2xx ${run.ok}  stored ${run.stored}  server CPU ${run.cpuUs.toFixed(0)} µs/req`,
        );
      }
    }
    voters = await concurrentVoters(cluster);
  } finally {
    cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const report = reportOf(runs, voters, pgVersion);
  console.log(`\n${report}`);
  if (process.env.BENCH_WRITE !== "0") writeSection(report);
}

/** Replaces (or appends) only this benchmark's section of BENCHMARKS.md. */
function writeSection(report: string, heading = "## API (bench:api)"): void {
  const file = join(ROOT, "BENCHMARKS.md");
  const section = `${heading}\n\n_Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:api\` on this machine (${
    process.env.BENCH_MACHINE ?? "2 cores"
  }, Node ${process.version})._\n\n${report}\n`;
  const text = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
  const start = text.indexOf(heading);
  let next: string;
  if (start === -1) next = `${text.trimEnd()}\n\n${section}`;
  else {
    const after = text.indexOf("\n## ", start + heading.length);
    next = `${text.slice(0, start)}${section}${after === -1 ? "" : `\n${text.slice(after + 1)}`}`;
  }
  writeFileSync(file, next);
  console.log(`Wrote "${heading}" in BENCHMARKS.md`);
}

async function stormMain(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "bench-storm-"));
  try {
    const r = await signinStorm(ROOT, dir, (env) => start("portal", env), stop);
    const report = stormSection(r);
    console.log(report);
    if (process.env.BENCH_WRITE !== "0") writeSection(report, "## Sign-in storm (bench:api)");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--serve-bare") serveBare();
else if (process.argv[2] === "--signin-storm") await stormMain();
else await main();
