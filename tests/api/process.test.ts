// The server process: refuses to start without a usable database or valid polls; stops on SIGTERM.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startServer } from "../helpers/server.ts";
import { writeFakeDist } from "./harness.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "portal-proc-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(env: Record<string, string>) {
  return spawnSync(process.execPath, [join(ROOT, "src/server/main.ts")], {
    env: { ...process.env, PORT: "0", DIST_DIR: join(dir, "dist"), ...env },
    encoding: "utf8",
    timeout: 20000,
  });
}

describe("server process", () => {
  it("stops with a clear message when the database cannot be opened", () => {
    writeFileSync(join(dir, "garbage.sqlite"), "not a database ".repeat(200));
    const result = run({ DATABASE_PATH: join(dir, "garbage.sqlite") });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `Cannot open or write the database at ${join(dir, "garbage.sqlite")}`,
    );
    expect(result.stdout).not.toContain("Listening");
  });

  it("stops naming the file and field when a poll definition is invalid", () => {
    const polls = join(dir, "polls");
    mkdirSync(polls, { recursive: true });
    writeFileSync(
      join(polls, "hong.json"),
      JSON.stringify({ id: "hong", question: "?", options: [] }),
    );
    const result = run({ DATABASE_PATH: join(dir, "ok.sqlite"), POLLS_DIR: polls });
    expect(result.status).toBe(1);
    // POLLS_DIR is outside the working folder: the message names the real file, not content/polls.
    expect(result.stderr).toContain(`${polls}/hong.json: options: Too small`);
    expect(result.stderr).not.toContain("content/polls");
  });

  it("refuses an invalid configuration", () => {
    const result = run({ DATABASE_PATH: join(dir, "ok.sqlite"), TRUST_PROXY: "yes" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Invalid server configuration: TRUST_PROXY");
  });

  it("exits 0 on SIGTERM after answering", async () => {
    writeFakeDist(join(dir, "dist"));
    const server = await startServer({ env: { DIST_DIR: join(dir, "dist") } });
    expect((await fetch(`${server.url}/`)).status).toBe(200);
    const exited = new Promise<number | null>((r) =>
      server.process.once("exit", (code) => r(code)),
    );
    server.process.kill("SIGTERM");
    expect(await exited).toBe(0);
    await server.close();
  });
});
