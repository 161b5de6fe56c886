// Reader comments and feedback: POST/GET /api/comments, and the pages the server fills in
// (/binh-luan/?bai=…, /gop-y/) for readers without JavaScript. Nothing shows before approval.
import { Hono, type Context } from "hono";
import type { CommentAccepted, CommentRefused, CommentsAnswer } from "../../lib/comments/api.ts";
import {
  COMMENTS_PAGE_PATH,
  COMMENT_LIMITS,
  FEEDBACK_PAGE_PATH,
} from "../../lib/comments/submission.ts";
import { SENT_COMMENT, SENT_FEEDBACK } from "../../lib/comments/constants.ts";
import { stampCommentForm, type FormValues } from "../../lib/comments/view.ts";
import { markControls } from "../../lib/odd-text.ts";
import type { CommentSettings } from "../config.ts";
import type { FeatureContext } from "../feature.ts";
import { apiJson, seeOther } from "../http/answers.ts";
import { HttpError } from "../http/errors.ts";
import { isFormPost, own, readFields } from "../http/request.ts";
import type { CommentStore } from "../store/comments.ts";
import type { SecretStore } from "../store/types.ts";
import { issueFormToken } from "./form-token.ts";
import { commentPages, notice, type CommentPages, type PageRequest } from "./pages.ts";
import { refusalOf, type Refusal } from "./refusal.ts";
import { senderKeyOf, submitComment } from "./submit.ts";

export type CommentDeps = FeatureContext & {
  store: CommentStore;
  secrets: SecretStore;
  settings: CommentSettings;
};

/** Set once the body is read: a refused form is shown again with what the reader wrote. */
type CommentEnv = { Variables: { fields: Record<string, unknown> | undefined } };

/** A 2,000-character comment in Vietnamese, URL-encoded, fits with room to spare. */
const MAX_COMMENT_BODY_BYTES = 32 * 1024;
const SUBMITTED = "cho-duyet";

export function commentRoutes(d: CommentDeps): Hono {
  const formSecret = () => d.secrets.secret("comment-form");
  const token = async () => issueFormToken(await formSecret(), d.now());
  const pages = commentPages({ ...d, token, retentionDays: d.settings.emailRetentionDays });
  // An article's built form gets a fresh form time as the server serves it: one send, no JS.
  d.site.stampPages("data-comment-token", async (html) => stampCommentForm(html, await token()));
  const senderKey = senderKeyOf(() => d.secrets.secret("comment-sender"));
  const { perHour, minSeconds } = d.settings;
  const submit = { ...d, formSecret, senderKey, perHour, minSeconds };
  const done = (c: Context) => c.req.query("ket-qua") === SUBMITTED;

  const api = new Hono<CommentEnv>()
    .get("/api/comments", async (c) => {
      const slug = c.req.query("article");
      if (!slug) throw new HttpError(400, "article (its slug) is required");
      if (!(await d.articles()).has(slug)) throw new HttpError(404, "unknown article");
      const comments = await d.store.approvedComments(slug);
      return apiJson(c, { article: slug, comments, token: await token() } satisfies CommentsAnswer);
    })
    .post("/api/comments", d.guard, async (c) => {
      const { kind, fields } = await readFields(c, MAX_COMMENT_BODY_BYTES);
      c.set("fields", fields);
      const result = await submitComment(submit, c, fields, kind === "json");
      if (kind === "json") {
        return apiJson(c, { id: result.id, status: "pending" } satisfies CommentAccepted, 202);
      }
      return seeOther(
        c,
        result.article
          ? `${COMMENTS_PAGE_PATH}?bai=${encodeURIComponent(result.article)}&ket-qua=${SUBMITTED}`
          : `${FEEDBACK_PAGE_PATH}?ket-qua=${SUBMITTED}`,
      );
    })
    .onError((error, c) => {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      return isFormPost(c) ? refusedForm(c, refusal, pages) : refusedJson(c, refusal);
    });

  return new Hono()
    .route("/", api)
    .get(COMMENTS_PAGE_PATH, (c) => {
      const thanks = done(c) ? notice(SENT_COMMENT, "ok") : "";
      return pages.comments(c, c.req.query("bai"), { notice: thanks });
    })
    .get(FEEDBACK_PAGE_PATH, (c) =>
      pages.feedback(c, { notice: done(c) ? notice(SENT_FEEDBACK, "ok") : "" }),
    );
}

function refusedJson(c: Context, refusal: Refusal): Response {
  const body: CommentRefused = { error: refusal.words, code: refusal.code };
  if (refusal.field !== undefined) body.field = refusal.field;
  return apiJson(c, body, refusal.status, refusal.headers);
}

/** A reader without JavaScript gets the form back, filled in, with what to do. */
function refusedForm(c: Context<CommentEnv>, refusal: Refusal, pages: CommentPages) {
  const fields = c.get("fields") ?? {};
  const str = (key: string) => {
    const v = own(fields, key);
    // A control character is shown as � where it was, so the reader can find and delete it.
    return typeof v === "string" ? markControls(v.slice(0, COMMENT_LIMITS.text * 2)) : undefined;
  };
  const values: FormValues = {
    name: str("name"),
    email: str("email"),
    text: str("text"),
    consent: own(fields, "consent") === "on",
  };
  const form = { values, message: refusal.words };
  // The first send of a static page's form has no form time: asked again, with no error status.
  const status = refusal.code === "xem-lai" && own(fields, "token") === "" ? 200 : refusal.status;
  const request: PageRequest = { form, status, headers: refusal.headers };
  const slug = str("article")?.trim();
  return slug ? pages.comments(c, slug, request) : pages.feedback(c, request);
}
