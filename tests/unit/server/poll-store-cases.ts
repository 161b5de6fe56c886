// The PollStore checks, run on each backend by store-contract.test.ts.
import { describe, expect, it } from "vitest";
import { withStore, type Backend } from "../../helpers/stores.ts";

const at = new Date("2026-03-01T03:00:00Z");

export function pollStoreCases(backend: Backend): void {
  describe.runIf(backend.available)("PollStore", () => {
    it("records one vote per voter and poll, and counts per option", () =>
      withStore(backend, async ({ polls }) => {
        expect(await polls.recordVote("p", "v1", "a", at)).toEqual({ status: "recorded" });
        expect(await polls.recordVote("p", "v1", "b", at)).toEqual({
          status: "duplicate",
          optionId: "a",
        });
        expect(await polls.recordVote("p", "v2", "b", at)).toEqual({ status: "recorded" });
        expect(await polls.recordVote("q", "v1", "b", at)).toEqual({ status: "recorded" });
        expect(await polls.optionVotes("p")).toEqual(
          new Map([
            ["a", 1],
            ["b", 1],
          ]),
        );
        expect(await polls.voteOf("p", "v1")).toBe("a");
        expect(await polls.voteOf("p", "v3")).toBeUndefined();
      }));

    it("counts each of 200 concurrent voters exactly once, the same voter once", () =>
      withStore(backend, async ({ polls }) => {
        const results = await Promise.all(
          Array.from({ length: 200 }, (_, i) => polls.recordVote("p", `v${i % 100}`, "a", at)),
        );
        expect(results.filter((r) => r.status === "recorded")).toHaveLength(100);
        expect(await polls.optionVotes("p")).toEqual(new Map([["a", 100]]));
      }));
  });
}
