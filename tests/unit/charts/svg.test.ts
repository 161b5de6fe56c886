import { describe, expect, it } from "vitest";
import { escapeHtml } from "../../../src/lib/html.ts";
import { attrs, el, round } from "../../../src/lib/charts/svg.ts";

describe("svg builders", () => {
  it("escapeHtml(text) escapes markup and both quote kinds", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;",
    );
  });

  it("attrs(values) leaves out undefined and false, rounds numbers to 2 decimals", () => {
    expect(attrs({ x: 1 / 3, y: undefined, hidden: false, title: 'a"b' })).toBe(
      ' x="0.33" title="a&quot;b"',
    );
  });

  it("el(tag, attrs) self-closes without children", () => {
    expect(el("rect", { width: 2 })).toBe('<rect width="2"/>');
    expect(el("text", {}, "x")).toBe("<text>x</text>");
  });

  it("round(value) keeps two decimals", () => {
    expect(round(2.345678)).toBe(2.35);
    expect(round(-0.004)).toBe(-0);
  });
});
