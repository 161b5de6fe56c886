// Staff moderation at /quan-tri/: sign-in (throttled, logged), database sessions that end when
// idle, a CSRF token on every form, the queue, and the accounts (quan-tri). Every route checks
// the member's role (roles.ts). Every answer is no-store and noindex.
import { join } from "node:path";
import { Hono } from "hono";
import { deleteCookie, getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { StaffSettings } from "../config.ts";
import type { Publisher } from "../newsroom/publication.ts";
import type { FeatureContext } from "../feature.ts";
import { articleRoutes, type ArticleDeps } from "../newsroom/article-routes.ts";
import { sameSite } from "../http/guards.ts";
import type { CommentStore } from "../store/comments.ts";
import type { StaffStore } from "../store/staff.ts";
import type { SecretStore } from "../store/types.ts";
import { ACCOUNTS_BASE } from "./account-pages.ts";
import { changeAccount, showAccounts } from "./accounts.ts";
import { DATA_BASE } from "./data-pages.ts";
import {
  showDataPage,
  uploadAction,
  uploadBody,
  uploadLimit,
  type UploadDeps,
} from "./data-upload.ts";
import { decide, showQueue } from "./moderation.ts";
import { passwordChecks } from "./password-checks.ts";
import { signinPage } from "./pages.ts";
import { STAFF_BASE, staffErrors, staffHeaders } from "./respond.ts";
import {
  cookieOptions,
  endSession,
  formBody,
  loadSession,
  requireRole,
  requireSession,
  SESSION_COOKIE,
  type StaffEnv,
} from "./session.ts";
import { signIn, signinCsrf } from "./signin.ts";
import { uploadStash } from "./upload-stash.ts";

export type StaffDeps = Pick<FeatureContext, "articles" | "guard" | "trustProxy" | "now"> & {
  store: StaffStore;
  /** The queue and the decisions are the comment store's. */
  comments: CommentStore;
  secrets: SecretStore;
  settings: StaffSettings;
  /** The newsroom's publisher; null when the newsroom is off (no git, not a writable checkout). */
  publisher: Publisher | null;
  /** Its content checkout (PUBLISH_DIR) while it is on. */
  publishDir?: string | undefined;
} & Omit<ArticleDeps, "publisher">;

export function staffRoutes(d: StaffDeps): Hono<StaffEnv> {
  const session = loadSession(d);
  const moderation = { ...d, store: d.comments };
  const signin = { ...d, checks: passwordChecks(d.settings.passwordChecks) };
  const app = new Hono<StaffEnv>().use(`${STAFF_BASE}*`, staffHeaders);
  accountRoutes(app, d, session);
  const base = d.publishDir
    ? { dataDir: join(d.publishDir, "data"), newsDir: join(d.publishDir, "content/news") }
    : undefined;
  dataRoutes(app, session, { publisher: d.publisher, stash: uploadStash(d.now), base });
  articleRoutes(app, d, session, signedIn(session));
  return (
    app
      .get("/quan-tri", (c) => c.redirect(STAFF_BASE, 301))
      .get(STAFF_BASE, session, async (c) => {
        const member = c.get("staff");
        if (member) return showQueue(c, moderation, member);
        const expired = getCookie(c, SESSION_COOKIE) !== undefined;
        if (expired) deleteCookie(c, SESSION_COOKIE, cookieOptions(c, d.trustProxy));
        const message = expired ? "Phiên làm việc đã hết hạn; mời đăng nhập lại." : undefined;
        return c.html(signinPage({ csrf: await signinCsrf(c, signin), message }));
      })
      // A public POST like any other: the same-site check and the per-address minute limit first.
      .post(`${STAFF_BASE}dang-nhap`, d.guard, formBody, signIn(signin))
      .post(
        `${STAFF_BASE}quyet-dinh`,
        sameSite,
        formBody,
        session,
        requireSession,
        requireRole("moderate"),
        decide(moderation),
      )
      .post(`${STAFF_BASE}dang-xuat`, sameSite, formBody, session, requireSession, async (c) => {
        await endSession(c, d, c.get("staff")!);
        return c.redirect(STAFF_BASE, 303);
      })
      // A form from another site gets a page saying so; every other error is the app's.
      .onError(staffErrors)
  );
}

export type Session = ReturnType<typeof loadSession>;

/** A staff page: a signed-out visitor is sent to sign in (303); the route checks the role after. */
export const signedIn = (session: Session) =>
  [
    session,
    createMiddleware<StaffEnv>(async (c, next) => {
      if (!c.get("staff")) return c.redirect(STAFF_BASE, 303);
      await next();
    }),
  ] as const;

/** Accounts (quan-tri): the list and every change; another role gets 403. */
function accountRoutes(app: Hono<StaffEnv>, d: StaffDeps, session: Session): void {
  app
    .get("/quan-tri/tai-khoan", (c) => c.redirect(ACCOUNTS_BASE, 301))
    .get(ACCOUNTS_BASE, ...signedIn(session), requireRole("manageAccounts"), (c) =>
      showAccounts(c, d),
    )
    .post(
      `${ACCOUNTS_BASE}:action`,
      sameSite,
      formBody,
      session,
      requireSession,
      requireRole("manageAccounts"),
      changeAccount(d),
    );
}

/**
 * Dataset uploads (publish): checked and shown, then published on "Đăng". The role is checked
 * before a body of up to 5 MB is read; the CSRF token travels inside that body.
 */
function dataRoutes(app: Hono<StaffEnv>, session: Session, d: UploadDeps): void {
  app
    .get("/quan-tri/du-lieu", (c) => c.redirect(DATA_BASE, 301))
    .get(DATA_BASE, ...signedIn(session), requireRole("publish"), (c) => showDataPage(c))
    .post(
      DATA_BASE,
      sameSite,
      session,
      requireRole("publish"),
      uploadLimit,
      uploadBody,
      requireSession,
      uploadAction(d),
    );
}
