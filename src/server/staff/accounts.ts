// Account management at /quan-tri/tai-khoan/ for quan-tri: the page, and one POST per action
// (plain form, CSRF token, 303 back). A refused change answers the page with the reason and
// changes nothing; every change is one staff_log row, written with it.
import type { Context } from "hono";
import type { AccountChange, ChangeResult, StaffStore } from "../store/staff.ts";
import { ACCOUNTS_BASE, accountsPage, type AccountsPage } from "./account-pages.ts";
import { hashPassword } from "./password.ts";
import { passwordProblem } from "./password-strength.ts";
import { refuse, STAFF_BASE } from "./respond.ts";
import { DEFAULT_ROLE, parseRole, Role } from "./roles.ts";
import { one, type FormFields, type StaffEnv } from "./session.ts";
import { newUsernameProblem, USERNAME } from "./username.ts";

export type AccountDeps = { store: StaffStore; now: () => number };

/** The path of each action under /quan-tri/tai-khoan/. */
const ACTIONS: Record<string, AccountChange["action"]> = {
  them: "add",
  "mat-khau": "password",
  "vai-tro": "role",
  "vo-hieu": "disable",
  "kich-hoat": "enable",
};

const DONE: Record<AccountChange["action"], (name: string) => string> = {
  add: (n) => `Đã tạo tài khoản «${n}».`,
  password: (n) =>
    `Đã đặt mật khẩu mới cho «${n}»; các phiên đăng nhập của tài khoản này đã kết thúc.`,
  role: (n) => `Đã đổi vai trò của «${n}».`,
  disable: (n) => `Đã vô hiệu hoá «${n}»; các phiên đăng nhập của tài khoản này đã kết thúc.`,
  enable: (n) => `Đã kích hoạt lại «${n}».`,
};

const REFUSED: Record<Exclude<ChangeResult, "ok">, (name: string) => string> = {
  missing: (n) => `Không có tài khoản «${n}»; không có gì thay đổi.`,
  exists: (n) => `Đã có tài khoản «${n}»; không có gì thay đổi. Mời chọn tên khác.`,
  "last-admin": (n) =>
    `«${n}» là tài khoản quản trị cuối cùng còn hoạt động, nên không thể vô hiệu hoá hay đổi sang vai trò khác: khi đó sẽ không còn ai quản lý được tài khoản. Mời cấp vai trò Quản trị cho một tài khoản khác trước; không có gì thay đổi.`,
};

type Refusal = { status: 400 | 404 | 409; error: string };

/** GET /quan-tri/tai-khoan/ (after loadSession and requireRole). */
export async function showAccounts(
  c: Context<StaffEnv>,
  d: AccountDeps,
  refusal?: Refusal & { draft?: AccountsPage["draft"] },
): Promise<Response> {
  const staff = c.get("staff")!;
  const action = c.req.query("da") ?? "";
  const name = c.req.query("ten") ?? "";
  const done =
    Object.hasOwn(ACTIONS, action) && USERNAME.test(name)
      ? DONE[ACTIONS[action]!](name)
      : undefined;
  const page = accountsPage({
    username: staff.username,
    csrf: staff.csrf,
    accounts: await d.store.listStaffAccounts(),
    log: await d.store.staffLog(50),
    message: refusal ? undefined : done,
    error: refusal?.error,
    draft: refusal?.draft,
  });
  return c.html(page, refusal?.status ?? 200);
}

/** The change a form asks for, or why it cannot be made (nothing is written either way). */
async function changeOf(
  action: AccountChange["action"],
  form: FormFields,
  username: string,
): Promise<AccountChange | string> {
  const nameProblem = action === "add" ? newUsernameProblem(username) : undefined;
  if (nameProblem) return nameProblem;
  if (action !== "add" && !USERNAME.test(username)) return REFUSED.missing(username);
  const parsed = action === "add" || action === "role" ? parseRole(one(form, "role")) : undefined;
  if (parsed && "problem" in parsed) return parsed.problem;
  const role = parsed?.role ?? DEFAULT_ROLE;
  if (action === "add" || action === "password") {
    const password = one(form, "password");
    const problem = passwordProblem(password, username);
    if (problem) return `${problem} Không có gì thay đổi.`;
    const passwordHash = await hashPassword(password);
    return action === "add" ? { action, passwordHash, role } : { action, passwordHash };
  }
  return action === "role" ? { action, role } : { action };
}

/** POST /quan-tri/tai-khoan/:action (after the same-site check, formBody, the session, its
 * CSRF token and requireRole("manageAccounts")). */
export function changeAccount(d: AccountDeps) {
  return async (c: Context<StaffEnv>): Promise<Response> => {
    const path = c.req.param("action") ?? "";
    if (!Object.hasOwn(ACTIONS, path)) {
      return refuse(c, 400, "Không rõ thao tác; mời tải lại trang tài khoản rồi làm lại.");
    }
    const action = ACTIONS[path]!;
    const form = c.get("form");
    const username = one(form, "username").trim().toLowerCase();
    const rawRole = one(form, "role");
    const draft =
      action === "add"
        ? { username: username.slice(0, 64), role: Role.safeParse(rawRole).data ?? DEFAULT_ROLE }
        : undefined;
    const change = await changeOf(action, form, username);
    if (typeof change === "string")
      return showAccounts(c, d, { status: 400, error: change, draft });
    const actor = c.get("staff")!.username;
    const result = await d.store.changeStaffAccount(username, change, {
      actor,
      at: new Date(d.now()),
    });
    if (result !== "ok") {
      const status = result === "missing" ? 404 : 409;
      return showAccounts(c, d, { status, error: REFUSED[result](username), draft });
    }
    // Their own session has ended (disabled, new password) or their rights changed.
    if (username === actor && action !== "enable") return c.redirect(STAFF_BASE, 303);
    return c.redirect(`${ACCOUNTS_BASE}?da=${path}&ten=${encodeURIComponent(username)}`, 303);
  };
}
