// The layers of src/ and which may import which (README.md, "How it works"). lib/ is pure code
// that every other layer builds on, so it never imports a feature; the browser scripts never
// import the server; only the build's pages and components read the server's config defaults.
import { relative } from "node:path";
import { describe, expect, it } from "vitest";
import { importsOf, sourceFiles, SRC } from "../helpers/imports.ts";

/** A module's layer: its first folder under src/ ("consts.ts" and the like are "root"). */
function layerOf(path: string): string {
  const [top, ...rest] = relative(SRC, path).split("/");
  return rest.length === 0 ? "root" : top!;
}

const MAY_IMPORT: Record<string, readonly string[]> = {
  root: ["root", "lib"],
  lib: ["root", "lib"],
  server: ["root", "lib", "server"],
  scripts: ["root", "lib", "scripts"],
  cli: ["root", "lib", "server", "cli"],
  styles: ["styles"],
  components: ["root", "lib", "components", "layouts", "scripts"],
  layouts: ["root", "lib", "components", "layouts", "scripts", "styles"],
  pages: ["root", "lib", "components", "layouts", "scripts", "styles"],
};

/** The one server module the build may read: the settings' defaults, so pages state the same limits. */
const BUILD_READS_FROM_SERVER = new Set(["server/config.ts"]);

function allowed(from: string, to: string): boolean {
  const [a, b] = [layerOf(from), layerOf(to)];
  if ((MAY_IMPORT[a] ?? []).includes(b)) return true;
  return ["components", "pages"].includes(a) && BUILD_READS_FROM_SERVER.has(relative(SRC, to));
}

describe("layers", () => {
  it("every folder of src/ has a rule", () => {
    const layers = new Set(sourceFiles(SRC).map(layerOf));
    expect([...layers].filter((layer) => !(layer in MAY_IMPORT))).toEqual([]);
  });

  it("no module imports from a layer it may not (lib never imports a feature)", () => {
    const wrong = sourceFiles(SRC).flatMap((file) =>
      importsOf(file)
        .filter((to) => to.startsWith(SRC) && !allowed(file, to))
        .map((to) => `${relative(SRC, file)} → ${relative(SRC, to)}`),
    );
    expect(wrong).toEqual([]);
  });

  it("the rule catches an upward import", () => {
    expect(allowed(`${SRC}/lib/a.ts`, `${SRC}/server/b.ts`)).toBe(false);
    expect(allowed(`${SRC}/scripts/a.ts`, `${SRC}/server/config.ts`)).toBe(false);
    expect(allowed(`${SRC}/pages/a.astro`, `${SRC}/server/config.ts`)).toBe(true);
  });
});
