// Staff accounts for /quan-tri/: `npm run staff:add -- <user>` (password from standard input,
// never from the command line or the environment) and `npm run staff:remove -- <user>`.
import { loadConfig } from "../server/config.ts";
import { hashPassword } from "../server/staff/password.ts";
import { passwordProblem } from "../server/staff/password-strength.ts";
import { newUsernameProblem, USERNAME } from "../server/staff/username.ts";
import { openStore } from "../server/store/open.ts";
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

const [command, username, ...rest] = process.argv.slice(2);
if ((command !== "add" && command !== "remove") || !username || rest.length > 0) {
  fail(
    "Cách dùng: npm run staff:add -- <tên đăng nhập>   (mật khẩu nhập từ bàn phím hoặc qua đầu vào chuẩn)\n" +
      "           npm run staff:remove -- <tên đăng nhập>",
  );
}
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
    if (!(await store.removeStaffAccount(username))) {
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
    const existed = (await store.staffPasswordHash(username)) !== undefined;
    await store.putStaffAccount(username, await hashPassword(password), new Date());
    console.log(
      existed
        ? `Đã đổi mật khẩu của «${username}»; các phiên đăng nhập cũ đã kết thúc.`
        : `Đã tạo tài khoản «${username}».`,
    );
  }
} finally {
  await stores.close();
}
