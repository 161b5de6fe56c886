import { describe, expect, it } from "vitest";
import { articleLocations, createStackFilter } from "../../src/lib/build/staff-output.ts";

describe("build log for staff", () => {
  it("createStackFilter drops a stack trace and keeps what follows", () => {
    const log = [
      "[ERROR] 30:16: Unexpected end of file",
      "  Location:",
      "    /tmp/news/bai.mdx:30:16",
      "  Stack trace:",
      "    at handler (file:///x.js:64:17)",
      "    at async plugin (file:///y.mjs:2343:12)",
      "Đã dừng",
    ];
    expect(log.filter(createStackFilter())).toEqual([
      "[ERROR] 30:16: Unexpected end of file",
      "  Location:",
      "    /tmp/news/bai.mdx:30:16",
      "Đã dừng",
    ]);
  });

  it("createStackFilter drops a coloured stack trace (Astro colours its log when CI is set)", () => {
    const log = [
      "\u001b[31m[ERROR]\u001b[39m Unexpected end of file",
      "  \u001b[2mStack trace:\u001b[22m",
      "    \u001b[2mat handler (file:///x.js:64:17)\u001b[22m",
      "    at async plugin (file:///y.mjs:2343:12)",
      "Đã dừng",
    ];
    expect(log.filter(createStackFilter())).toEqual([
      "\u001b[31m[ERROR]\u001b[39m Unexpected end of file",
      "Đã dừng",
    ]);
  });

  it("articleLocations finds each article position once", () => {
    expect(articleLocations("a /n/bai.mdx:30:16 b\n/n/bai.mdx:30:16\nc.ts:1:1")).toEqual([
      "/n/bai.mdx:30:16",
    ]);
  });
});
