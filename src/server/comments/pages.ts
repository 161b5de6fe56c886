// The comment pages the server fills in for readers without JavaScript: /binh-luan/?bai=… (an
// article's approved comments and the form) and /gop-y/ (feedback), each with a notice and, after
// a refusal, the form refilled with what the reader wrote.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { renderCommentForm, renderCommentList, type FormValues } from "../../lib/comments/view.ts";
import { escapeHtml } from "../../lib/html.ts";
import type { FeatureContext } from "../feature.ts";
import type { CommentStore } from "../store/comments.ts";

export type PageRequest = {
  /** A notice above the page's content (a thank-you after a post). */
  notice?: string;
  /** After a refusal: what the reader wrote, and what to do. */
  form?: { values?: FormValues; message?: string };
  status?: ContentfulStatusCode;
  headers?: Record<string, string>;
};

export type CommentPages = {
  /** /binh-luan/?bai=<slug>; a 404 page saying so for an unknown article. */
  comments(c: Context, slug: string | undefined, request?: PageRequest): Promise<Response>;
  /** /gop-y/ with its form (and the retention period as configured). */
  feedback(c: Context, request?: PageRequest): Promise<Response>;
};

export const notice = (text: string, kind: "ok" | "refused") =>
  `<p class="comment-notice comment-notice--${kind}" role="${kind === "ok" ? "status" : "alert"}">${escapeHtml(text)}</p>`;

const NO_ARTICLE =
  notice("Không có bài viết này. Mời bạn mở bài viết từ trang Tin tức để bình luận.", "refused") +
  `<p><a href="/tin-tuc/">Đến trang Tin tức</a></p>`;

export function commentPages(
  d: Pick<FeatureContext, "site" | "articles"> & {
    store: CommentStore;
    token: () => Promise<string>;
    retentionDays: number;
  },
): CommentPages {
  const form = async (article: string | undefined, r: PageRequest) =>
    renderCommentForm({
      article,
      token: await d.token(),
      values: r.form?.values,
      message: r.form?.message,
      retentionDays: d.retentionDays,
    });
  const list = async (slug: string) =>
    `<section class="comments" aria-label="Bình luận đã duyệt">${renderCommentList(await d.store.approvedComments(slug))}</section>`;

  return {
    async comments(c, slug, r = {}) {
      const ref = slug ? (await d.articles()).get(slug) : undefined;
      const status = r.status ?? 200;
      if (!ref || !slug) {
        const body = (r.notice ?? "") + NO_ARTICLE;
        const options = { status: status === 200 ? 404 : status, headers: r.headers };
        return d.site.fill(c, "binh-luan/index.html", { "comments-live": body }, options);
      }
      const body =
        `<h1 class="page-title">Bình luận: ${escapeHtml(ref.title)}</h1>` +
        (r.notice ?? "") +
        `<p><a href="${escapeHtml(ref.path)}">Trở lại bài viết</a></p>` +
        (await list(slug)) +
        `<h2>Gửi bình luận của bạn</h2>` +
        (await form(slug, r));
      const options = { status, headers: r.headers };
      return d.site.fill(c, "binh-luan/index.html", { "comments-live": body }, options);
    },
    async feedback(c, r = {}) {
      const blocks = {
        "feedback-form": (r.notice ?? "") + (await form(undefined, r)),
        "retention-days": String(d.retentionDays),
      };
      return d.site.fill(c, "gop-y/index.html", blocks, { status: r.status, headers: r.headers });
    },
  };
}
