// The VisitStore checks, run on each backend by store-contract.test.ts.
import { describe, expect, it } from "vitest";
import { ONLINE_WINDOW_MS, VISIT_WINDOW_MS } from "../../../src/server/store/visits.ts";
import { withStore, type Backend } from "../../helpers/stores.ts";

const t0 = new Date("2026-03-01T03:00:00Z").getTime();
const MIN = 60_000;

export function visitStoreCases(backend: Backend): void {
  describe.runIf(backend.available)("VisitStore", () => {
    it("counts visits per day and in total", () =>
      withStore(backend, async ({ visits }) => {
        expect(await visits.visitTotals("2026-03-01")).toEqual({ today: 0, total: 0 });
        expect(await visits.recordVisit("2026-03-01")).toEqual({ today: 1, total: 1 });
        expect(await visits.recordVisit("2026-03-01")).toEqual({ today: 2, total: 2 });
        expect(await visits.recordVisit("2026-03-02")).toEqual({ today: 1, total: 3 });
        expect(await visits.visitTotals("2026-03-01")).toEqual({ today: 2, total: 3 });
      }));

    it("recordView() begins a visit on the first view and continues it for 30 minutes", () =>
      withStore(backend, async ({ visits }) => {
        const day = "2026-03-01";
        expect(await visits.recordView({ key: "k", day, at: t0 })).toEqual({
          newVisit: true,
          online: 1,
          today: 1,
          total: 1,
        });
        // The 30 minutes run from the latest view.
        const later = t0 + VISIT_WINDOW_MS - 1;
        expect(await visits.recordView({ key: "k", day, at: later })).toMatchObject({
          newVisit: false,
          today: 1,
        });
        expect(await visits.recordView({ key: "k", day, at: later + VISIT_WINDOW_MS })).toEqual({
          newVisit: true,
          online: 1,
          today: 2,
          total: 2,
        });
      }));

    it("recordView() counts Online over the last 5 minutes, each key once", () =>
      withStore(backend, async ({ visits }) => {
        const day = "2026-03-01";
        await visits.recordView({ key: "a", day, at: t0 });
        await visits.recordView({ key: "a", day, at: t0 });
        expect((await visits.recordView({ key: "b", day, at: t0 + 3 * MIN })).online).toBe(2);
        expect(await visits.onlineCount(t0 + ONLINE_WINDOW_MS - 1)).toBe(2);
        expect(await visits.onlineCount(t0 + ONLINE_WINDOW_MS)).toBe(1);
        expect(await visits.onlineCount(t0 + 8 * MIN)).toBe(0);
      }));

    it("recordView() continues under yesterday's key a visit that began before midnight", () =>
      withStore(backend, async ({ visits }) => {
        await visits.recordView({ key: "old", day: "2026-03-01", at: t0 });
        const next = { previousKey: "old", day: "2026-03-02", at: t0 + 20 * MIN };
        expect(await visits.recordView({ key: "new", ...next })).toMatchObject({
          newVisit: false,
          online: 1,
          today: 0,
          total: 1,
        });
        // Not under a key never seen: another visitor that day is a new visit.
        expect(await visits.recordView({ ...next, key: "x", previousKey: "y" })).toMatchObject({
          newVisit: true,
          today: 1,
        });
      }));

    it("recordView() counts one visit when the same visitor is seen 50 times at once", () =>
      withStore(backend, async ({ visits }) => {
        const views = await Promise.all(
          Array.from({ length: 50 }, () =>
            visits.recordView({ key: "same", day: "2026-03-01", at: t0 }),
          ),
        );
        expect(views.filter((v) => v.newVisit)).toHaveLength(1);
        expect(await visits.visitTotals("2026-03-01")).toEqual({ today: 1, total: 1 });
      }));

    it("pruneVisitors() deletes only keys whose visit window has ended", () =>
      withStore(backend, async ({ visits }) => {
        await visits.recordView({ key: "a", day: "2026-03-01", at: t0 });
        await visits.recordView({ key: "b", day: "2026-03-01", at: t0 + 10 * MIN });
        await visits.pruneVisitors(t0 + VISIT_WINDOW_MS);
        // "b" is still within its visit; "a" begins a new one.
        const day = "2026-03-01";
        const atNow = t0 + VISIT_WINDOW_MS + 1;
        expect((await visits.recordView({ key: "b", day, at: atNow })).newVisit).toBe(false);
        expect((await visits.recordView({ key: "a", day, at: atNow })).newVisit).toBe(true);
      }));
  });
}
