// The portal's real server (src/server/main.ts) on a free port over a build, for a benchmark.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../../..");

export type BenchServer = { url: string; stop: () => Promise<void> };

/** `port` 0 (the default) takes any free port; a shared machine may assign each user a range. */
export async function serveBuild(dist: string, port = 0): Promise<BenchServer> {
  const dir = mkdtempSync(join(tmpdir(), "bench-pages-"));
  const child = spawn(process.execPath, [join(ROOT, "src/server/main.ts")], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: String(port),
      DIST_DIR: dist,
      DATABASE_PATH: join(dir, "bench.sqlite"),
      RATE_LIMIT_PER_MINUTE: "0",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((ok, fail) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const listening = /Listening on (http:\/\/[\d.]+:\d+)/.exec(out);
      if (listening) ok(listening[1]!);
    });
    child.on("exit", (code) => fail(new Error(`server exited (${code}): ${out}`)));
  });
  const stop = () =>
    new Promise<void>((done) => {
      child.once("exit", () => {
        rmSync(dir, { recursive: true, force: true });
        done();
      });
      child.kill("SIGTERM");
    });
  return { url, stop };
}
