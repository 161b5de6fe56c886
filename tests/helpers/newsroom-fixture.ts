// One newsroom for a test file, as the newsroom's API and browser tests all set it up: the
// project's build lock, a content checkout (a temporary git repository with its own dist/ and
// Astro cache), the real app over HTTP and SQLite with the publisher (and the article preview
// when asked), and staff members with one password. Closing undoes it all in reverse.
import { cpSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { createArticlePreview, type PreviewService } from "../../src/server/newsroom/preview.ts";
import type { RunningPublisher } from "../../src/server/newsroom/publisher.ts";
import type { Role } from "../../src/server/staff/roles.ts";
import { hashPassword } from "../../src/server/staff/password.ts";
import {
  buildLock,
  checkoutNewsroom,
  makeCheckout,
  startNewsroomServer,
  type Checkout,
  type NewsroomServer,
} from "./newsroom.ts";

const ROOT = resolve(import.meta.dirname, "../..");
/** Every member's password in these tests. */
export const STAFF_PASSWORD = "mat-khau-du-dai-1";

export type NewsroomFixture = {
  checkout: Checkout;
  server: NewsroomServer;
  preview: PreviewService | undefined;
  /** The running publisher (there once the fixture is open). */
  publisher(): RunningPublisher;
  /**
   * Ends it: publications waited for ("idle"), or stopped with their files put back ("stop")
   * where they are not the file's subject.
   */
  close(publications: "idle" | "stop"): Promise<void>;
};

export type NewsroomFixtureOptions = {
  /** The published site the checkout starts from: this project's build (npm run build first). */
  copyDist?: boolean;
  /** The article preview over the checkout's content (its own time limit, or the default). */
  preview?: { timeoutMs?: number };
  buildTimeoutMs?: number;
  /** Members to add, each with STAFF_PASSWORD: name → role (default: "bt", a biên tập). */
  members?: Record<string, Role | undefined>;
};

export async function openNewsroomFixture(
  options: NewsroomFixtureOptions = {},
): Promise<NewsroomFixture> {
  const release = await buildLock();
  const checkout = makeCheckout();
  if (options.copyDist) cpSync(join(ROOT, "dist"), checkout.distDir, { recursive: true });
  const preview =
    options.preview &&
    createArticlePreview({
      root: ROOT,
      distDir: checkout.distDir,
      newsDir: join(checkout.publishDir, "content", "news"),
      dataDir: join(checkout.publishDir, "data"),
      ...options.preview,
    });
  let publisher: RunningPublisher | undefined;
  const server = await startNewsroomServer(
    checkout.distDir,
    checkoutNewsroom(checkout, (p) => (publisher = p), options.buildTimeoutMs),
    preview ? { preview } : undefined,
  );
  const hash = await hashPassword(STAFF_PASSWORD);
  const members: Record<string, Role | undefined> = options.members ?? { bt: "bien-tap" };
  for (const [name, role] of Object.entries(members))
    await server.stores.staff.putStaffAccount(name, hash, new Date(), role);
  return {
    checkout,
    server,
    preview,
    publisher: () => publisher!,
    async close(publications) {
      await (publications === "idle" ? publisher?.idle() : publisher?.stop());
      await preview?.close();
      await server.close();
      checkout.dispose();
      release();
    },
  };
}

/** The sign-in form filled and sent in the browser, as a member does it. */
export async function signInWithForm(page: Page, url: string, name = "bt"): Promise<void> {
  await page.goto(`${url}/quan-tri/`);
  await page.fill("#ten", name);
  await page.fill("#mat-khau", STAFF_PASSWORD);
  await page.click("button[type=submit]");
}
