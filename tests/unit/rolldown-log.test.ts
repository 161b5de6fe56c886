import { describe, expect, it } from "vitest";
import { onRolldownLog } from "../../src/lib/build/rolldown-log.ts";

type Log = { code?: string; message: string };

function passed(level: string, log: Log): Array<[string, Log]> {
  const seen: Array<[string, Log]> = [];
  onRolldownLog(level, log, (l, g) => seen.push([l, g]));
  return seen;
}

const headInject: Log = {
  code: "MODULE_LEVEL_DIRECTIVE",
  message:
    'The semantics of the module level directive "use astro:head-inject" in "content/news/a.mdx?astroPropagatedAssets" may not be preserved when bundling.',
};

describe("onRolldownLog", () => {
  it("drops Astro's own head-inject directive warning", () => {
    expect(passed("warn", headInject)).toEqual([]);
  });

  it("passes any other directive warning, other warnings and other levels unchanged", () => {
    const useClient = {
      ...headInject,
      message: headInject.message.replace("use astro:head-inject", "use client"),
    };
    const circular = { code: "CIRCULAR_DEPENDENCY", message: "Circular dependency: a -> b -> a" };
    expect(passed("warn", useClient)).toEqual([["warn", useClient]]);
    expect(passed("warn", circular)).toEqual([["warn", circular]]);
    expect(passed("info", headInject)).toEqual([["info", headInject]]);
  });
});
