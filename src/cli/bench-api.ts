// `npm run bench:api`: POST /api/visits from many distinct visitors against the portal server
// and a bare node:http handler doing the same SQLite write, alternating, servers as children.
// With `--serve-bare <db>` this file is that bare handler.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:http";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DatabaseSync } from "node:sqlite";
import autocannon from "autocannon";
import { isoDateInVietnam } from "../lib/format.ts";
import { openSqliteStore } from "../server/store/sqlite.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const AMOUNT = Number(process.env.BENCH_AMOUNT ?? 20000);
const CONNECTIONS = 50;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const WARMUP = 2000;
const UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36";

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
      store.recordVisit(isoDateInVietnam(new Date())).then(
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
  process.on("SIGTERM", () => server.close(() => (store.close(), process.exit(0))));
}

type Kind = "portal" | "bare";
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
  /** Server CPU time (user + system) per measured request, µs; NaN where /proc is missing. */
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

function start(kind: Kind, db: string): Promise<{ url: string; child: ChildProcess }> {
  const args =
    kind === "portal"
      ? [join(ROOT, "src/server/main.ts")]
      : [join(ROOT, "src/cli/bench-api.ts"), "--serve-bare", db];
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: "0",
      DATABASE_PATH: db,
      TRUST_PROXY: "1",
      RATE_LIMIT_PER_MINUTE: "0",
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

async function measure(kind: Kind, dir: string, round: number): Promise<Run> {
  const db = join(dir, `${kind}-${round}.sqlite`);
  const { url, child } = await start(kind, db);
  const warm = await load(url, WARMUP);
  const cpuBefore = cpuMs(child.pid!);
  const r = await load(url, AMOUNT);
  const cpuUs = ((cpuMs(child.pid!) - cpuBefore) * 1000) / AMOUNT;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
  const reader = new DatabaseSync(db, { readOnly: true });
  const row = reader.prepare("SELECT COALESCE(SUM(visits), 0) AS n FROM visit_days").get() as {
    n: number;
  };
  reader.close();
  return {
    kind,
    rate: r["2xx"] / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    ok: r["2xx"],
    stored: Number(row.n) - warm["2xx"],
    cpuUs,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "bench-api-"));
  const runs: Run[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const kind of round % 2 === 0
        ? (["portal", "bare"] as const)
        : (["bare", "portal"] as const)) {
        const run = await measure(kind, dir, round);
        runs.push(run);
        console.log(
          `round ${round + 1} ${kind.padEnd(6)} ${run.rate.toFixed(0)} req/s  p50 ${run.p50} ms  p99 ${run.p99} ms  2xx ${run.ok}  stored ${run.stored}  server CPU ${run.cpuUs.toFixed(0)} µs/req`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
  const portal = summary("portal");
  const bare = summary("bare");
  const ratio = portal.rate / bare.rate;
  const verdict = (pass: boolean) => (pass ? "met" : "NOT met");
  const lines = [
    `| server | req/s (median of ${ROUNDS}) | p50 ms | p99 ms | server CPU µs per request | 2xx per run | stored per run |`,
    "| --- | --- | --- | --- | --- | --- | --- |",
    `| portal (Hono, src/server) | ${portal.rate.toFixed(0)} | ${portal.p50} | ${portal.p99} | ${portal.cpuUs.toFixed(0)} | ${portal.ok} | ${portal.stored} |`,
    `| bare node:http, same write | ${bare.rate.toFixed(0)} | ${bare.p50} | ${bare.p99} | ${bare.cpuUs.toFixed(0)} | ${bare.ok} | ${bare.stored} |`,
  ];
  const report = [
    `POST /api/visits, ${AMOUNT} requests per run (after ${WARMUP} warm-up), ${CONNECTIONS} connections, a distinct visitor per request (X-Forwarded-For, TRUST_PROXY=1), fresh database per run, runs alternating.`,
    "",
    ...lines,
    "",
    `- portal / bare rate: ${ratio.toFixed(2)} (target ≥ 0.70: ${verdict(ratio >= 0.7)})`,
    `- server CPU per request, portal / bare: ${(portal.cpuUs / bare.cpuUs).toFixed(2)} (less disturbed than the rates by other work on the machine)`,
    `- portal p99: ${portal.p99} ms (target < 50 ms: ${verdict(portal.p99 < 50)})`,
    `- stored visits equal 2xx answers in every run: ${portal.exact && bare.exact ? "yes" : "NO"}`,
  ].join("\n");
  console.log(`\n${report}`);
  if (process.env.BENCH_WRITE !== "0") writeSection(report);
}

/** Replaces (or appends) only this benchmark's section of BENCHMARKS.md. */
function writeSection(report: string): void {
  const file = join(ROOT, "BENCHMARKS.md");
  const heading = "## API (bench:api)";
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

if (process.argv[2] === "--serve-bare") serveBare();
else await main();
