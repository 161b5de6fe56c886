// The SecretStore checks, written against the type so any backend can run them: store-contract.test.ts
// calls secretStoreCases(backend) for each; every case gets a fresh, empty database.
import { describe, expect, it } from "vitest";
import type { SecretStore } from "../../../src/server/store/types.ts";
import { freshStoresEach, type Backend, type TestStoreTarget } from "../../helpers/stores.ts";

export function secretStoreCases(backend: Backend): void {
  describe.runIf(backend.available)("SecretStore", () => {
    let store: SecretStore;
    let target: TestStoreTarget;
    freshStoresEach(backend, (stores, t) => {
      store = stores.secrets;
      target = t;
    });

    it("a secret is made once and then shared", async () => {
      const a = await store.secret("form");
      expect(a.length).toBeGreaterThanOrEqual(32);
      expect(await store.secret("form")).toBe(a);
      expect(await store.secret("other")).not.toBe(a);
    });

    it("a secret asked for by two nodes at once is one value, kept after reopening", async () => {
      const other = await target.open();
      try {
        const [a, b] = await Promise.all([store.secret("race"), other.secrets.secret("race")]);
        expect(a).toBe(b);
      } finally {
        await other.close();
      }
      const again = await target.open();
      try {
        expect(await again.secrets.secret("race")).toBe(await store.secret("race"));
      } finally {
        await again.close();
      }
    });
  });
}
