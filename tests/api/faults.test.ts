// Three faults found by probing the server: prototype lookups, client aborts logged as failures,
// and refused no-JavaScript votes answered with JSON.
import { connect } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "../helpers/server.ts";
import { POLL, startApp, writeFakeDist, type TestApp } from "./harness.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(() => t.close());

const form = { "content-type": "application/x-www-form-urlencoded" };

describe("request values are looked up as own properties only", () => {
  for (const name of ["constructor", "toString", "valueOf", "__proto__", "hasOwnProperty"]) {
    it(`/binh-chon/?ket-qua=${name} shows no outcome and no function source`, async () => {
      const res = await fetch(`${t.url}/binh-chon/?ket-qua=${name}&id=${name}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).not.toContain("native code");
      expect(html).not.toContain("function");
      expect(html).not.toContain("poll-status");
    });
  }

  it("a form field named like a prototype member is not an option", async () => {
    const before = t.counts().votes;
    const res = await fetch(`${t.url}/api/polls/${POLL}/votes`, {
      method: "POST",
      headers: form,
      body: "constructor=x&__proto__=y",
      redirect: "manual",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toContain("ket-qua=chua-chon");
    expect(t.counts().votes).toBe(before);
  });
});

describe("a refused no-JavaScript vote gets a Vietnamese page with the same status", () => {
  it("403 cross-site", async () => {
    const before = t.counts().votes;
    const res = await fetch(`${t.url}/api/polls/${POLL}/votes`, {
      method: "POST",
      headers: { ...form, origin: "https://evil.example" },
      body: "optionId=huu-ich",
    });
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await res.text()).toContain("gửi từ một trang khác");
    expect(t.counts().votes).toBe(before);
  });

  it("404 unknown poll", async () => {
    const res = await fetch(`${t.url}/api/polls/khong-co-that/votes`, {
      method: "POST",
      headers: form,
      body: "optionId=a",
    });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await res.text()).toContain("Không có cuộc bình chọn này");
  });

  it("the JSON API still answers JSON", async () => {
    const res = await fetch(`${t.url}/api/polls/khong-co-that/votes`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"optionId":"a"}',
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: "unknown poll" });
  });
});

describe("a client that disconnects mid-body", () => {
  const dir = mkdtempSync(join(tmpdir(), "portal-abort-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is logged as one line, not as a server error, and the server goes on", async () => {
    writeFakeDist(join(dir, "dist"));
    const server = await startServer({ env: { DIST_DIR: join(dir, "dist") } });
    let stderr = "";
    server.process.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    try {
      const { port } = new URL(server.url);
      await new Promise<void>((resolve, reject) => {
        const socket = connect(Number(port), "127.0.0.1", () => {
          socket.write(
            'POST /api/visits HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"path":',
          );
          setTimeout(() => {
            socket.destroy();
            resolve();
          }, 200);
        });
        socket.on("error", reject);
      });
      // The server still answers, and logged the abort by then.
      for (let i = 0; i < 50 && !stderr.includes("\n"); i++) {
        await new Promise((r) => setTimeout(r, 20));
      }
      const res = await fetch(`${server.url}/api/visits`);
      expect(res.status).toBe(200);
      const lines = stderr.trim().split("\n");
      expect(lines).toEqual([
        "Client disconnected before sending its whole body: POST /api/visits",
      ]);
      expect(stderr).not.toContain("Server error");
      expect(stderr).not.toContain("    at ");
    } finally {
      await server.close();
    }
  });
});
