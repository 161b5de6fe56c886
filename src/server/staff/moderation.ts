// The moderation queue at /quan-tri/ and the decisions posted from it (one item or several).
import type { Context } from "hono";
import type { FeatureContext } from "../feature.ts";
import type { CommentStore, Decision } from "../store/comments.ts";
import { decidedMessage, queuePage } from "./pages.ts";
import { forbidden, refuse, STAFF_BASE } from "./respond.ts";
import { deniedText, may } from "./roles.ts";
import { one, type ActiveSession, type StaffEnv } from "./session.ts";

const DECISIONS: Record<string, Decision> = {
  approved: "approved",
  rejected: "rejected",
  spam: "spam",
};
const QUEUE_LIMIT = 500;
const LOG_LIMIT = 50;

export type ModerationDeps = Pick<FeatureContext, "articles" | "now"> & { store: CommentStore };

/** The queue, the log, and what the last decision did (?da=…&so=…) or why it did nothing. */
export async function showQueue(c: Context, d: ModerationDeps, s: ActiveSession) {
  if (!may(s.role, "moderate")) return forbidden(c, deniedText(s.role, "moderate"));
  const done = c.req.query("da");
  const count = Number(c.req.query("so") ?? "0");
  const message =
    done && Object.hasOwn(DECISIONS, done) && Number.isInteger(count)
      ? decidedMessage(DECISIONS[done]!, count)
      : undefined;
  const error =
    c.req.query("loi") === "chua-chon"
      ? "Chưa chọn mục nào; mời đánh dấu «Chọn» ở các mục cần xử lý."
      : undefined;
  const page = queuePage({
    username: s.username,
    role: s.role,
    csrf: s.csrf,
    queue: await d.store.pendingComments(QUEUE_LIMIT),
    log: await d.store.decisionLog(LOG_LIMIT),
    titles: await d.articles(),
    now: d.now(),
    message,
    error,
  });
  return c.html(page);
}

/** POST /quan-tri/quyet-dinh: `mot=<decision>:<id>` for one item, or `tat-ca` with checked `id`s. */
export function decide(d: ModerationDeps) {
  return async (c: Context<StaffEnv>): Promise<Response> => {
    const form = c.get("form");
    const single = one(form, "mot").split(":");
    const name = single.length === 2 ? single[0]! : one(form, "tat-ca");
    if (!Object.hasOwn(DECISIONS, name)) {
      return refuse(c, 403, "Không rõ quyết định; mời tải lại trang quản trị rồi làm lại.");
    }
    const decision = DECISIONS[name]!;
    const ids = (single.length === 2 ? [single[1]!] : (form.id ?? []))
      .filter((v) => /^\d{1,15}$/.test(v))
      .map(Number);
    if (ids.length === 0) return c.redirect(`${STAFF_BASE}?loi=chua-chon`, 303);
    const who = c.get("staff")!.username;
    const changed = await d.store.decideComments(ids, decision, who, new Date(d.now()));
    return c.redirect(`${STAFF_BASE}?da=${decision}&so=${changed}`, 303);
  };
}
