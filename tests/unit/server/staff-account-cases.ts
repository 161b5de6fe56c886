// The StaffStore's account changes on any backend (store-contract.test.ts runs them on both):
// roles, disabling (sessions end, sign-in refused), new passwords, the log, and the rule that
// at least one enabled quan-tri always remains, even when two change at once.
import { describe, expect, it } from "vitest";
import type { StaffStore } from "../../../src/server/store/staff.ts";
import { freshStoresEach, type Backend } from "../../helpers/stores.ts";

const t0 = new Date("2026-03-01T03:00:00Z");
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const by = (actor: string, minutes = 0) => ({ actor, at: later(minutes) });

export function staffAccountCases(backend: Backend): void {
  describe.runIf(backend.available)("StaffStore accounts", () => {
    let store: StaffStore;
    freshStoresEach(backend, (stores) => (store = stores.staff));

    it("a new account is kiem-duyet; putStaffAccount keeps a role unless given one", async () => {
      await store.putStaffAccount("moi", "h1", t0);
      expect(await store.staffAccount("moi")).toEqual({
        username: "moi",
        role: "kiem-duyet",
        disabled: false,
        createdAt: t0.toISOString(),
        lastSigninAt: null,
      });
      await store.putStaffAccount("moi", "h2", later(1), "bien-tap");
      await store.putStaffAccount("moi", "h3", later(2));
      expect((await store.staffAccount("moi"))?.role).toBe("bien-tap");
      await store.recordSignin({ at: later(3), username: "moi", addressKey: "x", ok: true });
      await store.recordSignin({ at: later(4), username: "moi", addressKey: "x", ok: false });
      expect((await store.listStaffAccounts())[0]?.lastSigninAt).toBe(later(3).toISOString());
    });

    it("putStaffAccount and removeStaffAccount log for an actor when given one", async () => {
      await store.putStaffAccount("fixture", "h", t0);
      await store.putStaffAccount("an", "h1", later(1), undefined, "(dòng lệnh)");
      await store.putStaffAccount("an", "h2", later(2), "kiem-duyet", "(dòng lệnh)");
      await store.putStaffAccount("an", "h3", later(3), "quan-tri", "(dòng lệnh)");
      expect(await store.removeStaffAccount("an", by("(dòng lệnh)", 4))).toBe(true);
      expect(await store.removeStaffAccount("an", by("(dòng lệnh)", 5))).toBe(false);
      const log = await store.staffLog(10);
      expect(log.map((e) => [e.at, e.action, e.target, e.role])).toEqual([
        [later(4).toISOString(), "remove", "an", null],
        [later(3).toISOString(), "role", "an", "quan-tri"],
        [later(3).toISOString(), "password", "an", null],
        [later(2).toISOString(), "password", "an", null],
        [later(1).toISOString(), "add", "an", "kiem-duyet"],
      ]);
      expect(new Set(log.map((e) => e.actor))).toEqual(new Set(["(dòng lệnh)"]));
    });

    it("add, role, disable (sessions end, no sign-in), enable, password: each logged", async () => {
      await store.putStaffAccount("chu", "h", t0, "quan-tri");
      expect(
        await store.changeStaffAccount(
          "an",
          { action: "add", passwordHash: "ha", role: "bien-tap" },
          by("chu", 1),
        ),
      ).toBe("ok");
      expect(
        await store.changeStaffAccount(
          "an",
          { action: "add", passwordHash: "hb", role: "quan-tri" },
          by("chu", 2),
        ),
      ).toBe("exists");
      expect(await store.staffPasswordHash("an")).toBe("ha");
      expect(
        await store.changeStaffAccount("an", { action: "role", role: "kiem-duyet" }, by("chu", 3)),
      ).toBe("ok");
      await store.createSession("s1", "an", "c", later(4));
      expect((await store.sessionOf("s1", t0, later(4)))?.role).toBe("kiem-duyet");
      expect(await store.changeStaffAccount("an", { action: "disable" }, by("chu", 5))).toBe("ok");
      expect(await store.sessionOf("s1", t0, later(5))).toBeUndefined();
      expect(await store.staffPasswordHash("an")).toBeUndefined();
      expect((await store.staffAccount("an"))?.disabled).toBe(true);
      expect(await store.changeStaffAccount("an", { action: "enable" }, by("chu", 6))).toBe("ok");
      expect(await store.staffPasswordHash("an")).toBe("ha");
      await store.createSession("s2", "an", "c", later(7));
      expect(
        await store.changeStaffAccount(
          "an",
          { action: "password", passwordHash: "hc" },
          by("chu", 8),
        ),
      ).toBe("ok");
      expect(await store.sessionOf("s2", t0, later(8))).toBeUndefined();
      expect(await store.staffPasswordHash("an")).toBe("hc");
      expect(await store.changeStaffAccount("khong-co", { action: "enable" }, by("chu", 9))).toBe(
        "missing",
      );
      const log = await store.staffLog(10);
      expect(log.map((e) => [e.action, e.target, e.role, e.actor])).toEqual([
        ["password", "an", null, "chu"],
        ["enable", "an", null, "chu"],
        ["disable", "an", null, "chu"],
        ["role", "an", "kiem-duyet", "chu"],
        ["add", "an", "bien-tap", "chu"],
      ]);
      expect(log[0]?.at).toBe(later(8).toISOString());
    });

    it("never leaves no enabled quan-tri, even when two disable each other at once", async () => {
      await store.putStaffAccount("mot", "h", t0, "quan-tri");
      expect(await store.changeStaffAccount("mot", { action: "disable" }, by("mot"))).toBe(
        "last-admin",
      );
      expect(
        await store.changeStaffAccount("mot", { action: "role", role: "bien-tap" }, by("mot")),
      ).toBe("last-admin");
      expect(
        await store.changeStaffAccount("mot", { action: "role", role: "quan-tri" }, by("mot")),
      ).toBe("ok");
      expect(
        await store.changeStaffAccount(
          "mot",
          { action: "password", passwordHash: "h2" },
          by("mot"),
        ),
      ).toBe("ok");
      await store.putStaffAccount("hai", "h", t0, "quan-tri");
      const both = await Promise.all([
        store.changeStaffAccount("mot", { action: "disable" }, by("hai", 1)),
        store.changeStaffAccount("hai", { action: "disable" }, by("mot", 1)),
      ]);
      expect(both.toSorted()).toEqual(["last-admin", "ok"]);
      const admins = (await store.listStaffAccounts()).filter(
        (a) => a.role === "quan-tri" && !a.disabled,
      );
      expect(admins.length).toBe(1);
      expect((await store.staffLog(10)).filter((e) => e.action === "disable").length).toBe(1);
    });
  });
}
