import { describe, expect, it } from "vitest";
import { legend } from "../../../src/lib/charts/legend.ts";

describe("legend", () => {
  it("legend(items) draws a rule's key as a line and an area's key as a square", () => {
    const { svg } = legend(
      [
        { key: "admitted", label: "Tỉ lệ đạt", fill: "#0b6" },
        { key: "target", label: "Vạch đứng: đạt 100%", fill: "currentColor", shape: "line" },
      ],
      0,
      320,
    );
    expect(svg.match(/<rect\b/g)).toHaveLength(1);
    expect(svg).toMatch(/<line\b[^>]*stroke="currentColor"/);
  });
});
