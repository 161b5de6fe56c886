// The account page at /quan-tri/tai-khoan/ (quan-tri only): every account with its own forms, a
// form to add one, and the account log. Plain HTML posted without script; every value escaped.
import { formatDateTime } from "../../lib/format.ts";
import { escapeHtml } from "../../lib/html.ts";
import type { StaffAccount, StaffLogEntry } from "../store/staff.ts";
import { isolated, notice, staffDocument } from "./pages.ts";
import { MIN_PASSWORD_LENGTH } from "./password.ts";
import { ROLE_LABELS, ROLES, type Role } from "./roles.ts";

export const ACCOUNTS_BASE = "/quan-tri/tai-khoan/";

export type AccountsPage = {
  username: string;
  csrf: string;
  accounts: StaffAccount[];
  log: StaffLogEntry[];
  message?: string;
  error?: string;
  /** What the add form held when it was refused (never the password). */
  draft?: { username: string; role: Role };
};

const LOG_LABELS: Record<StaffLogEntry["action"], string> = {
  add: "Tạo tài khoản",
  password: "Đặt lại mật khẩu",
  role: "Đổi vai trò",
  disable: "Vô hiệu hoá",
  enable: "Kích hoạt lại",
  remove: "Xoá tài khoản",
  publish: "Gửi đăng",
  undo: "Gửi hoàn tác",
  published: "Đã đăng",
  "publish-failed": "Đăng lỗi",
};

const when = (iso: string | null) =>
  iso
    ? `<time datetime="${escapeHtml(iso)}">${formatDateTime(new Date(iso))}</time>`
    : "Chưa đăng nhập";

/** A form posting to one action with the CSRF token and (for a row) the account's name. */
function actionForm(p: AccountsPage, action: string, fields: string, target?: string): string {
  const who = target ? `<input type="hidden" name="username" value="${escapeHtml(target)}">` : "";
  return (
    `<form method="post" action="${ACCOUNTS_BASE}${action}">` +
    `<input type="hidden" name="csrf" value="${escapeHtml(p.csrf)}">${who}${fields}</form>`
  );
}

function roleSelect(id: string, selected: Role): string {
  const options = ROLES.map(
    (r) =>
      `<option value="${r}"${r === selected ? " selected" : ""}>${escapeHtml(ROLE_LABELS[r])} (${r})</option>`,
  ).join("");
  return `<select id="${escapeHtml(id)}" name="role">${options}</select>`;
}

const passwordInput = (id: string) =>
  `<input id="${escapeHtml(id)}" type="password" name="password" required minlength="${MIN_PASSWORD_LENGTH}" autocomplete="new-password">`;

function accountRow(p: AccountsPage, a: StaffAccount, i: number): string {
  const name = escapeHtml(a.username);
  const you = a.username === p.username ? " (bạn)" : "";
  const toggle = a.disabled
    ? actionForm(p, "kich-hoat", `<button type="submit">Kích hoạt lại ${name}</button>`, a.username)
    : actionForm(p, "vo-hieu", `<button type="submit">Vô hiệu hoá ${name}</button>`, a.username);
  const role = actionForm(
    p,
    "vai-tro",
    `<label for="vai-tro-${i}">Vai trò của ${name}</label>${roleSelect(`vai-tro-${i}`, a.role)}` +
      `<button type="submit">Đổi vai trò</button>`,
    a.username,
  );
  const reset = actionForm(
    p,
    "mat-khau",
    `<label for="mat-khau-${i}">Mật khẩu mới cho ${name}</label>${passwordInput(`mat-khau-${i}`)}` +
      `<button type="submit">Đặt lại mật khẩu</button>`,
    a.username,
  );
  return (
    `<tr><th scope="row">${isolated(a.username)}${you}</th><td data-label="Vai trò">${escapeHtml(ROLE_LABELS[a.role])}</td>` +
    `<td data-label="Trạng thái">${a.disabled ? "Đã vô hiệu hoá" : "Đang hoạt động"}</td>` +
    `<td data-label="Đăng nhập gần nhất">${when(a.lastSigninAt)}</td>` +
    `<td><div class="row-forms">${role}${toggle}${reset}</div></td></tr>`
  );
}

function addForm(p: AccountsPage): string {
  const draft = p.draft ?? { username: "", role: "kiem-duyet" as Role };
  return actionForm(
    p,
    "them",
    `<p><label for="ten-moi">Tên đăng nhập</label><input id="ten-moi" type="text" name="username" required autocomplete="off" value="${escapeHtml(draft.username)}"></p>` +
      `<p><label for="mat-khau-moi">Mật khẩu (ít nhất ${MIN_PASSWORD_LENGTH} ký tự, khó đoán)</label>${passwordInput("mat-khau-moi")}</p>` +
      `<p><label for="vai-tro-moi">Vai trò</label> ${roleSelect("vai-tro-moi", draft.role)}</p>` +
      `<p><button type="submit">Tạo tài khoản</button></p>`,
  );
}

function logTable(log: StaffLogEntry[]): string {
  if (log.length === 0) return `<p>Chưa có thay đổi nào.</p>`;
  const rows = log
    .map(
      (e) =>
        `<tr><td>${when(e.at)}</td><td>${isolated(e.actor)}</td><td>${LOG_LABELS[e.action]}` +
        `${e.role ? `: ${escapeHtml(ROLE_LABELS[e.role])}` : ""}</td><td>${isolated(e.target)}</td></tr>`,
    )
    .join("");
  return (
    `<div class="table-wrap"><table><thead><tr><th>Lúc</th><th>Người thực hiện</th><th>Thay đổi</th>` +
    `<th>Tài khoản</th></tr></thead><tbody>${rows}</tbody></table></div>`
  );
}

export function accountsPage(p: AccountsPage): string {
  const rows = p.accounts.map((a, i) => accountRow(p, a, i)).join("");
  return staffDocument(
    "Tài khoản",
    `<div class="bar"><h1>Tài khoản quản trị</h1><p><a href="/quan-tri/">Về trang duyệt bình luận</a></p></div>` +
      notice(p.message) +
      notice(p.error, true) +
      `<p>Vai trò: <strong>Kiểm duyệt</strong> duyệt bình luận; <strong>Biên tập</strong> còn viết và đăng bài; ` +
      `<strong>Quản trị</strong> còn quản lý tài khoản. Vô hiệu hoá hay đặt lại mật khẩu sẽ kết thúc các phiên đăng nhập của tài khoản đó.</p>` +
      `<div class="table-wrap"><table class="accounts"><thead><tr><th scope="col">Tên đăng nhập</th><th scope="col">Vai trò</th>` +
      `<th scope="col">Trạng thái</th><th scope="col">Đăng nhập gần nhất</th><th scope="col">Thao tác</th></tr></thead>` +
      `<tbody>${rows}</tbody></table></div>` +
      `<h2>Thêm tài khoản</h2>${addForm(p)}<h2>Nhật ký thay đổi tài khoản</h2>${logTable(p.log)}`,
  );
}
