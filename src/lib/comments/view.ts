// Comments and the comment form as HTML: one renderer for the build (articles, /gop-y/) and the
// server (/binh-luan/, refusals) and the browser script (comments under an article). Reader text
// is escaped; line breaks are kept by CSS (pre-line).
import { formatDateTime, formatNumber } from "../format.ts";
import { escapeHtml } from "../html.ts";
import type { PublicComment } from "./api.ts";
import { COMMENT_LIMITS, HONEYPOT_FIELD, NO_COMMENTS, PRIVACY_PATH } from "./constants.ts";

export function renderCommentItem(c: PublicComment): string {
  const at = new Date(c.createdAt);
  return (
    `<li class="comment" id="binh-luan-${c.id}"><p class="comment__meta">` +
    // <bdi>: a direction mark in a name cannot reorder the date after it.
    `<bdi class="comment__name">${escapeHtml(c.name)}</bdi> ` +
    `<time datetime="${escapeHtml(at.toISOString())}">${formatDateTime(at)}</time></p>` +
    `<p class="comment__text">${escapeHtml(c.text)}</p></li>`
  );
}

export { NO_COMMENTS };

/** Approved comments, oldest first. */
export function renderCommentList(comments: PublicComment[]): string {
  if (comments.length === 0) return `<p class="comment-empty">${NO_COMMENTS}</p>`;
  return `<ol class="comment-list">${comments.map(renderCommentItem).join("")}</ol>`;
}

export type FormValues = { name?: string; email?: string; text?: string; consent?: boolean };

export type FormOptions = {
  /** The article's slug; omitted for feedback about the site. */
  article?: string;
  token?: string;
  values?: FormValues;
  /** A refusal or notice shown above the fields. */
  message?: string;
  /** COMMENT_EMAIL_RETENTION_DAYS: the build writes its default, the server the value it runs with. */
  retentionDays: number;
};

/** Said by a built form (no form time yet): on a static host without the server it cannot send. */
const STATIC_NOTE =
  '<p class="comment-form__static" data-comment-static>Gửi bình luận cần máy chủ của cổng thông tin; ' +
  "bản trang tĩnh này (không có máy chủ) chưa gửi được.</p>";
const EMPTY_TOKEN = 'name="token" value="" data-comment-token';

/**
 * A built page's comment form made ready to send once: the form time the Node server stamps in
 * as it serves the page, and the static-host note taken out. Undefined when the page has none.
 */
export function stampCommentForm(html: string, token: string): string | undefined {
  if (!html.includes(EMPTY_TOKEN)) return undefined;
  return html
    .replace(EMPTY_TOKEN, `name="token" value="${escapeHtml(token)}" data-comment-token`)
    .replace(STATIC_NOTE, "");
}

/** The comment (or feedback) form; posts to /api/comments and works without JavaScript. */
export function renderCommentForm(o: FormOptions): string {
  const v = o.values ?? {};
  const id = o.article ? "binh-luan" : "gop-y";
  const attr = (s: string | undefined) => escapeHtml(s ?? "");
  const what = o.article ? "Bình luận" : "Nội dung góp ý";
  return (
    `<form class="comment-form" method="post" action="/api/comments" data-comment-form>` +
    (o.article ? `<input type="hidden" name="article" value="${attr(o.article)}">` : "") +
    `<input type="hidden" name="token" value="${attr(o.token)}" data-comment-token>` +
    (o.token ? "" : STATIC_NOTE) +
    `<p class="comment-form__message" role="status" data-comment-message${o.message ? "" : " hidden"}>${attr(o.message)}</p>` +
    `<p class="comment-form__field"><label for="${id}-ten">Họ và tên</label>` +
    `<input id="${id}-ten" name="name" required maxlength="${COMMENT_LIMITS.name}" autocomplete="name" value="${attr(v.name)}"></p>` +
    `<p class="comment-form__field"><label for="${id}-email">Email (không bắt buộc; không hiển thị, chỉ để trả lời bạn)</label>` +
    `<input id="${id}-email" name="email" type="email" maxlength="${COMMENT_LIMITS.email}" autocomplete="email" value="${attr(v.email)}"></p>` +
    `<p class="comment-form__field"><label for="${id}-noi-dung">${what} (tối đa ${formatNumber(COMMENT_LIMITS.text)} ký tự)</label>` +
    `<textarea id="${id}-noi-dung" name="text" required maxlength="${COMMENT_LIMITS.text}" rows="5">${attr(v.text)}</textarea></p>` +
    `<p class="comment-form__trap" aria-hidden="true"><label>Trang web (để trống) ` +
    `<input name="${HONEYPOT_FIELD}" tabindex="-1" autocomplete="off"></label></p>` +
    `<p class="comment-form__consent"><input id="${id}-dong-y" name="consent" type="checkbox" value="on" required${v.consent ? " checked" : ""}> ` +
    `<label for="${id}-dong-y">Tôi đồng ý để cổng thông tin lưu tên, nội dung và email (nếu có) để duyệt và trả lời ` +
    `(Nghị định 13/2023/NĐ-CP); email được xoá sau ${o.retentionDays} ngày.</label> ` +
    `<a href="${PRIVACY_PATH}">Lưu những gì và bao lâu</a></p>` +
    `<p class="comment-form__note">${o.article ? "Bình luận chỉ hiện dưới bài sau khi được duyệt." : "Góp ý được gửi tới ban biên tập và không công bố trên trang."}</p>` +
    `<p><button type="submit">Gửi</button></p></form>`
  );
}
