// chooseEncoding(): the copy a request's Accept-Encoding allows, one row per header shape.
import { describe, expect, it } from "vitest";
import { chooseEncoding, isCompressible } from "../../src/lib/compression.ts";

describe("chooseEncoding", () => {
  it.each([
    [undefined, undefined],
    ["", undefined],
    ["gzip, deflate, br, zstd", "br"],
    ["gzip, deflate", "gzip"],
    ["x-gzip", "gzip"],
    ["br;q=0.5, gzip", "gzip"],
    ["br;q=1.0, gzip;q=1.0", "br"],
    ["identity", undefined],
    ["*", "br"],
    ["*;q=0.5, br;q=0", "gzip"],
    ["br;q=0, gzip;q=0", undefined],
    ["deflate", undefined],
    ["GZIP ; Q=0.8", "gzip"],
  ])("chooseEncoding(%j) is %s", (header, expected) => {
    expect(chooseEncoding(header, ["br", "gzip"])).toBe(expected);
  });

  it("chooseEncoding() picks only among the copies that exist", () => {
    expect(chooseEncoding("br, gzip", ["gzip"])).toBe("gzip");
    expect(chooseEncoding("br", ["gzip"])).toBeUndefined();
  });

  it("isCompressible() takes text types by extension, in any case", () => {
    expect(
      ["a.html", "b.CSS", "c.js", "d.svg", "e.json", "f.xml", "g.csv"].map(isCompressible),
    ).toEqual(Array(7).fill(true));
    expect(["a.woff2", "b.png", "c.html.br", "d.gz", "Makefile"].map(isCompressible)).toEqual(
      Array(5).fill(false),
    );
  });
});
