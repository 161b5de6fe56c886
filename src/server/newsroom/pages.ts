// The newsroom's pages (/quan-tri/xuat-ban/): a publication's state, the history with its undo
// buttons, a commit's diff, and the page saying the newsroom is off. Plain HTML that works
// without script; every value escaped.
import { formatDateTime, formatNumber } from "../../lib/format.ts";
import { escapeHtml } from "../../lib/html.ts";
import { isolated, notice, staffDocument } from "../staff/pages.ts";
import type { HistoryEntry } from "./history.ts";
import { STATE_LABELS, type Publication, type PublicationKind } from "./publication.ts";

export const NEWSROOM_BASE = "/quan-tri/xuat-ban/";
export const jobPath = (id: string) => `${NEWSROOM_BASE}viec/${id}/`;
export const diffPath = (commit: string) => `${NEWSROOM_BASE}${commit}/`;
export const STATUS_SCRIPT = `${NEWSROOM_BASE}trang-thai.js`;

const KIND_LABELS: Record<PublicationKind, string> = {
  article: "Bài viết",
  dataset: "Số liệu",
  undo: "Hoàn tác",
};

const ARTICLE_FILE = /^content\/news\/([a-z0-9-]+)\.mdx$/;
const DATASET_FILE = /^data\/([a-z0-9-]+)\.csv$/;
/** Where a publication shows on the site: its first article's page, else its dataset's page. */
export const sitePathOf = (p: Publication) => {
  const written = p.files.filter((f) => f.text !== null).map((f) => f.path);
  const article = written.map((path) => ARTICLE_FILE.exec(path)?.[1]).find(Boolean);
  if (article) return `/tin-tuc/${article}/`;
  const dataset = written.map((path) => DATASET_FILE.exec(path)?.[1]).find(Boolean);
  return dataset ? `/du-lieu/${dataset}/` : undefined;
};

const bar = (title: string) =>
  `<div class="bar"><h1>${escapeHtml(title)}</h1><p><a href="${NEWSROOM_BASE}">Lịch sử xuất bản</a> · <a href="/quan-tri/">Về trang quản trị</a></p></div>`;

const time = (iso: string) =>
  `<time datetime="${escapeHtml(iso)}">${formatDateTime(new Date(iso))}</time>`;

/** The finished publication's links, present (hidden) from the start so the script can show them. */
function doneLinks(p: Publication): string {
  const page = sitePathOf(p);
  const shown = p.state === "published";
  const link = (kind: string, href: string | undefined, text: string) =>
    `<a data-link="${kind}" href="${escapeHtml(href ?? "#")}"${href && shown ? "" : " hidden"}>${text}</a>`;
  return (
    `<p data-when="published"${shown ? "" : " hidden"}>` +
    `${link("page", page, "Xem trên trang")} ${link("diff", p.commit && diffPath(p.commit), "Xem thay đổi")}</p>`
  );
}

export function jobPage(p: Publication): string {
  const files = p.files.map((f) => `<li><code>${escapeHtml(f.path)}</code></li>`).join("");
  const unfinished = p.state === "waiting" || p.state === "building";
  return staffDocument(
    "Việc xuất bản",
    bar("Việc xuất bản") +
      `<section data-publication="${jobPath(p.id)}trang-thai" data-state="${p.state}">` +
      `<p>${KIND_LABELS[p.kind]}: <strong>${isolated(p.title)}</strong> · gửi bởi ${isolated(p.username)} lúc ${time(p.submittedAt)}</p>` +
      (files ? `<ul>${files}</ul>` : "") +
      `<div aria-live="polite"><p class="notice" role="status">Trạng thái: <strong data-publication-label>${STATE_LABELS[p.state]}</strong></p>` +
      `<pre class="notice notice--error" data-publication-message${p.message ? "" : " hidden"}>${escapeHtml(p.message ?? "")}</pre>` +
      doneLinks(p) +
      `<p data-when="waiting"${p.state === "waiting" ? "" : " hidden"}>Đang chờ các việc gửi trước dựng xong; mỗi lần chỉ dựng một bản.</p>` +
      `<p data-when="building"${p.state === "building" ? "" : " hidden"}>Đang kiểm tra và dựng lại trang; thường mất một đến vài phút.</p></div>` +
      (unfinished
        ? `<p><a href="${jobPath(p.id)}">Tải lại trang để xem trạng thái mới</a></p>`
        : "") +
      `</section><script type="module" src="${STATUS_SCRIPT}"></script>`,
  );
}

/** The JSON the status script polls. */
export const jobState = (p: Publication) => ({
  state: p.state,
  label: STATE_LABELS[p.state],
  ...(p.message ? { message: p.message } : {}),
  ...(p.state === "published"
    ? { links: { diff: p.commit && diffPath(p.commit), page: sitePathOf(p) } }
    : {}),
});

const lines = (f: { added: number; removed: number }) =>
  `<span aria-label="thêm ${f.added} dòng, bỏ ${f.removed} dòng">+${formatNumber(f.added)} −${formatNumber(f.removed)}</span>`;

function historyRow(e: HistoryEntry, csrf: string): string {
  const files = e.files.map((f) => `<li><code>${escapeHtml(f.path)}</code> ${lines(f)}</li>`);
  const undo = e.undoneBy
    ? `Đã hoàn tác (<a href="${diffPath(e.undoneBy)}">${e.undoneBy.slice(0, 10)}</a>)`
    : `<form method="post" action="${NEWSROOM_BASE}hoan-tac"><input type="hidden" name="csrf" value="${escapeHtml(csrf)}">` +
      `<input type="hidden" name="commit" value="${e.commit}"><button name="action" value="undo" aria-label="Hoàn tác: ${escapeHtml(e.subject)}">Hoàn tác</button></form>`;
  return (
    `<tr><td data-label="Lúc">${time(e.at)}</td><td data-label="Người đăng">${isolated(e.author)}</td>` +
    `<td data-label="Nội dung"><a href="${diffPath(e.commit)}">${escapeHtml(e.subject)}</a><ul>${files.join("")}</ul></td>` +
    `<td data-label="Thao tác">${undo}</td></tr>`
  );
}

function jobsSection(jobs: Publication[]): string {
  if (jobs.length === 0) return "";
  const items = jobs
    .map(
      (p) =>
        `<li><a href="${jobPath(p.id)}">${escapeHtml(STATE_LABELS[p.state])}: ${isolated(p.title)}</a> · ${isolated(p.username)} · ${time(p.submittedAt)}</li>`,
    )
    .join("");
  return `<h2>Đang chờ, đang dựng hoặc lỗi (từ khi máy chủ khởi động)</h2><ul>${items}</ul>`;
}

export function historyPage(o: {
  entries: HistoryEntry[];
  jobs: Publication[];
  csrf: string;
  error?: string;
}): string {
  const rows = o.entries.map((e) => historyRow(e, o.csrf)).join("");
  const table = rows
    ? `<div class="table-wrap"><table class="accounts"><thead><tr><th scope="col">Lúc</th><th scope="col">Người đăng</th><th scope="col">Nội dung</th><th scope="col">Thao tác</th></tr></thead><tbody>${rows}</tbody></table></div>`
    : "<p>Chưa có lần đăng nào từ trang quản trị.</p>";
  return staffDocument(
    "Lịch sử xuất bản",
    `<div class="bar"><h1>Lịch sử xuất bản</h1><p><a href="/quan-tri/">Về trang quản trị</a></p></div>` +
      notice(o.error, true) +
      jobsSection(o.jobs) +
      `<h2>Đã đăng</h2><p>Mỗi lần đăng được lưu thành một bản ghi trong kho nội dung (git), ghi rõ ai đăng và lúc nào. “Hoàn tác” thêm một bản ghi đảo ngược rồi dựng lại trang; các bản ghi cũ không bao giờ bị xoá hay sửa.</p>` +
      table,
  );
}

export function diffPage(e: HistoryEntry, diff: string): string {
  const undone = e.undoneBy
    ? ` · đã hoàn tác bằng <a href="${diffPath(e.undoneBy)}">${e.undoneBy.slice(0, 10)}</a>`
    : "";
  return staffDocument(
    `Thay đổi ${e.commit.slice(0, 10)}`,
    bar(e.subject) +
      `<p>${isolated(e.author)} · ${time(e.at)} · commit <code>${e.commit}</code>${undone}</p>` +
      `<pre class="diff">${escapeHtml(diff)}</pre>`,
  );
}

export function offPage(reason: string): string {
  return staffDocument(
    "Chưa bật xuất bản",
    `<div class="bar"><h1>Chưa bật xuất bản trên máy chủ này</h1><p><a href="/quan-tri/">Về trang quản trị</a></p></div>` +
      notice(
        `${reason}. Vì vậy chưa thể đăng bài hay số liệu từ trình duyệt; mọi phần khác của trang vẫn chạy bình thường. Người quản trị máy chủ: xem mục “Newsroom” trong README.`,
        true,
      ),
  );
}
