// Run one cold `astro build` and measure its wall time and the peak memory of its process tree.
import { spawn, spawnSync } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
} from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";

const REPO = resolve(import.meta.dirname, "../../..");
const ASTRO_BIN = join(REPO, "node_modules/astro/bin/astro.mjs");
const PRELOAD = join(import.meta.dirname, "report-peak.ts");
const SAMPLE_MS = 50;

export interface BuildSpec {
  /** Astro project root (the portal: the repository; the baseline: .bench/bare). */
  root: string;
  outDir: string;
  cacheDir: string;
  newsDir: string;
  logFile: string;
  /** Empty folder bind-mounted over `<root>/.astro` so this build never touches a shared one. */
  privateDotAstro: string | undefined;
  /** Extra Node flags for the build process, e.g. --cpu-prof (untimed runs only). */
  nodeFlags?: string[];
  /** Extra environment for the build, e.g. which components the bare site provides. */
  env?: Record<string, string>;
}

export interface BuildMeasure {
  wallMs: number;
  /**
   * Best estimate of the tree's peak, the figure we report: the larger of the main process's
   * exact ru_maxrss and the largest tree-wide VmRSS sum seen in one sample.
   */
  peakBytes: number;
  /** Main ru_maxrss plus every child's VmHWM: an upper bound (children peak at other moments). */
  upperBoundBytes: number;
  mainMaxRssBytes: number;
  childPeakBytes: number;
  /** Largest sum of VmRSS over the tree seen in one 50 ms sample. */
  sampledTreeBytes: number;
  children: number;
  /** The child process with the highest peak, e.g. "git (31 MiB)": what the child figures are made of. */
  largestChild: string | undefined;
  /** CPU time (user + system) of the build process and its child processes. */
  cpuMs: number;
  /** Every sample: when (ms since the epoch) and the sum of VmRSS over the tree. */
  timeline: { t: number; bytes: number }[];
}

let unshareWorks: boolean | undefined;

/** True when this process may make a private mount namespace (Linux, root or user namespaces). */
export function canIsolateDotAstro(): boolean {
  unshareWorks ??= spawnSync("unshare", ["-m", "true"], { stdio: "ignore" }).status === 0;
  return unshareWorks;
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tasks) {
    try {
      const text = readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim();
      if (text) out.push(...text.split(/\s+/).map(Number));
    } catch {
      // The task ended between the listing and the read.
    }
  }
  return out;
}

function memoryOf(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kib = (key: string) =>
      Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
    return { rss: kib("VmRSS") * 1024, hwm: kib("VmHWM") * 1024 };
  } catch {
    return undefined;
  }
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

function cpuOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

function readCmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return "";
  }
}

function commandOf(pid: number): string {
  return readCmdline(pid).split("\0").slice(0, 3).join(" ").trim() || "?";
}

function tail(file: string, lines: number): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

export async function measureBuild(spec: BuildSpec): Promise<BuildMeasure> {
  rmSync(spec.outDir, { recursive: true, force: true });
  rmSync(spec.cacheDir, { recursive: true, force: true });
  return measureNode({
    label: `Build of ${spec.root}`,
    cwd: spec.root,
    script: [ASTRO_BIN, "build", "--root", spec.root],
    nodeFlags: spec.nodeFlags,
    logFile: spec.logFile,
    privateDotAstro:
      spec.privateDotAstro === undefined
        ? undefined
        : { dir: spec.privateDotAstro, target: join(spec.root, ".astro") },
    env: {
      ...spec.env,
      ASTRO_TELEMETRY_DISABLED: "1",
      ASTRO_OUT_DIR: spec.outDir,
      ASTRO_CACHE_DIR: spec.cacheDir,
      NEWS_DIR: spec.newsDir,
    },
  });
}

export interface NodeRunSpec {
  /** What failed, for the error: "Build of …". */
  label: string;
  cwd: string;
  /** The script and its arguments, after Node's own flags. */
  script: string[];
  nodeFlags?: string[] | undefined;
  logFile: string;
  /** Folder bind-mounted over `target` for this process only: emptied first unless `keep`. */
  privateDotAstro?: { dir: string; target: string; keep?: boolean } | undefined;
  env?: Record<string, string> | undefined;
}

/** Run one Node process to its end, measuring wall time, CPU time and the peak memory of its tree. */
export async function measureNode(spec: NodeRunSpec): Promise<BuildMeasure> {
  const peakFile = `${spec.logFile}.peak.json`;
  rmSync(peakFile, { force: true });

  const nodeArgs = [...(spec.nodeFlags ?? []), "--import", PRELOAD, ...spec.script];
  let command = process.execPath;
  let args = nodeArgs;
  if (spec.privateDotAstro !== undefined) {
    const { dir, target, keep = false } = spec.privateDotAstro;
    if (!keep) rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    if (!existsSync(target)) mkdirSync(target, { recursive: true });
    // unshare and sh exec in place, so the spawned pid ends up being the build's Node process.
    command = "unshare";
    const script = 'mount --bind "$1" "$2" || exit 97; shift 2; exec "$@"';
    args = ["-m", "--", "sh", "-c", script, "sh", dir, target];
    args.push(process.execPath, ...nodeArgs);
  }

  const log = openSync(spec.logFile, "w");
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: spec.cwd,
    stdio: ["ignore", log, log],
    env: { ...process.env, ...spec.env, BENCH_PEAK_FILE: peakFile },
  });
  const rootPid = child.pid!;
  const childPeaks = new Map<number, number>();
  const childNames = new Map<number, string>();
  const childCpu = new Map<number, number>();
  let sampledTree = 0;
  const timeline: { t: number; bytes: number }[] = [];
  let rootIsNode = false;
  let rootCommand = "";
  const sample = () => {
    // Until unshare/sh have exec'd into Node, their helpers (mount) are not the build's children.
    if (!rootIsNode) {
      try {
        rootIsNode = realpathSync(`/proc/${rootPid}/exe`) === realpathSync(process.execPath);
      } catch {
        return;
      }
      if (!rootIsNode) return;
      rootCommand = readCmdline(rootPid);
    }
    let sum = 0;
    // Each process with its parent's command line.
    const queue: [number, string][] = [[rootPid, ""]];
    while (queue.length > 0) {
      const [pid, parentCommand] = queue.pop()!;
      const memory = memoryOf(pid);
      if (memory === undefined) continue;
      // Between fork and exec a child still maps its parent's pages, which VmRSS counts again:
      // the build's own children (npm run build's steps) and theirs (git from Astro).
      const command = pid === rootPid ? rootCommand : readCmdline(pid);
      if (pid !== rootPid && (command === rootCommand || command === parentCommand)) continue;
      sum += memory.rss;
      if (pid !== rootPid) {
        childPeaks.set(pid, Math.max(childPeaks.get(pid) ?? 0, memory.hwm));
        if (!childNames.has(pid)) childNames.set(pid, commandOf(pid));
        childCpu.set(pid, Math.max(childCpu.get(pid) ?? 0, cpuOf(pid)));
      }
      for (const child of childrenOf(pid)) queue.push([child, command]);
    }
    sampledTree = Math.max(sampledTree, sum);
    timeline.push({ t: Date.now(), bytes: sum });
  };
  const timer = setInterval(sample, SAMPLE_MS);
  sample();
  const code = await new Promise<number | null>((done) => child.on("close", (c) => done(c)));
  const wallMs = performance.now() - started;
  clearInterval(timer);
  closeSync(log);

  if (code !== 0) {
    throw new Error(
      `${spec.label} failed (exit ${code}); log ${spec.logFile}:\n${tail(spec.logFile, 30)}`,
    );
  }
  if (!existsSync(peakFile))
    throw new Error(`${spec.label} did not report its peak memory (${peakFile}).`);
  const { maxRssKiB, cpuUs } = JSON.parse(readFileSync(peakFile, "utf8")) as {
    maxRssKiB: number;
    cpuUs: number;
  };
  const mainMaxRssBytes = maxRssKiB * 1024;
  const childPeakBytes = [...childPeaks.values()].reduce((a, b) => a + b, 0);
  return {
    wallMs,
    peakBytes: Math.max(mainMaxRssBytes, sampledTree),
    upperBoundBytes: mainMaxRssBytes + childPeakBytes,
    mainMaxRssBytes,
    childPeakBytes,
    sampledTreeBytes: sampledTree,
    children: childPeaks.size,
    largestChild: [...childPeaks]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 1)
      .map(([pid, hwm]) => `${childNames.get(pid)} (${Math.round(hwm / 2 ** 20)} MiB)`)[0],
    cpuMs: cpuUs / 1000 + [...childCpu.values()].reduce((a, b) => a + b, 0),
    timeline,
  };
}
