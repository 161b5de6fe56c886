// The StaffStore checks, written against the type so any backend can run them: store-contract.test.ts
// calls staffStoreCases(backend) for each; every case gets a fresh, empty database.
import { describe, expect, it } from "vitest";
import type { StaffStore } from "../../../src/server/store/staff.ts";
import { freshStoresEach, type Backend } from "../../helpers/stores.ts";

const t0 = new Date("2026-03-01T03:00:00Z");
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

export function staffStoreCases(backend: Backend): void {
  describe.runIf(backend.available)("StaffStore", () => {
    let store: StaffStore;
    freshStoresEach(backend, (stores) => (store = stores.staff));

    it("accounts: a new password ends sessions; removal ends them too", async () => {
      await store.putStaffAccount("bientap", "hash1", t0);
      expect(await store.staffPasswordHash("bientap")).toBe("hash1");
      await store.createSession("s1", "bientap", "csrf1", t0);
      expect((await store.sessionOf("s1", later(-30), later(1)))?.username).toBe("bientap");
      await store.putStaffAccount("bientap", "hash2", later(2));
      expect(await store.sessionOf("s1", later(-30), later(3))).toBeUndefined();
      await store.createSession("s2", "bientap", "csrf2", later(4));
      expect(await store.removeStaffAccount("bientap")).toBe(true);
      expect(await store.removeStaffAccount("bientap")).toBe(false);
      expect(await store.sessionOf("s2", later(-30), later(5))).toBeUndefined();
      expect(await store.staffPasswordHash("bientap")).toBeUndefined();
    });

    it("sessions expire after inactivity; each use moves the idle clock", async () => {
      await store.putStaffAccount("bientap", "hash", t0);
      await store.createSession("s", "bientap", "c", t0);
      // Used at +20 min (idle limit 30 min): still there at +45.
      expect(await store.sessionOf("s", later(20 - 30), later(20))).toBeDefined();
      expect((await store.sessionOf("s", later(45 - 30), later(45)))?.csrf).toBe("c");
      // Not used for 31 minutes: gone.
      expect(await store.sessionOf("s", later(76 - 30), later(76))).toBeUndefined();
      await store.deleteSession("s");
    });

    it("counts failed sign-ins per account and per address within the window", async () => {
      for (let i = 0; i < 3; i++) {
        await store.recordSignin({ at: later(i), username: "u", addressKey: "x", ok: false });
      }
      await store.recordSignin({ at: later(3), username: "v", addressKey: "x", ok: false });
      await store.recordSignin({ at: later(4), username: "u", addressKey: "y", ok: true });
      const f = await store.failedSignins("u", "x", later(1));
      expect(f.account.length).toBe(2);
      expect(f.address.length).toBe(3);
      expect(f.account[0]! <= f.account[1]!).toBe(true);
    });

    it("claims a sign-in only while the account and the address are under the limit, atomically", async () => {
      const claim = (username: string, addressKey: string) =>
        store.claimSignin({ at: later(1), username, addressKey, since: t0, max: 3 });
      // 10 at once for one account: exactly 3 are counted, however they interleave.
      const burst = await Promise.all(Array.from({ length: 10 }, (_, i) => claim("u", `a${i}`)));
      const claimed = burst.filter((r) => r.status === "claimed");
      expect(claimed.length).toBe(3);
      const blocked = burst.find((r) => r.status === "blocked");
      expect(blocked?.status === "blocked" && blocked.account.length).toBe(3);
      // A right password frees nothing already failed; an unchecked claim is uncounted.
      const [first, second] = claimed.map((r) => (r.status === "claimed" ? r.id : -1));
      await store.settleSignin(first!, "ok");
      await store.settleSignin(second!, "unchecked");
      expect((await store.failedSignins("u", "-", t0)).account.length).toBe(1);
      expect((await claim("u", "b")).status).toBe("claimed");
      // Per address as well.
      for (const u of ["p", "q", "r"]) expect((await claim(u, "x")).status).toBe("claimed");
      expect((await claim("s", "x")).status).toBe("blocked");
    });

    it("a lookup touches only its own session; the sweep deletes the idle ones", async () => {
      await store.putStaffAccount("bientap", "hash", t0);
      await store.createSession("idle", "bientap", "c1", t0);
      await store.createSession("used", "bientap", "c2", later(20));
      expect(await store.sessionOf("used", later(10), later(40))).toBeDefined();
      expect(await store.sweepIdleSessions(later(10))).toBe(1);
      expect(await store.sweepIdleSessions(later(10))).toBe(0);
      expect(await store.sessionOf("idle", new Date(0), later(41))).toBeUndefined();
      expect(await store.sessionOf("used", later(11), later(42))).toBeDefined();
    });
    it("logs the newsroom's actions beside the account changes; any other action is refused", async () => {
      await store.putStaffAccount("bientap", "hash", t0, "bien-tap", "(dòng lệnh)");
      const target = "0123456789abcdef content/news/bai-moi.mdx";
      await store.logNewsroom({ at: later(1), actor: "bientap", action: "publish", target });
      await store.logNewsroom({ at: later(2), actor: "bientap", action: "published", target });
      await store.logNewsroom({ at: later(3), actor: "bientap", action: "undo", target: "x" });
      await store.logNewsroom({
        at: later(4),
        actor: "bientap",
        action: "publish-failed",
        target: "y",
      });
      const log = await store.staffLog(10);
      expect(log.map((e) => [e.action, e.actor, e.role])).toEqual([
        ["publish-failed", "bientap", null],
        ["undo", "bientap", null],
        ["published", "bientap", null],
        ["publish", "bientap", null],
        ["add", "(dòng lệnh)", "bien-tap"],
      ]);
      expect(log[3]!.target).toBe(target);
      const bogus = { at: later(5), actor: "bientap", action: "drop" as "undo", target: "z" };
      await expect(store.logNewsroom(bogus)).rejects.toThrow();
      expect((await store.staffLog(10)).length).toBe(5);
    });
  });
}
