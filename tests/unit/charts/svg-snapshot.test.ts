import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { EXPECTED_DIR, expectSvgSnapshot, normaliseSvg } from "../../helpers/svg-snapshot.ts";

const NAME = "snapshot-helper-self-test";
const expectedPath = join(EXPECTED_DIR, `${NAME}.svg`);
const changedPath = join(EXPECTED_DIR, `${NAME}-changed.svg`);

afterEach(() => {
  rmSync(expectedPath, { force: true });
  rmSync(changedPath, { force: true });
});

describe("normaliseSvg", () => {
  it("normaliseSvg(svg) renumbers ids and their references in first-seen order", () => {
    const svg =
      '<svg id="c-svg" aria-labelledby="c-title c-desc"><title id="c-title">T</title><desc id="c-desc">D</desc><rect fill="url(#c-hatch)"/><pattern id="c-hatch"/></svg>';
    expect(normaliseSvg(svg)).toBe(
      '<svg id="id0" aria-labelledby="id1 id2">\n<title id="id1">T</title>\n<desc id="id2">D</desc>\n<rect fill="url(#id3)"/>\n<pattern id="id3"/>\n</svg>\n',
    );
  });

  it("normaliseSvg(svg) rounds geometry to 2 decimals but leaves text numbers such as 66.024", () => {
    expect(
      normaliseSvg('<rect x="1.23456" width="2.5"/><text data-tip="66.024">66.024</text>'),
    ).toBe('<rect x="1.23" width="2.5"/>\n<text data-tip="66.024">66.024</text>\n');
  });
});

describe("expectSvgSnapshot", () => {
  it("expectSvgSnapshot(name, svg) fails in CI when the expected file is missing, writing nothing", () => {
    const ci = process.env.CI;
    process.env.CI = "true";
    try {
      expect(() => expectSvgSnapshot(NAME, "<svg/>")).toThrow(/missing expected snapshot/);
      expect(existsSync(expectedPath)).toBe(false);
    } finally {
      if (ci === undefined) delete process.env.CI;
      else process.env.CI = ci;
    }
  });

  it("expectSvgSnapshot(name, svg) writes <name>-changed.svg beside the expected file and fails on a mismatch", () => {
    writeFileSync(expectedPath, normaliseSvg('<svg><rect width="1"/></svg>'));
    expect(() => expectSvgSnapshot(NAME, '<svg><rect width="2"/></svg>')).toThrow();
    expect(readFileSync(changedPath, "utf8")).toContain('width="2"');
    expect(readFileSync(expectedPath, "utf8")).toContain('width="1"');
  });

  it("expectSvgSnapshot(name, svg) passes and removes a stale -changed file when the SVG matches", () => {
    writeFileSync(expectedPath, normaliseSvg('<svg><rect width="1"/></svg>'));
    writeFileSync(changedPath, "stale");
    expectSvgSnapshot(NAME, '<svg><rect width="1.001"/></svg>');
    expect(existsSync(changedPath)).toBe(false);
  });
});
