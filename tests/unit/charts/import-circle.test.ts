// No module in src/ imports itself through others. Type-only imports count: the charts' circle
// definition.ts → catalog.ts → every spec → specs/types.ts → definition.ts was one of types only,
// and it still tied every chart spec to the page-facing definition.
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { importsOf, sourceFiles, SRC } from "../../helpers/imports.ts";

/** The first circle found in a graph of module -> imported modules, as a path back to its start. */
function findCircle(graph: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    const at = path.indexOf(node);
    if (at !== -1) return [...path.slice(at), node];
    if (done.has(node)) return undefined;
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const circle = visit(next);
      if (circle) return circle;
    }
    path.pop();
    done.add(node);
    return undefined;
  };
  for (const node of graph.keys()) {
    const circle = visit(node);
    if (circle) return circle;
  }
  return undefined;
}

describe("import circles", () => {
  it("findCircle(graph) finds a circle of three modules and none in a chain", () => {
    const circle = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
    ]);
    expect(findCircle(circle)).toEqual(["a", "b", "c", "a"]);
    expect(
      findCircle(
        new Map([
          ["a", ["b"]],
          ["b", ["c"]],
        ]),
      ),
    ).toBeUndefined();
  });

  it("importsOf(file) reads type-only imports and re-exports", () => {
    const imports = importsOf(join(SRC, "lib/charts/bullet.ts"));
    expect(imports).toContain(join(SRC, "lib/charts/types.ts"));
    expect(imports).toContain(join(SRC, "lib/charts/bullet/words.ts"));
  });

  it("src/ has none", () => {
    const files = sourceFiles(SRC);
    const graph = new Map(files.map((file) => [file, importsOf(file)]));
    const circle = findCircle(graph)?.map((file) => relative(SRC, file));
    expect(circle, circle?.join(" → ")).toBeUndefined();
  });
});
