import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

type LockPackage = { optionalDependencies?: Record<string, string> };
const lock = JSON.parse(
  readFileSync(resolve(import.meta.dirname, "../../package-lock.json"), "utf8"),
) as {
  packages: Record<string, LockPackage>;
};

describe("package-lock.json", () => {
  it("lists every optional dependency, so `npm ci` accepts it (run .ci/fix-lockfile.mjs after npm install)", () => {
    const missing: string[] = [];
    for (const meta of Object.values(lock.packages)) {
      for (const dep of Object.keys(meta.optionalDependencies ?? {})) {
        if (!lock.packages[`node_modules/${dep}`]) missing.push(dep);
      }
    }
    expect(missing).toEqual([]);
  });
});
