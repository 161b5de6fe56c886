// One contract for every Store: each test runs on SQLite and on a real PostgreSQL server.
// A new Store method gets its tests here, inside the describe.each, so both backends get them.
import { describe, expect, it } from "vitest";
import { ONLINE_WINDOW_MS, VISIT_WINDOW_MS } from "../../../src/server/store/types.ts";
import { BACKENDS, withStore } from "../../helpers/stores.ts";

const at = new Date("2026-03-01T03:00:00Z");
const t0 = at.getTime();
const MIN = 60_000;

describe.each(BACKENDS)("$kind store", (backend) => {
  describe.runIf(backend.available)("contract", () => {
    it("kind names the backend and ping() answers", () =>
      withStore(backend, async (store) => {
        expect(store.kind).toBe(backend.kind);
        await expect(store.ping()).resolves.toBeUndefined();
      }));

    it("records one vote per voter and poll, and counts per option", () =>
      withStore(backend, async (store) => {
        expect(await store.recordVote("p", "v1", "a", at)).toEqual({ status: "recorded" });
        expect(await store.recordVote("p", "v1", "b", at)).toEqual({
          status: "duplicate",
          optionId: "a",
        });
        expect(await store.recordVote("p", "v2", "b", at)).toEqual({ status: "recorded" });
        expect(await store.recordVote("q", "v1", "b", at)).toEqual({ status: "recorded" });
        expect(await store.optionVotes("p")).toEqual(
          new Map([
            ["a", 1],
            ["b", 1],
          ]),
        );
        expect(await store.voteOf("p", "v1")).toBe("a");
        expect(await store.voteOf("p", "v3")).toBeUndefined();
      }));

    it("keeps committed votes and visits after closing and reopening", () =>
      withStore(backend, async (store, target) => {
        await store.recordVote("p", "v1", "a", at);
        await store.recordVisit("2026-03-01");
        await store.close();
        const again = await target.open();
        expect(await again.optionVotes("p")).toEqual(new Map([["a", 1]]));
        expect(await again.visitTotals("2026-03-01")).toEqual({ today: 1, total: 1 });
        await again.close();
      }));

    it("runs its migrations once when opened again", () =>
      withStore(backend, async (store, target) => {
        const again = await target.open();
        await again.recordVote("p", "v1", "a", at);
        expect(await store.voteOf("p", "v1")).toBe("a");
        await again.close();
      }));

    it("counts each of 200 concurrent voters exactly once, the same voter once", () =>
      withStore(backend, async (store) => {
        const results = await Promise.all(
          Array.from({ length: 200 }, (_, i) => store.recordVote("p", `v${i % 100}`, "a", at)),
        );
        expect(results.filter((r) => r.status === "recorded")).toHaveLength(100);
        expect(await store.optionVotes("p")).toEqual(new Map([["a", 100]]));
      }));

    it("counts visits per day and in total", () =>
      withStore(backend, async (store) => {
        expect(await store.visitTotals("2026-03-01")).toEqual({ today: 0, total: 0 });
        expect(await store.recordVisit("2026-03-01")).toEqual({ today: 1, total: 1 });
        expect(await store.recordVisit("2026-03-01")).toEqual({ today: 2, total: 2 });
        expect(await store.recordVisit("2026-03-02")).toEqual({ today: 1, total: 3 });
        expect(await store.visitTotals("2026-03-01")).toEqual({ today: 2, total: 3 });
      }));

    it("recordView() begins a visit on the first view and continues it for 30 minutes", () =>
      withStore(backend, async (store) => {
        const day = "2026-03-01";
        expect(await store.recordView({ key: "k", day, at: t0 })).toEqual({
          newVisit: true,
          online: 1,
          today: 1,
          total: 1,
        });
        // The 30 minutes run from the latest view.
        const later = t0 + VISIT_WINDOW_MS - 1;
        expect(await store.recordView({ key: "k", day, at: later })).toMatchObject({
          newVisit: false,
          today: 1,
        });
        expect(await store.recordView({ key: "k", day, at: later + VISIT_WINDOW_MS })).toEqual({
          newVisit: true,
          online: 1,
          today: 2,
          total: 2,
        });
      }));

    it("recordView() counts Online over the last 5 minutes, each key once", () =>
      withStore(backend, async (store) => {
        const day = "2026-03-01";
        await store.recordView({ key: "a", day, at: t0 });
        await store.recordView({ key: "a", day, at: t0 });
        expect((await store.recordView({ key: "b", day, at: t0 + 3 * MIN })).online).toBe(2);
        expect(await store.onlineCount(t0 + ONLINE_WINDOW_MS - 1)).toBe(2);
        expect(await store.onlineCount(t0 + ONLINE_WINDOW_MS)).toBe(1);
        expect(await store.onlineCount(t0 + 8 * MIN)).toBe(0);
      }));

    it("recordView() continues under yesterday's key a visit that began before midnight", () =>
      withStore(backend, async (store) => {
        await store.recordView({ key: "old", day: "2026-03-01", at: t0 });
        const next = { previousKey: "old", day: "2026-03-02", at: t0 + 20 * MIN };
        expect(await store.recordView({ key: "new", ...next })).toMatchObject({
          newVisit: false,
          online: 1,
          today: 0,
          total: 1,
        });
        // Not under a key never seen: another visitor that day is a new visit.
        expect(await store.recordView({ ...next, key: "x", previousKey: "y" })).toMatchObject({
          newVisit: true,
          today: 1,
        });
      }));

    it("recordView() counts one visit when the same visitor is seen 50 times at once", () =>
      withStore(backend, async (store) => {
        const views = await Promise.all(
          Array.from({ length: 50 }, () =>
            store.recordView({ key: "same", day: "2026-03-01", at: t0 }),
          ),
        );
        expect(views.filter((v) => v.newVisit)).toHaveLength(1);
        expect(await store.visitTotals("2026-03-01")).toEqual({ today: 1, total: 1 });
      }));

    it("pruneVisitors() deletes only keys whose visit window has ended", () =>
      withStore(backend, async (store) => {
        await store.recordView({ key: "a", day: "2026-03-01", at: t0 });
        await store.recordView({ key: "b", day: "2026-03-01", at: t0 + 10 * MIN });
        await store.pruneVisitors(t0 + VISIT_WINDOW_MS);
        // "b" is still within its visit; "a" begins a new one.
        const day = "2026-03-01";
        const atNow = t0 + VISIT_WINDOW_MS + 1;
        expect((await store.recordView({ key: "b", day, at: atNow })).newVisit).toBe(false);
        expect((await store.recordView({ key: "a", day, at: atNow })).newVisit).toBe(true);
      }));
  });
});
