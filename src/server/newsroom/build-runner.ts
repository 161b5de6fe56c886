// The staged build of a publication: `npm run build -- --no-swap` as a child process (the
// project's own code over the checkout's content/news and data), stopped after a time limit.
// It leaves the checked build in <dist>-staging; the publisher swaps it in after the commit.
import { spawn } from "node:child_process";
import { join } from "node:path";

export type BuildSpec = {
  /** The project (its src/cli/build.ts and node_modules). */
  root: string;
  /** The content checkout: NEWS_DIR and DATA_DIR inside it. */
  publishDir: string;
  /** The served dist/ (ASTRO_OUT_DIR); the build writes <distDir>-staging. */
  distDir: string;
  cacheDir?: string;
  timeoutMs: number;
};

export type BuildOutcome = { ok: true } | { ok: false; message: string };

/** Lines that say where a problem is: "file:line[:col] …", the build's own form. */
const LOCATED = /^\S+:\d+(:\d+)?\s/;
const MAX_MESSAGE_LINES = 40;

/**
 * The build's error lines: each located line and the indented lines after it, then the build's
 * own summary; paths shown relative to the checkout. Without a located line, the last lines.
 */
export function errorLines(output: string, publishDir: string): string {
  const lines = output
    .split("\n")
    .map((l) => l.replaceAll(`${publishDir}/`, "").trimEnd())
    .filter((l) => l !== "");
  const kept: string[] = [];
  let inProblem = false;
  for (const line of lines) {
    if (LOCATED.test(line)) inProblem = true;
    else if (!/^\s/.test(line)) inProblem = false;
    if (inProblem) kept.push(line);
  }
  const tail = lines.filter((l) => !LOCATED.test(l) && !/^\s/.test(l)).slice(-2);
  const shown = kept.length > 0 ? [...kept.slice(0, MAX_MESSAGE_LINES), ...tail] : lines.slice(-12);
  return shown.join("\n");
}

export function runBuild(spec: BuildSpec): Promise<BuildOutcome> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEWS_DIR: join(spec.publishDir, "content/news"),
    DATA_DIR: join(spec.publishDir, "data"),
    ASTRO_OUT_DIR: spec.distDir,
    ...(spec.cacheDir ? { ASTRO_CACHE_DIR: spec.cacheDir } : {}),
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
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      child.kill("SIGKILL");
    }
  }, spec.timeoutMs);
  return new Promise((done) => {
    child.on("error", (error) => (output += `\n${error.message}`));
    child.on("close", (status) => {
      clearTimeout(timer);
      if (status === 0 && !timedOut) return done({ ok: true });
      const minutes = Math.round(spec.timeoutMs / 60_000);
      const message = timedOut
        ? `Bản dựng chạy quá ${minutes} phút nên đã bị dừng; không có gì được đăng. Mời thử lại sau ít phút, hoặc báo người quản trị.`
        : `Bản dựng dừng vì lỗi; không có gì được đăng.\n${errorLines(output, spec.publishDir)}`;
      done({ ok: false, message });
    });
  });
}
