// The staged build of a publication: `npm run build -- --no-swap` as a child process (the
// project's own code over the checkout's content/news and data), stopped after a time limit.
// It leaves the checked build in <dist>-staging; the publisher swaps it in after the commit.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { formatNumber } from "../../lib/format.ts";

export type BuildSpec = {
  /** The project (its src/cli/build.ts and node_modules). */
  root: string;
  /** The content checkout: NEWS_DIR and DATA_DIR inside it. */
  publishDir: string;
  /** The served dist/ (ASTRO_OUT_DIR); the build writes <distDir>-staging. */
  distDir: string;
  cacheDir?: string;
  timeoutMs: number;
  /** Aborted: the build is stopped at once (the server is shutting down). */
  signal?: AbortSignal;
};

export type BuildOutcome = { ok: true } | { ok: false; message: string };

/** Lines that say where a problem is: "file:line[:col] …", the build's own form. */
const LOCATED = /^\S+\.[a-z]+:\d+(:\d+)?\s/i;
/** Lines that state an error: Astro's "[ERROR]", a thrown "Error:", the checks' Vietnamese. */
const ERROR = /\[ERROR\]|\bError:|\blỗi\b|^Đã dừng/i;
/** Astro's progress lines (routes generated): never the reason. */
const PROGRESS = /[├└]─/;
const MAX_LINES = 30;
const MAX_LINE_CHARS = 600;

/**
 * The build's error lines, for the editor: each located or error line and the indented lines
 * after it (not stack frames), without duplicates, paths relative to the checkout. Without any,
 * the last lines.
 */
export function errorLines(output: string, publishDir: string): string {
  const lines = stripVTControlCharacters(output)
    .split("\n")
    .map((l) => l.replaceAll(`${publishDir}/`, "").trimEnd())
    .filter((l) => l.trim() !== "" && !PROGRESS.test(l));
  const kept = new Set<string>();
  let inProblem = false;
  for (const line of lines) {
    if (LOCATED.test(line) || ERROR.test(line)) inProblem = true;
    else if (!/^\s/.test(line) || /^\s+(at\s|Stack trace:|Hint:)/.test(line)) inProblem = false;
    if (inProblem) kept.add(line.slice(0, MAX_LINE_CHARS));
  }
  const shown = kept.size > 0 ? [...kept] : lines.slice(-8);
  return shown.slice(-MAX_LINES).join("\n");
}

export function runBuild(spec: BuildSpec): Promise<BuildOutcome> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEWS_DIR: join(spec.publishDir, "content/news"),
    DATA_DIR: join(spec.publishDir, "data"),
    ASTRO_OUT_DIR: spec.distDir,
    ...(spec.cacheDir ? { ASTRO_CACHE_DIR: spec.cacheDir } : {}),
    // The server's builds never phone home (no network at build time).
    ASTRO_TELEMETRY_DISABLED: "1",
  };
  delete env.BUILD_REPORT;
  const child = spawn(process.execPath, [join(spec.root, "src/cli/build.ts"), "--no-swap"], {
    cwd: spec.root,
    env,
    // Its own process group: on timeout the build and Astro under it are stopped together.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString("utf8");
    if (output.length > 1_000_000) output = output.slice(-500_000);
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  let timedOut = false;
  const stop = () => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      child.kill("SIGKILL");
    }
  };
  const timer = setTimeout(() => {
    timedOut = true;
    stop();
  }, spec.timeoutMs);
  spec.signal?.addEventListener("abort", stop, { once: true });
  return new Promise((done) => {
    child.on("error", (error) => (output += `\n${error.message}`));
    child.on("close", (status) => {
      clearTimeout(timer);
      spec.signal?.removeEventListener("abort", stop);
      if (status === 0 && !timedOut && !spec.signal?.aborted) return done({ ok: true });
      if (spec.signal?.aborted) {
        return done({
          ok: false,
          message:
            "Máy chủ dừng giữa chừng nên bản dựng bị huỷ; không có gì được đăng. Mời gửi lại.",
        });
      }
      const message = timedOut
        ? `Bản dựng chạy quá ${formatNumber(spec.timeoutMs / 1000)} giây nên đã bị dừng; không có gì được đăng. Mời thử lại sau ít phút, hoặc báo người quản trị.`
        : `Bản dựng dừng vì lỗi; không có gì được đăng.\n${errorLines(output, spec.publishDir)}`;
      done({ ok: false, message });
    });
  });
}
