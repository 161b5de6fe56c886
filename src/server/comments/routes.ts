// Reader comments and feedback: POST/GET /api/comments, and the pages the server fills in
// (/binh-luan/?bai=…, /gop-y/) for readers without JavaScript. Nothing shows before approval.
import { createHash } from "node:crypto";
import type { Context, Hono } from "hono";
import {
  checkSubmission,
  COMMENTS_PAGE_PATH,
  countLinks,
  COMMENT_LIMITS,
  duplicateKey,
  FEEDBACK_PAGE_PATH,
  HONEYPOT_FIELD,
  refusalMessage,
  REFUSALS,
  type RefusalCode,
} from "../../lib/comments/submission.ts";
import { renderCommentForm, renderCommentList, type FormValues } from "../../lib/comments/view.ts";
import { escapeHtml } from "../../lib/html.ts";
import { clientAddress } from "../client.ts";
import {
  assertSameSite,
  bodyKind,
  HttpError,
  isFormPost,
  own,
  parseJsonObject,
  readBody,
} from "../http.ts";
import { SECURITY_HEADERS } from "../security.ts";
import type { StaticSite } from "../static.ts";
import type { Store } from "../store/types.ts";
import { articleIndex, type ArticleRef } from "./articles.ts";
import { checkFormToken, issueFormToken } from "./form-token.ts";
import { HourlyLimit } from "./limit.ts";

export type CommentSettings = {
  /** Seconds between showing the form and accepting it (a person reads and types). */
  minSeconds: number;
  /** Comments accepted per client address per hour; 0 turns the limit off. */
  perHour: number;
  /** Emails are deleted this many days after the comment (README "Bình luận và góp ý"). */
  emailRetentionDays: number;
};

export const DEFAULT_COMMENT_SETTINGS: CommentSettings = {
  minSeconds: 3,
  perHour: 10,
  emailRetentionDays: 180,
};

/** A 2,000-character comment in Vietnamese, URL-encoded, fits with room to spare. */
const MAX_COMMENT_BODY_BYTES = 32 * 1024;
const SUBMITTED = "cho-duyet";

type Deps = {
  store: Store;
  site: StaticSite;
  distDir: string;
  trustProxy: number;
  now: () => number;
  settings: CommentSettings;
  apiHeaders: Record<string, string>;
  /** Seconds to wait when the address is over RATE_LIMIT_PER_MINUTE, else undefined. */
  overMinuteLimit: (c: Context) => number | undefined;
};

/** A refusal: status, code and the Vietnamese words; for a form, the values to refill. */
class Refusal extends Error {
  readonly code: RefusalCode;
  readonly retryMinutes: number | undefined;
  constructor(code: RefusalCode, retryMinutes?: number) {
    super(code);
    this.code = code;
    this.retryMinutes = retryMinutes;
  }
  get status(): number {
    return REFUSALS[this.code][0];
  }
}

const refusalOf = (error: unknown): Refusal | undefined => {
  if (error instanceof Refusal) return error;
  if (error instanceof HttpError && error.status === 403) return new Refusal("khac-trang");
  if (error instanceof HttpError && error.status === 413) return new Refusal("qua-dai");
  return undefined;
};

export function mountCommentRoutes(app: Hono, d: Deps): void {
  const articles = articleIndex(d.distDir);
  const limit = new HourlyLimit(d.settings.perHour, d.now);
  const secret = () => d.store.secret("comment-form");
  const token = async () => issueFormToken(await secret(), d.now());

  const pageHeaders = (csp: string): Record<string, string> => ({
    ...SECURITY_HEADERS,
    "cache-control": "no-store",
    "content-security-policy": csp,
  });

  /** A built page with its `<!--name-->…<!--/name-->` block replaced, or the 404 page. */
  const fill = async (c: Context, file: string, blocks: Record<string, string>, status = 200) => {
    const page = await d.site.page(file);
    if (!page) return d.site.notFound(c);
    let html = page.html;
    for (const [name, content] of Object.entries(blocks)) {
      const marker = new RegExp(`<!--${name}-->[\\s\\S]*?<!--/${name}-->`, "g");
      html = html.replace(marker, () => `<!--${name}-->${content}<!--/${name}-->`);
    }
    return c.html(html, status as 200, pageHeaders(page.csp));
  };

  const message = (text: string, kind: "ok" | "refused") =>
    `<p class="comment-notice comment-notice--${kind}" role="${kind === "ok" ? "status" : "alert"}">${escapeHtml(text)}</p>`;

  /** /binh-luan/?bai=…: approved comments, an optional notice, and the form (refilled). */
  const commentsPage = async (
    c: Context,
    slug: string | undefined,
    notice: string,
    form: { values?: FormValues; message?: string } = {},
    status = 200,
  ) => {
    const ref = slug ? (await articles()).get(slug) : undefined;
    if (!ref || !slug) {
      const body =
        notice +
        message(
          "Không có bài viết này. Mời bạn mở bài viết từ trang Tin tức để bình luận.",
          "refused",
        ) +
        `<p><a href="/tin-tuc/">Đến trang Tin tức</a></p>`;
      return fill(
        c,
        "binh-luan/index.html",
        { "comments-live": body },
        status === 200 ? 404 : status,
      );
    }
    const list = renderCommentList(await d.store.approvedComments(slug));
    const body =
      `<h1 class="page-title">Bình luận: ${escapeHtml(ref.title)}</h1>` +
      notice +
      `<p><a href="${escapeHtml(ref.path)}">Trở lại bài viết</a></p>` +
      `<section class="comments" aria-label="Bình luận đã duyệt">${list}</section>` +
      `<h2>Gửi bình luận của bạn</h2>` +
      renderCommentForm({
        article: slug,
        token: await token(),
        values: form.values,
        message: form.message,
        retentionDays: d.settings.emailRetentionDays,
      });
    return fill(c, "binh-luan/index.html", { "comments-live": body }, status);
  };

  const feedbackPage = async (
    c: Context,
    notice: string,
    form: { values?: FormValues; message?: string } = {},
    status = 200,
  ) =>
    fill(
      c,
      "gop-y/index.html",
      {
        "feedback-form":
          notice +
          renderCommentForm({
            token: await token(),
            values: form.values,
            message: form.message,
            retentionDays: d.settings.emailRetentionDays,
          }),
        "retention-days": String(d.settings.emailRetentionDays),
      },
      status,
    );

  app.get("/api/comments", async (c) => {
    const slug = c.req.query("article");
    if (!slug) throw new HttpError(400, "article (its slug) is required");
    if (!(await articles()).has(slug)) throw new HttpError(404, "unknown article");
    const comments = await d.store.approvedComments(slug);
    return c.json({ article: slug, comments, token: await token() }, 200, d.apiHeaders);
  });

  app.post("/api/comments", async (c) => {
    const form = isFormPost(c);
    let fields: Record<string, unknown> = {};
    try {
      assertSameSite(c);
      const wait = d.overMinuteLimit(c);
      if (wait !== undefined) throw new Refusal("qua-nhieu", Math.ceil(wait / 60));
      const kind = bodyKind(c, true);
      const text = await readBody(c, MAX_COMMENT_BODY_BYTES);
      fields =
        kind === "json" ? parseJsonObject(text) : Object.fromEntries(new URLSearchParams(text));
      const result = await submit(c, fields, !form);
      if (form) {
        const to = result.article
          ? `${COMMENTS_PAGE_PATH}?bai=${encodeURIComponent(result.article)}&ket-qua=${SUBMITTED}`
          : `${FEEDBACK_PAGE_PATH}?ket-qua=${SUBMITTED}`;
        return c.body(null, 303, {
          ...SECURITY_HEADERS,
          "cache-control": "no-store",
          location: to,
        });
      }
      return c.json({ id: result.id, status: "pending" }, 202, d.apiHeaders);
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      const words = refusalMessage(refusal.code, refusal.retryMinutes);
      const retry: Record<string, string> =
        refusal.retryMinutes !== undefined
          ? { "retry-after": String(refusal.retryMinutes * 60) }
          : {};
      if (!form) {
        return c.json({ error: words, code: refusal.code }, refusal.status as 400, {
          ...d.apiHeaders,
          ...retry,
        });
      }
      // A reader without JavaScript gets the form back, filled in, with what to do.
      const str = (key: string) => {
        const v = own(fields, key);
        return typeof v === "string" ? v.slice(0, COMMENT_LIMITS.text * 2) : undefined;
      };
      const values: FormValues = {
        name: str("name"),
        email: str("email"),
        text: str("text"),
        consent: own(fields, "consent") === "on",
      };
      const slug = str("article")?.trim();
      const status =
        refusal.code === "xem-lai" && own(fields, "token") === "" ? 200 : refusal.status;
      const response = slug
        ? await commentsPage(c, slug, "", { values, message: words }, status)
        : await feedbackPage(c, "", { values, message: words }, status);
      for (const [k, v] of Object.entries(retry)) response.headers.set(k, v);
      return response;
    }
  });

  /** Every check, then the write; throws a Refusal (nothing stored) or resolves once committed. */
  async function submit(c: Context, fields: Record<string, unknown>, json: boolean) {
    const own_ = (k: string) => own(fields, k);
    const raw = Object.fromEntries(
      ["article", "name", "email", "text", "consent", "token", HONEYPOT_FIELD]
        .filter((k) => own_(k) !== undefined)
        .map((k) => [k, own_(k)]),
    );
    if (typeof raw[HONEYPOT_FIELD] === "string" && raw[HONEYPOT_FIELD] !== "") {
      throw new Refusal("o-an");
    }
    const known = await articles();
    // The API's documented body is { article, name, email, text }: consent and the form token
    // are required of forms, and checked for an API client only when it sends them.
    const checked = checkSubmission(raw, (slug) => known.has(slug), { consentRequired: !json });
    if (!checked.ok) throw new Refusal(checked.code);
    const tokenState = checkFormToken(await secret(), raw.token, d.now(), d.settings.minSeconds);
    if (tokenState === "too-fast") throw new Refusal("qua-nhanh");
    if (tokenState !== "ok" && !(json && tokenState === "missing")) throw new Refusal("xem-lai");
    const value = checked.value;
    if (countLinks(value.text) > COMMENT_LIMITS.links || countLinks(value.name) > 0) {
      throw new Refusal("lien-ket");
    }
    const address = clientAddress(c, d.trustProxy);
    const wait = limit.retryMinutes(address);
    if (wait !== undefined) throw new Refusal("qua-nhieu", wait);
    const outcome = await d.store.addComment({
      kind: value.article ? "comment" : "feedback",
      article: value.article,
      name: value.name,
      email: value.email,
      text: value.text,
      textHash: createHash("sha256").update(duplicateKey(value.text)).digest("base64url"),
      at: new Date(d.now()),
    });
    if (outcome.status === "duplicate") throw new Refusal("trung");
    limit.count(address);
    return { id: outcome.id, article: value.article };
  }

  app.get(COMMENTS_PAGE_PATH, async (c) => {
    const done = c.req.query("ket-qua") === SUBMITTED;
    const notice = done
      ? message(
          "Cảm ơn bạn. Bình luận đã được gửi và đang chờ duyệt; bình luận hiện dưới bài sau khi được duyệt.",
          "ok",
        )
      : "";
    return commentsPage(c, c.req.query("bai"), notice);
  });

  app.get(FEEDBACK_PAGE_PATH, async (c) => {
    const done = c.req.query("ket-qua") === SUBMITTED;
    const notice = done ? message("Cảm ơn bạn. Góp ý đã được gửi tới ban biên tập.", "ok") : "";
    return feedbackPage(c, notice);
  });
}

export type { ArticleRef };
