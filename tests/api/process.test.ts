// The server process: refuses to start without a usable database or valid polls; re-reads polls
// on SIGHUP; stops on SIGTERM.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

  it("re-reads poll files on SIGHUP: a poll closed by its file refuses votes; a bad file changes nothing", async () => {
    writeFakeDist(join(dir, "dist"));
    const polls = join(dir, "polls-live");
    mkdirSync(polls, { recursive: true });
    const file = join(polls, "danh-gia-website.json");
    copyFileSync(join(ROOT, "content/polls/danh-gia-website.json"), file);
    const server = await startServer({ env: { DIST_DIR: join(dir, "dist"), POLLS_DIR: polls } });
    let out = "";
    let err = "";
    server.process.stdout!.on("data", (d: Buffer) => (out += d.toString()));
    server.process.stderr!.on("data", (d: Buffer) => (err += d.toString()));
    /** Sends SIGHUP and waits for the server's answer in its log. */
    const hangUp = async (stream: () => string) => {
      const seen = stream().length;
      server.process.kill("SIGHUP");
      await expect.poll(() => stream().slice(seen), { timeout: 10000 }).toContain("SIGHUP: ");
      return stream().slice(seen);
    };
    const vote = (optionId: string) =>
      fetch(`${server.url}/api/polls/danh-gia-website/votes`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ optionId }),
      });
    try {
      expect((await vote("huu-ich")).status).toBe(201);

      const poll = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
      writeFileSync(file, JSON.stringify({ ...poll, closesAt: "2024-01-01T00:00:00+07:00" }));
      expect(await hangUp(() => out)).toContain("Loaded 1 poll(s): danh-gia-website (closed)");
      const refused = await vote("de-su-dung");
      expect(refused.status).toBe(403);
      expect(await refused.json()).toEqual({ error: "poll is closed" });
      const results = (await (await fetch(`${server.url}/api/polls/danh-gia-website`)).json()) as {
        open: boolean;
        participantsHere: number;
      };
      expect(results).toMatchObject({ open: false, participantsHere: 1 });

      // An invalid file: the error is logged and the server keeps the polls it had.
      writeFileSync(file, "{ not json");
      const logged = await hangUp(() => err);
      expect(logged).toContain(`${polls}/danh-gia-website.json: not valid JSON`);
      expect(logged).toContain(
        "Polls not reloaded; still serving 1 poll(s): danh-gia-website (closed)",
      );
      expect((await vote("de-su-dung")).status).toBe(403);
      expect(server.process.exitCode).toBeNull();

      // Reopened: votes are taken again.
      writeFileSync(file, JSON.stringify(poll));
      expect(await hangUp(() => out)).toContain("danh-gia-website (open)");
      expect((await vote("de-su-dung")).status).toBe(201);
    } finally {
      await server.close();
    }
  });
});
