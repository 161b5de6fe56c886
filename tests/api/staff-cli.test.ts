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
