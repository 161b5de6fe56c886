import { describe, expect, it } from "vitest";
import {
  htmlToFirstChart,
  inlineCharts,
  moduleImports,
  pageScripts,
} from "../../tools/bench/lib/page-weight.ts";

const page = `<html><head><script>var a=1</script><script type="module" src="/_astro/x.js"></script>
<script type="application/ld+json">{}</script></head><body><p>hi</p>
<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" data-chart="a"><title>A</title></svg>
<svg class="chart-svg" data-chart="b"></svg><svg class="icon"></svg></body></html>`;

describe("page weight", () => {
  it("htmlToFirstChart(html) ends at the first chart's </svg>", () => {
    expect(htmlToFirstChart(page)!.endsWith('data-chart="a"><title>A</title></svg>')).toBe(true);
    expect(htmlToFirstChart("<p>no chart</p>")).toBeUndefined();
  });

  it("inlineCharts(html) lists chart SVGs by id and skips other SVGs", () => {
    expect(inlineCharts(page).map((c) => c.id)).toEqual(["a", "b"]);
  });

  it("pageScripts(html) separates inline code from files and skips JSON data", () => {
    expect(pageScripts(page)).toEqual({ inline: ["var a=1"], src: ["/_astro/x.js"] });
  });

  it("moduleImports(code) finds static, re-export and dynamic imports", () => {
    const code = `import{a as b}from"./format.js";export{c}from './c.js';import"./side.js";import("./lazy.js")`;
    expect(moduleImports(code).sort()).toEqual(["./c.js", "./format.js", "./lazy.js", "./side.js"]);
  });
});
