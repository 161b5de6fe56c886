// The staff pages (/quan-tri/): plain server-rendered HTML, no scripts, reader text escaped.
import { formatDateTime, formatNumber } from "../../lib/format.ts";
import { escapeHtml } from "../../lib/html.ts";
import type { DecisionEntry, QueuedComment } from "../store/comments.ts";
import { may, ROLE_LABELS, type Role } from "./roles.ts";

export const DECISION_LABELS = {
  approved: "Duyệt",
  rejected: "Từ chối",
  spam: "Thư rác",
} as const;
const DONE_LABELS = { approved: "duyệt", rejected: "từ chối", spam: "đánh dấu thư rác" } as const;

const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1a1a1a; background: #f6f6f4; }
  main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
  h1 { font-size: 1.5rem; margin: 0.5rem 0 1rem; }
  .bar { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; justify-content: space-between; }
  .notice { padding: 0.75rem 1rem; border-radius: 4px; background: #e8f3ea; }
  .notice--error { background: #fbe9e7; }
  form.signin { display: grid; gap: 0.75rem; max-width: 22rem; }
  label { font-weight: 600; }
  input[type=text], input[type=password] { display: block; width: 100%; box-sizing: border-box; padding: 0.5rem; font: inherit; }
  button { font: inherit; padding: 0.4rem 0.8rem; min-height: 2.75rem; cursor: pointer; }
  .queue { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.75rem; }
  .item { background: #fff; border: 1px solid #d6d6d0; border-radius: 4px; padding: 0.75rem 1rem; }
  .item__meta { margin: 0 0 0.25rem; color: #555; font-size: 0.9rem; display: flex; flex-wrap: wrap; gap: 0 0.75rem; }
  .item__text { white-space: pre-line; overflow-wrap: anywhere; margin: 0.25rem 0 0.5rem; }
  .item__actions { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
  .tag { font-weight: 600; color: #8a1c1c; }
  select { font: inherit; padding: 0.4rem; min-height: 2.75rem; max-width: 100%; }
  fieldset { min-width: 0; }
  .figure-list { padding: 0; list-style: none; display: grid; gap: 0.75rem; }
  .figure { min-width: 0; background: #fff; border: 1px solid #d6d6d0; border-radius: 4px; padding: 0.5rem 1rem; }
  .figure h3 { margin: 0.25rem 0; font-size: 1.1rem; }
  .figure-quote { margin: 0.5rem 0; padding-left: 0.75rem; border-left: 3px solid #d6d6d0; overflow-wrap: anywhere; }
  .figure-decision label { font-weight: 400; margin-right: 1rem; white-space: nowrap; }
  .figure-decision input { width: 1.25rem; height: 1.25rem; vertical-align: middle; }
  .figure-fields summary { cursor: pointer; padding: 0.5rem 0; font-weight: 600; }
  .figure-check { padding: 0.5rem 0.75rem; border-radius: 4px; background: #e8f3ea; }
  .figure-check[data-ok="false"] { background: #fbe9e7; }
  .row-forms { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; }
  .row-forms form { display: flex; flex-wrap: wrap; gap: 0.25rem; align-items: end; }
  @media (max-width: 40rem) {
    .accounts thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
    .accounts tr, .accounts th, .accounts td { display: block; border: 0; }
    .accounts tr { border-bottom: 1px solid #d6d6d0; padding: 0.5rem 0; }
    .accounts td[data-label]::before { content: attr(data-label) ": "; color: #555; }
  }
  .bulk { padding: 0.75rem 0; display: flex; flex-wrap: wrap; gap: 0.5rem; }
  table { border-collapse: collapse; width: 100%; background: #fff; font-size: 0.9rem; }
  th, td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid #e2e2dc; vertical-align: top; }
  .table-wrap { overflow-x: auto; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #fff; padding: 0.5rem; font-size: 0.85rem; }
`;

export function staffDocument(title: string, body: string): string {
  return (
    `<!doctype html><html lang="vi"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="robots" content="noindex, nofollow"><title>${escapeHtml(title)} · Quản trị</title>` +
    `<style>${STYLE}</style></head><body><main>${body}</main></body></html>`
  );
}

export const notice = (text: string | undefined, error = false) =>
  text
    ? `<p class="notice${error ? " notice--error" : ""}" role="${error ? "alert" : "status"}">${escapeHtml(text)}</p>`
    : "";

export function signinPage(o: { csrf: string; message?: string; username?: string }): string {
  return staffDocument(
    "Đăng nhập",
    `<h1>Đăng nhập quản trị</h1>${notice(o.message, true)}` +
      `<form class="signin" method="post" action="/quan-tri/dang-nhap">` +
      `<input type="hidden" name="csrf" value="${escapeHtml(o.csrf)}">` +
      `<p><label for="ten">Tên đăng nhập</label><input id="ten" type="text" name="username" required autocomplete="username" value="${escapeHtml(o.username ?? "")}"></p>` +
      `<p><label for="mat-khau">Mật khẩu</label><input id="mat-khau" type="password" name="password" required autocomplete="current-password"></p>` +
      `<p><button type="submit">Đăng nhập</button></p></form>`,
  );
}

/** "5 phút trước", "3 giờ trước", "2 ngày trước". */
export function ageLabel(createdAt: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(createdAt)) / 60_000));
  if (minutes < 1) return "vừa gửi";
  if (minutes < 60) return `${formatNumber(minutes)} phút trước`;
  if (minutes < 48 * 60) return `${formatNumber(Math.floor(minutes / 60))} giờ trước`;
  return `${formatNumber(Math.floor(minutes / 1440))} ngày trước`;
}

export type QueuePage = {
  username: string;
  /** Shown beside the name; quan-tri also get the link to the account page. */
  role: Role;
  csrf: string;
  queue: QueuedComment[];
  log: DecisionEntry[];
  titles: Map<string, { title: string; path: string }>;
  now: number;
  message?: string;
  error?: string;
};

const where = (c: { kind: string; article: string | null }, titles: QueuePage["titles"]) => {
  if (c.kind === "feedback" || c.article === null) return `<span class="tag">Góp ý về trang</span>`;
  const ref = titles.get(c.article);
  return ref
    ? `Bình luận · <a href="${escapeHtml(ref.path)}">${escapeHtml(ref.title)}</a>`
    : `Bình luận · ${escapeHtml(c.article)}`;
};

/** Reader-given text set apart (<bdi>), so a direction mark in it cannot reorder what follows. */
export const isolated = (text: string) => `<bdi>${escapeHtml(text)}</bdi>`;
/** The same inside an attribute: first-strong isolate … pop directional isolate. */
const isolatedAttr = (text: string) => `\u2068${escapeHtml(text)}\u2069`;

export function queuePage(p: QueuePage): string {
  const items = p.queue
    .map(
      (c) =>
        `<li class="item"><p class="item__meta"><span>${where(c, p.titles)}</span>` +
        `<span><strong>${isolated(c.name)}</strong>${c.email ? ` · ${isolated(c.email)}` : ""}</span>` +
        `<span><time datetime="${escapeHtml(c.createdAt)}" title="${formatDateTime(new Date(c.createdAt))}">${ageLabel(c.createdAt, p.now)}</time></span></p>` +
        `<p class="item__text">${escapeHtml(c.text)}</p><div class="item__actions">` +
        `<label><input type="checkbox" name="id" value="${c.id}"> Chọn</label>` +
        Object.entries(DECISION_LABELS)
          .map(
            ([d, label]) =>
              `<button type="submit" name="mot" value="${d}:${c.id}" aria-label="${label}: ${isolatedAttr(c.name)}, mục ${c.id}">${label}</button>`,
          )
          .join("") +
        `</div></li>`,
    )
    .join("");
  const queue =
    p.queue.length === 0
      ? `<p>Không có bình luận hay góp ý nào chờ duyệt.</p>`
      : `<form method="post" action="/quan-tri/quyet-dinh">` +
        `<input type="hidden" name="csrf" value="${escapeHtml(p.csrf)}">` +
        `<ol class="queue">${items}</ol><div class="bulk">` +
        Object.entries(DECISION_LABELS)
          .map(
            ([d, label]) =>
              `<button type="submit" name="tat-ca" value="${d}">${label} các mục đã chọn</button>`,
          )
          .join("") +
        `</div></form>`;
  const log =
    p.log.length === 0
      ? `<p>Chưa có quyết định nào.</p>`
      : `<div class="table-wrap"><table><thead><tr><th>Lúc</th><th>Người quyết định</th><th>Quyết định</th><th>Mục</th></tr></thead><tbody>` +
        p.log
          .map(
            (e) =>
              `<tr><td>${formatDateTime(new Date(e.at))}</td><td>${isolated(e.username)}</td>` +
              `<td>${DECISION_LABELS[e.decision]}</td><td>${where(e, p.titles)} · ${isolated(e.name)} (mục ${e.commentId})</td></tr>`,
          )
          .join("") +
        `</tbody></table></div>`;
  return staffDocument(
    "Duyệt bình luận",
    `<div class="bar"><h1>Bình luận và góp ý chờ duyệt (${formatNumber(p.queue.length)})</h1>` +
      `<form method="post" action="/quan-tri/dang-xuat"><input type="hidden" name="csrf" value="${escapeHtml(p.csrf)}">` +
      `<span>${isolated(p.username)} (${ROLE_LABELS[p.role]})</span> <button type="submit">Đăng xuất</button></form></div>` +
      (may(p.role, "publish") ? `<p><a href="/quan-tri/du-lieu/">Cập nhật số liệu</a></p>` : "") +
      (may(p.role, "manageAccounts")
        ? `<p><a href="/quan-tri/tai-khoan/">Quản lý tài khoản</a></p>`
        : "") +
      notice(p.message) +
      notice(p.error, true) +
      queue +
      `<h2>Nhật ký quyết định</h2>${log}`,
  );
}

export function decidedMessage(decision: keyof typeof DONE_LABELS, count: number): string {
  return count === 0
    ? "Không có mục nào thay đổi (có thể đã được người khác xử lý)."
    : `Đã ${DONE_LABELS[decision]} ${formatNumber(count)} mục.`;
}

export function refusedPage(text: string): string {
  return staffDocument(
    "Không thực hiện được",
    `<h1>Không thực hiện được</h1>${notice(text, true)}<p><a href="/quan-tri/">Về trang quản trị</a></p>`,
  );
}
