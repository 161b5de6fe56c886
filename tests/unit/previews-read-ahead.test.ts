// Preview images drawn ahead: each image is drawn once, a page's own first, the next two with it.
import { describe, expect, it } from "vitest";
import { readAhead } from "../../src/lib/previews/read-ahead.ts";

describe("readAhead(svgs)", () => {
  it("draws each image once, starting the next two while a page waits for its own", async () => {
    const drawn: string[] = [];
    const images = readAhead(["a", "b", "c", "d"], async (svg) => {
      drawn.push(svg);
      return Buffer.from(svg);
    });
    expect((await images.png(0)).toString()).toBe("a");
    expect(drawn).toEqual(["a", "b", "c"]);
    expect((await images.png(1)).toString()).toBe("b");
    expect((await images.png(2)).toString()).toBe("c");
    expect((await images.png(3)).toString()).toBe("d");
    expect(drawn).toEqual(["a", "b", "c", "d"]);
  });

  it("draws a page asked out of order, and again if asked again (nothing is kept)", async () => {
    const drawn: string[] = [];
    const images = readAhead(["a", "b", "c"], async (svg) => {
      drawn.push(svg);
      return Buffer.from(svg);
    });
    expect((await images.png(2)).toString()).toBe("c");
    expect((await images.png(2)).toString()).toBe("c");
    expect(drawn).toEqual(["c", "c"]);
  });
});
