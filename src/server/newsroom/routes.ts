// The newsroom at /quan-tri/xuat-ban/ (publish permission: bien-tap, quan-tri): the history of
// publications with "Hoàn tác", a commit's diff, one publication's state (a page that works on a
// plain refresh, its JSON for the status script). A kiem-duyet gets 403 on every page and action;
// with the newsroom off, every page says why (503).
import { readFileSync } from "node:fs";
import { stripTypeScriptTypes } from "node:module";
import { join } from "node:path";
import { Hono, type Context } from "hono";
import { createMiddleware } from "hono/factory";
import { ROOT } from "../config.ts";
import type { FeatureContext } from "../feature.ts";
import { sameSite } from "../http/guards.ts";
import { refusedPage } from "../staff/pages.ts";
import { refuse, SCRIPTED_STAFF_POLICY, staffErrors, staffHeaders } from "../staff/respond.ts";
import { signedIn } from "../staff/routes.ts";
import {
  formBody,
  loadSession,
  one,
  requireRole,
  requireSession,
  type SessionDeps,
  type StaffEnv,
} from "../staff/session.ts";
import { commitDiff, historyEntry, readHistory } from "./history.ts";
import {
  diffPage,
  historyPage,
  jobPage,
  jobPath,
  jobState,
  NEWSROOM_BASE,
  offPage,
  STATUS_SCRIPT,
} from "./pages.ts";
import type { Newsroom } from "./setup.ts";

export type NewsroomDeps = Pick<FeatureContext, "trustProxy" | "now"> &
  Omit<SessionDeps, "trustProxy" | "now"> & { newsroom: Newsroom };

type On = Extract<Newsroom, { publisher: object }>;

/** Read once: the status script, its types stripped (staff pages have no bundler). */
let script: string | undefined;
const statusScript = () =>
  (script ??= stripTypeScriptTypes(
    readFileSync(join(ROOT, "src/scripts/publication-status.ts"), "utf8"),
  ));

export function newsroomRoutes(d: NewsroomDeps): Hono<StaffEnv> {
  const session = loadSession(d);
  const nr = d.newsroom;
  // Off: the page says why, after the role check (a kiem-duyet still gets 403).
  const available = createMiddleware<StaffEnv>(async (c, next) => {
    if (nr.publisher === null) return c.html(offPage(nr.off), 503);
    await next();
  });
  const page = [...signedIn(session), requireRole("publish"), available] as const;
  const on = () => nr as On;
  return new Hono<StaffEnv>()
    .use(`${NEWSROOM_BASE}*`, staffHeaders)
    .get("/quan-tri/xuat-ban", (c) => c.redirect(NEWSROOM_BASE, 301))
    .get(NEWSROOM_BASE, ...page, (c) => showHistory(c, on()))
    .get(STATUS_SCRIPT, ...page, (c) =>
      c.body(statusScript(), 200, { "content-type": "text/javascript; charset=utf-8" }),
    )
    .get(`${NEWSROOM_BASE}viec/:id/`, ...page, (c) => showJob(c, on()))
    .get(`${NEWSROOM_BASE}viec/:id/trang-thai`, ...page, (c) => {
      const p = on().publisher.get(c.req.param("id"));
      return p ? c.json(jobState(p)) : c.json({ error: "Không có việc xuất bản này." }, 404);
    })
    .get(`${NEWSROOM_BASE}:commit/`, ...page, (c) => showDiff(c, on()))
    .post(
      `${NEWSROOM_BASE}hoan-tac`,
      sameSite,
      formBody,
      session,
      requireSession,
      requireRole("publish"),
      available,
      (c) => undo(c, on()),
    )
    .onError(staffErrors);
}

const notFound = (c: Context, text: string) => c.html(refusedPage(text), 404);

async function showHistory(c: Context<StaffEnv>, nr: On, error?: string, status = 200) {
  const entries = await readHistory(nr.publishDir);
  const jobs = nr.publisher.list().filter((p) => p.state !== "published");
  const csrf = c.get("staff")!.csrf;
  return c.html(historyPage({ entries, jobs, csrf, ...(error ? { error } : {}) }), status as 200);
}

function showJob(c: Context<StaffEnv>, nr: On) {
  const p = nr.publisher.get(c.req.param("id") ?? "");
  if (!p) {
    return notFound(
      c,
      "Không có việc xuất bản này (máy chủ chỉ nhớ các việc từ lần khởi động gần nhất); xem lịch sử xuất bản.",
    );
  }
  return c.html(jobPage(p), 200, { "content-security-policy": SCRIPTED_STAFF_POLICY });
}

async function showDiff(c: Context<StaffEnv>, nr: On) {
  const entry = await historyEntry(nr.publishDir, c.req.param("commit") ?? "");
  const diff = entry && (await commitDiff(nr.publishDir, entry.commit));
  if (!entry || diff === undefined) {
    return notFound(c, "Không có lần đăng này trong lịch sử xuất bản.");
  }
  return c.html(diffPage(entry, diff));
}

/** POST hoan-tac: an undo publication of a newsroom commit not undone yet; then its page. */
async function undo(c: Context<StaffEnv>, nr: On) {
  const commit = one(c.get("form"), "commit");
  const entry = await historyEntry(nr.publishDir, commit);
  if (!entry) {
    return refuse(c, 400, "Không có lần đăng này trong lịch sử xuất bản; không có gì thay đổi.");
  }
  if (entry.undoneBy) {
    return showHistory(c, nr, "Lần đăng này đã được hoàn tác rồi; không có gì thay đổi.", 400);
  }
  const p = nr.publisher.submit({
    kind: "undo",
    title: entry.subject,
    files: [],
    revert: entry.commit,
    username: c.get("staff")!.username,
  });
  return c.redirect(jobPath(p.id), 303);
}
