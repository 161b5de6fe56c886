// One contract for every store: each test runs on SQLite and on a real PostgreSQL server. The
// stores opened together (kind, ping, reopening) are checked here; each feature's store has its
// cases file, run below, so a new method gets its tests there and both backends run them.
import { describe, expect, it } from "vitest";
import { BACKENDS, withStore, type Backend } from "../../helpers/stores.ts";
import { commentStoreCases } from "./comment-store-cases.ts";
import { pollStoreCases } from "./poll-store-cases.ts";
import { secretStoreCases } from "./secret-store-cases.ts";
import { staffAccountCases } from "./staff-account-cases.ts";
import { staffStoreCases } from "./staff-store-cases.ts";
import { visitStoreCases } from "./visit-store-cases.ts";

const at = new Date("2026-03-01T03:00:00Z");

function storesCases(backend: Backend): void {
  describe.runIf(backend.available)("Stores", () => {
    it("kind names the backend and ping() answers", () =>
      withStore(backend, async (store) => {
        expect(store.kind).toBe(backend.kind);
        await expect(store.ping()).resolves.toBeUndefined();
      }));

    it("keeps committed votes and visits after closing and reopening", () =>
      withStore(backend, async (store, target) => {
        await store.polls.recordVote("p", "v1", "a", at);
        await store.visits.recordVisit("2026-03-01");
        await store.close();
        const again = await target.open();
        expect(await again.polls.optionVotes("p")).toEqual(new Map([["a", 1]]));
        expect(await again.visits.visitTotals("2026-03-01")).toEqual({ today: 1, total: 1 });
        await again.close();
      }));

    it("runs its migrations once when opened again", () =>
      withStore(backend, async (store, target) => {
        const again = await target.open();
        await again.polls.recordVote("p", "v1", "a", at);
        expect(await store.polls.voteOf("p", "v1")).toBe("a");
        await again.close();
      }));
  });
}

describe.each(BACKENDS)("$kind store", (backend) => {
  storesCases(backend);
  pollStoreCases(backend);
  visitStoreCases(backend);
  commentStoreCases(backend);
  staffStoreCases(backend);
  staffAccountCases(backend);
  secretStoreCases(backend);
});
