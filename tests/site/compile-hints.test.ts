// The search page's script carries Chromium's compile hint at its very start (added after
// bundling by src/lib/build/compile-hints.ts), and no other page script does.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DIST } from "../helpers/server.ts";

const HINT = "//# allFunctionsCalledOnLoad\n";

describe("compile hints", () => {
  it("the script of /tim-kiem/ opens with the hint; the other scripts do not have it", () => {
    const html = readFileSync(join(DIST, "tim-kiem/index.html"), "utf8");
    const scripts = [...html.matchAll(/<script type="module" src="(\/_astro\/[^"]+\.js)"/g)];
    // The one defining <search-page>.
    const src = scripts
      .map((m) => m[1]!)
      .find((path) => readFileSync(join(DIST, path), "utf8").includes("search-page"));
    expect(src).toBeDefined();
    expect(readFileSync(join(DIST, src!), "utf8").startsWith(HINT)).toBe(true);
    const others = readdirSync(join(DIST, "_astro")).filter(
      (name) => name.endsWith(".js") && `/_astro/${name}` !== src,
    );
    expect(others.length).toBeGreaterThan(0);
    for (const name of others)
      expect(readFileSync(join(DIST, "_astro", name), "utf8").includes(HINT)).toBe(false);
  });
});
