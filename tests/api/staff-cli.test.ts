// `npm run staff:add` / `staff:remove` write to the database the server uses, on each backend.
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { BACKENDS } from "../helpers/stores.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const staff = (env: Record<string, string>, args: string[], input = "") =>
  spawnSync(process.execPath, [join(ROOT, "src/cli/staff.ts"), ...args], {
    env: { ...process.env, DATABASE_URL: "", ...env },
    input,
    encoding: "utf8",
    timeout: 60000,
  });

describe.each(BACKENDS)("staff accounts CLI on $kind", (backend) => {
  it.runIf(backend.available)("adds and removes an account in that database", async () => {
    const target = await backend.create();
    try {
      const added = staff(target.env, ["add", "bientap"], "mat-khau-du-dai-1\n");
      expect(added.stderr).toBe("");
      expect(added.stdout).toContain("Đã tạo tài khoản «bientap»");
      const store = await target.open();
      try {
        expect(await store.staff.staffPasswordHash("bientap")).toMatch(/^scrypt\$/);
        const removed = staff(target.env, ["remove", "bientap"]);
        expect(removed.stdout).toContain("Đã xoá tài khoản «bientap»");
        expect(await store.staff.staffPasswordHash("bientap")).toBeUndefined();
        const again = staff(target.env, ["remove", "bientap"]);
        expect(again.status).toBe(1);
        expect(again.stderr).toContain("Không có tài khoản «bientap»");
      } finally {
        await store.close();
      }
    } finally {
      await target.dispose();
    }
  });
});

describe.each(BACKENDS)("staff:add --role on $kind", (backend) => {
  it.runIf(backend.available)(
    "sets the role (kiem-duyet by default), keeps it on a new password, refuses a bad one",
    async () => {
      const target = await backend.create();
      const pw = "mat-khau-du-dai-1\n";
      try {
        expect(staff(target.env, ["add", "kiemduyet"], pw).stdout).toContain(
          "Đã tạo tài khoản «kiemduyet» (vai trò kiem-duyet).",
        );
        expect(staff(target.env, ["add", "chu", "--role", "quan-tri"], pw).stdout).toContain(
          "(vai trò quan-tri)",
        );
        expect(staff(target.env, ["add", "bt", "--role=bien-tap"], pw).stdout).toContain(
          "(vai trò bien-tap)",
        );
        const again = staff(target.env, ["add", "chu"], pw);
        expect(again.stdout).toContain("Đã đổi mật khẩu của «chu» (vai trò quan-tri)");
        const bad = staff(target.env, ["add", "moi", "--role", "admin"], pw);
        expect(bad.status).toBe(1);
        expect(bad.stderr).toContain(
          "Vai trò «admin» không hợp lệ; chỉ dùng một trong: kiem-duyet, bien-tap, quan-tri. Không có gì thay đổi.",
        );
        const demote = staff(target.env, ["add", "chu", "--role", "sai"], pw);
        expect(demote.status).toBe(1);
        const odd = staff(target.env, ["add", "moi", "--vai-tro", "bien-tap"], pw);
        expect(odd.status).toBe(1);
        expect(odd.stderr).toContain("Cách dùng");
        const store = await target.open();
        try {
          const roles = (await store.staff.listStaffAccounts()).map((a) => [a.username, a.role]);
          expect(roles).toEqual([
            ["bt", "bien-tap"],
            ["chu", "quan-tri"],
            ["kiemduyet", "kiem-duyet"],
          ]);
          // A new password from the command line does not re-enable a disabled account; it says so.
          const by = { actor: "chu", at: new Date() };
          expect(await store.staff.changeStaffAccount("bt", { action: "disable" }, by)).toBe("ok");
          expect(staff(target.env, ["add", "bt"], pw).stdout).toContain("vẫn đang bị vô hiệu hoá");
          expect(await store.staff.staffPasswordHash("bt")).toBeUndefined();
          // Every command is in the account log, by "(dòng lệnh)".
          const log = (await store.staff.staffLog(20)).filter((e) => e.actor === "(dòng lệnh)");
          expect(log.map((e) => [e.action, e.target, e.role]).reverse()).toEqual([
            ["add", "kiemduyet", "kiem-duyet"],
            ["add", "chu", "quan-tri"],
            ["add", "bt", "bien-tap"],
            ["password", "chu", null],
            ["password", "bt", null],
          ]);
        } finally {
          await store.close();
        }
      } finally {
        await target.dispose();
      }
    },
  );
});

/** What staff:add refuses, on SQLite (the checks come before the database is written). */
const REFUSED: [string, string, string, string][] = [
  [
    "a password over the sign-in cap (1,100 characters)",
    "bientap",
    "Ab1-".repeat(275),
    "dài quá 1.024 ký tự",
  ],
  ["12 spaces", "bientap", " ".repeat(12), "không được để trống"],
  ["a repeated letter", "bientap", "aaaaaaaaaaaa", "quá dễ đoán"],
  ["a common word and digits", "bientap", "password1234", "quá dễ đoán"],
  ["the user name and digits", "bientap", "bientap12345", "quá dễ đoán"],
  ["a keyboard row", "bientap", "qwertyuiop12", "quá dễ đoán"],
  ["too short", "bientap", "Xq7-vn", "ít nhất 12 ký tự"],
  ["a control character", "bientap", "mat-khau\u0001-du-dai-1", "ký tự điều khiển"],
  ["the user name ..", "..", "mat-khau-du-dai-1", "Tên đăng nhập «..» không hợp lệ"],
  ["the user name --help", "--help", "mat-khau-du-dai-1", "Tên đăng nhập «--help» không hợp lệ"],
  ["a user name starting with a dot", ".an", "mat-khau-du-dai-1", "không hợp lệ"],
  ["a user name with ..", "a..b", "mat-khau-du-dai-1", "không hợp lệ"],
  ["a user name of 33 characters", "a".repeat(33), "mat-khau-du-dai-1", "2–32 ký tự"],
  ["an upper-case user name", "BienTap", "mat-khau-du-dai-1", "không hợp lệ"],
];

describe("staff:add refuses what cannot or should not be used", () => {
  it.each(REFUSED)("%s", async (_, user, password, says) => {
    const target = await BACKENDS[0]!.create();
    try {
      const res = staff(target.env, ["add", user], `${password}\n`);
      expect(res.status).toBe(1);
      expect(res.stderr).toContain(says);
      expect(res.stderr).toContain("Không có gì thay đổi");
      const store = await target.open();
      try {
        expect(await store.staff.staffPasswordHash(user)).toBeUndefined();
      } finally {
        await store.close();
      }
    } finally {
      await target.dispose();
    }
  });

  it("accepts a long passphrase of several words with Vietnamese letters", async () => {
    const target = await BACKENDS[0]!.create();
    try {
      const res = staff(target.env, ["add", "bien.tap-2"], "Trời xanh mây trắng trên đồi 2026\n");
      expect(res.stderr).toBe("");
      expect(res.stdout).toContain("Đã tạo tài khoản «bien.tap-2»");
    } finally {
      await target.dispose();
    }
  });
});
