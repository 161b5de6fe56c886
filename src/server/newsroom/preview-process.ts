// The renderer's process seen from the server: started with Node's permission model (it may read
// the code, the articles and the data, write only its own work folder, and start no process or
// thread), without network where Linux allows (unshare -rn), with a minimal environment (no
// database address or secret), and requests over IPC. A crash or a kill answers whatever was
// waiting; the server process itself is never at risk.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { dirname, join } from "node:path";
import type { PreviewResult } from "./preview-types.ts";

export type PreviewRequest = { id: number; mdx: string; slug: string };
export type ChildMessage =
  | { type: "ready" }
  | { type: "failed"; message: string }
  | { type: "result"; id: number; result: PreviewResult };

export type RendererPaths = { root: string; newsDir: string; dataDir: string; workDir: string };

export type RendererProcess = {
  /** Resolves when the renderer can take requests; rejects with a Vietnamese message. */
  ready: Promise<void>;
  render(mdx: string, slug: string): Promise<PreviewResult>;
  /** Kills it at once (a timeout, an idle renderer, the data changed, the server stops). */
  stop(): void;
  readonly running: boolean;
  readonly pid: number | undefined;
};

const CRASHED =
  "Trình dựng bản xem trước dừng bất ngờ; bài chưa được xem trước. Bấm Xem trước lần nữa.";

function childEnv(paths: RendererPaths): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: paths.workDir,
    TMPDIR: paths.workDir,
    TZ: process.env.TZ,
    NODE_ENV: "production",
    NEWS_DIR: paths.newsDir,
    DATA_DIR: paths.dataDir,
    ASTRO_CACHE_DIR: join(paths.workDir, "astro"),
    ASTRO_TELEMETRY_DISABLED: "1",
  };
  // The canonical address the published pages carry.
  if (process.env.SITE_URL) env.SITE_URL = process.env.SITE_URL;
  return env;
}

/** What the renderer reads of the project: not var/ (the staff database) nor the content checkout's git. */
const PROJECT_FILES = [
  "src",
  "node_modules",
  "public",
  "astro.config.mjs",
  "package.json",
  "tsconfig.json",
  "content",
  ".astro/settings.json",
];

/** What Vite and its helpers look at to learn the system (existsSync throws when not allowed). */
const SYSTEM_PROBES = [
  "/proc/sys/fs/binfmt_misc/WSLInterop",
  "/run/WSL",
  "/proc/version",
  "/.dockerenv",
];

/** The files Vite looks for in the project and above it to find a workspace root. */
function workspaceProbes(root: string): string[] {
  const probes: string[] = [];
  for (let dir = root; ; dir = dirname(dir)) {
    probes.push(...["pnpm-workspace.yaml", "lerna.json", "package.json"].map((n) => join(dir, n)));
    if (dirname(dir) === dir) return probes;
  }
}

function permissionFlags(paths: RendererPaths): string[] {
  const project = PROJECT_FILES.map((name) => join(paths.root, name));
  const reads = [...project, paths.newsDir, paths.dataDir, paths.workDir];
  reads.push(...SYSTEM_PROBES, ...workspaceProbes(paths.root));
  return [
    "--permission",
    ...reads.map((dir) => `--allow-fs-read=${dir}`),
    `--allow-fs-write=${paths.workDir}`,
    // Vite's and Astro's compilers are native modules of the project.
    "--allow-addons",
  ];
}

let isolation: string[] | undefined;

/**
 * `unshare -rn`: on Linux, the renderer in a network namespace of its own with no interface up,
 * so it has no network whatever it runs (Node 24's permission model has no switch for it). Where
 * user namespaces are not allowed the renderer runs without, behind preview-child.ts's guards.
 */
export function networkIsolation(): string[] {
  isolation ??=
    spawnSync("unshare", ["-rn", "true"], { stdio: "ignore" }).status === 0
      ? ["unshare", "-rn", "--"]
      : [];
  return isolation;
}

function spawnRenderer(paths: RendererPaths): ChildProcess {
  const script = join(paths.root, "src/server/newsroom/preview-child.ts");
  const node = [process.execPath, ...permissionFlags(paths), script, paths.root, paths.workDir];
  // unshare execs node in its own place, so the pid is node's.
  const [command, ...args] = [...networkIsolation(), ...node];
  return spawn(command!, args, {
    cwd: paths.root,
    env: childEnv(paths),
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
}

type Answers = Map<number, (result: PreviewResult) => void>;

/** Wires the child's messages and exit to its readiness and to the previews waiting on it. */
function listen(child: ChildProcess, ready: PromiseWithResolvers<void>, answers: Answers) {
  const state = { running: true, stderr: "" };
  child.stderr?.on("data", (chunk: Buffer) => {
    state.stderr = (state.stderr + String(chunk)).slice(-2000);
  });
  child.on("message", (message: ChildMessage) => {
    if (message.type === "ready") ready.resolve();
    else if (message.type === "failed") {
      state.running = false;
      ready.reject(new Error(`Không khởi động được trình dựng bản xem trước: ${message.message}`));
    } else {
      answers.get(message.id)?.(message.result);
      answers.delete(message.id);
    }
  });
  child.on("exit", () => {
    state.running = false;
    const said = state.stderr.trim().slice(-300);
    ready.reject(new Error(`${CRASHED}${said ? ` (${said})` : ""}`));
    for (const answer of answers.values()) answer({ ok: false, message: CRASHED });
    answers.clear();
  });
  return state;
}

export function startRendererProcess(paths: RendererPaths): RendererProcess {
  const child = spawnRenderer(paths);
  const ready = Promise.withResolvers<void>();
  ready.promise.catch(() => {});
  const answers: Answers = new Map();
  const state = listen(child, ready, answers);
  let nextId = 0;
  return {
    ready: ready.promise,
    render(mdx, slug) {
      if (!state.running) return Promise.resolve({ ok: false, message: CRASHED });
      const id = ++nextId;
      return new Promise((resolve) => {
        answers.set(id, resolve);
        child.send({ id, mdx, slug } satisfies PreviewRequest);
      });
    },
    stop() {
      if (state.running) child.kill("SIGKILL");
    },
    get running() {
      return state.running;
    },
    get pid() {
      return child.pid;
    },
  };
}
