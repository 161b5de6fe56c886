// One real server and one Chromium for a test file: started before its tests, stopped after.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser } from "./browser.ts";
import { startServer, type RunningServer } from "./server.ts";

export type Site = { server: RunningServer; browser: Browser };

/** Call at the top of a test file; the returned object is filled in before the first test. */
export function useSite(): Site {
  const site = {} as Site;
  beforeAll(async () => {
    site.server = await startServer();
    site.browser = await launchBrowser();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
