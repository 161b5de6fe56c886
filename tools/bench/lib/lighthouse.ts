// Lighthouse (the npm package, pinned) on Debian's Chromium: mobile settings, the performance
// category, the median of a few runs per page.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import lighthouse from "lighthouse";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export type LighthouseRun = {
  /** Performance score, 0–100. */
  score: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
};

/** A headless Chromium with its DevTools port open, for Lighthouse to drive. */
async function launchChromium(): Promise<{ port: number; close: () => void }> {
  const profile = mkdtempSync(join(tmpdir(), "bench-lighthouse-"));
  const child = spawn(
    CHROMIUM,
    [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--remote-debugging-port=0",
      `--user-data-dir=${profile}`,
      "about:blank",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  const port = await new Promise<number>((ok, fail) => {
    let err = "";
    child.stderr!.on("data", (d: Buffer) => {
      err += d.toString();
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
      if (m) ok(Number(m[1]));
    });
    child.on("exit", (code) => fail(new Error(`chromium exited (${code}): ${err}`)));
  });
  return {
    port,
    close: () => {
      child.kill("SIGKILL");
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function runOnce(url: string): Promise<LighthouseRun> {
  const chrome = await launchChromium();
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      onlyCategories: ["performance"],
      logLevel: "error",
      output: "json",
    });
    const lhr = result!.lhr;
    if (lhr.runtimeError)
      throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const metric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    return {
      score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      fcp: metric("first-contentful-paint"),
      lcp: metric("largest-contentful-paint"),
      tbt: metric("total-blocking-time"),
      cls: metric("cumulative-layout-shift"),
    };
  } finally {
    chrome.close();
  }
}

/** `runs` fresh runs of one page (a new browser each); all of them, lowest score first. */
export async function lighthouseRuns(url: string, runs: number): Promise<LighthouseRun[]> {
  const all: LighthouseRun[] = [];
  // A run the browser could not finish (a busy machine's timeout) is tried once more.
  for (let i = 0; i < runs; i++) all.push(await runOnce(url).catch(() => runOnce(url)));
  return all.sort((a, b) => a.score - b.score);
}
