// A secret never changes once made (the first node to ask decides): each is read from the
// database once per process, not on every request that signs or checks something with it.
import type { SecretStore } from "./types.ts";

export function cachedSecrets(store: SecretStore): SecretStore {
  const known = new Map<string, Promise<string>>();
  return {
    secret(name) {
      let value = known.get(name);
      if (!value) {
        value = store.secret(name);
        // A failed read is asked again next time.
        value.catch(() => known.delete(name));
        known.set(name, value);
      }
      return value;
    },
  };
}
