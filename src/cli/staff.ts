// Staff accounts for /quan-tri/: `npm run staff:add -- <user> [--role <role>]` (password from
// standard input, never from the command line or the environment) and `npm run staff:remove -- <user>`.
import { loadConfig } from "../server/config.ts";
import { hashPassword } from "../server/staff/password.ts";
import { passwordProblem } from "../server/staff/password-strength.ts";
import { DEFAULT_ROLE, parseRole, ROLES, type Role } from "../server/staff/roles.ts";
import { newUsernameProblem, USERNAME } from "../server/staff/username.ts";
import { openStore } from "../server/store/open.ts";
import { COMMAND_LINE } from "../server/store/staff.ts";
import type { Stores } from "../server/store/types.ts";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** One line typed with echo off (a terminal), or the first line piped in. */
async function readPassword(prompt: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    let text = "";
    for await (const chunk of input) {
      text += String(chunk);
      if (text.includes("\n")) break;
    }
    return text.split(/\r?\n/)[0] ?? "";
  }
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.resume();
  input.setEncoding("utf8");
  return new Promise((resolve) => {
    let typed = "";
    const onData = (key: string) => {
      for (const ch of key) {
        if (ch === "\r" || ch === "\n") {
          input.setRawMode(false);
          input.pause();
          input.off("data", onData);
          process.stderr.write("\n");
          resolve(typed);
          return;
        }
        if (ch === "\u0003") fail("\nĐã huỷ.");
        if (ch === "\u007f") typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    input.on("data", onData);
  });
}

const USAGE =
  `Cách dùng: npm run staff:add -- <tên đăng nhập> [--role <vai trò>]   (mật khẩu nhập từ bàn phím hoặc qua đầu vào chuẩn; vai trò: ${ROLES.join(", ")}; mặc định ${DEFAULT_ROLE})\n` +
  "           npm run staff:remove -- <tên đăng nhập>";

/** `--role <r>` or `--role=<r>` after the user name (staff:add only); nothing else. */
function roleOption(args: string[]): Role | undefined {
  if (args.length === 0) return undefined;
  const value =
    args.length === 2 && args[0] === "--role"
      ? args[1]!
      : args.length === 1 && args[0]!.startsWith("--role=")
        ? args[0]!.slice("--role=".length)
        : fail(USAGE);
  const parsed = parseRole(value);
  return "role" in parsed ? parsed.role : fail(`${parsed.problem} Không có gì thay đổi.`);
}

const [command, username, ...rest] = process.argv.slice(2);
if ((command !== "add" && command !== "remove") || !username) fail(USAGE);
if (command === "remove" && rest.length > 0) fail(USAGE);
const role = roleOption(rest);
// A new account's name follows the documented pattern; removal also takes older names.
const nameProblem =
  command === "add"
    ? newUsernameProblem(username)
    : USERNAME.test(username)
      ? undefined
      : newUsernameProblem(username);
if (nameProblem) fail(`${nameProblem} Không có gì thay đổi.`);

let config;
try {
  config = loadConfig();
} catch (error) {
  fail((error as Error).message);
}
// The database the server uses: PostgreSQL when DATABASE_URL is set, else the SQLite file.
let stores: Stores;
try {
  stores = await openStore(config);
} catch (error) {
  fail(`Không mở được cơ sở dữ liệu; không có gì thay đổi. ${(error as Error).message}`);
}
const store = stores.staff;
try {
  if (command === "remove") {
    if (!(await store.removeStaffAccount(username, { actor: COMMAND_LINE, at: new Date() }))) {
      fail(`Không có tài khoản «${username}»; không có gì thay đổi.`);
    }
    console.log(`Đã xoá tài khoản «${username}» và các phiên đăng nhập của tài khoản này.`);
  } else {
    const password = await readPassword(`Mật khẩu cho «${username}»: `);
    const problem = passwordProblem(password, username);
    if (problem) {
      fail(`${problem} Không có gì thay đổi. Nhập lại: npm run staff:add -- ${username}`);
    }
    if (process.stdin.isTTY) {
      const again = await readPassword("Nhập lại mật khẩu: ");
      if (again !== password) fail("Hai lần nhập không khớp; không có gì thay đổi.");
    }
    const existed = await store.staffAccount(username);
    const hash = await hashPassword(password);
    await store.putStaffAccount(username, hash, new Date(), role, COMMAND_LINE);
    const now = role ?? existed?.role ?? DEFAULT_ROLE;
    console.log(
      existed
        ? `Đã đổi mật khẩu của «${username}» (vai trò ${now}); các phiên đăng nhập cũ đã kết thúc.` +
            (existed.disabled
              ? " Tài khoản này vẫn đang bị vô hiệu hoá: một người quản trị kích hoạt lại ở /quan-tri/tai-khoan/."
              : "")
        : `Đã tạo tài khoản «${username}» (vai trò ${now}).`,
    );
  }
} finally {
  await stores.close();
}
