// Starts the real portal server (src/server/main.ts) on a free port with a temporary database.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../..");
/** The build under test; DIST_DIR lets parallel work use its own build folder. */
export const DIST = resolve(ROOT, process.env.DIST_DIR ?? "dist");

export type RunningServer = {
  url: string;
  process: ChildProcess;
  databasePath: string;
  /** SIGTERM and wait for exit; removes the temporary folder unless `keepData`. */
  close: () => Promise<void>;
};

export async function startServer(
  options: { env?: Record<string, string>; databasePath?: string; keepData?: boolean } = {},
): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), "portal-test-"));
  const databasePath = options.databasePath ?? join(dir, "portal.sqlite");
  const child = spawn(process.execPath, [resolve(ROOT, "src/server/main.ts")], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: "0",
      DIST_DIR: DIST,
      DATABASE_PATH: databasePath,
      RATE_LIMIT_PER_MINUTE: "0",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    // Generous: five engineers' tests share two cores here; a node that never starts is killed.
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`server did not start: ${stderr}`));
    }, 60000);
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const match = out.match(/Listening on (http:\/\/[^\s]+)/);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!.replace(/\/$/, ""));
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${stderr}`));
    });
  });
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    }
    if (!options.keepData) rmSync(dir, { recursive: true, force: true });
  };
  return { url, process: child, databasePath, close };
}
