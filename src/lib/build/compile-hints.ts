// A Vite plugin that asks V8 to compile every function of a bundled script while the page loads
// (Chromium's explicit compile hint), not at first call: the search script's functions were
// compiled one by one inside the reader's first query, about 25 ms of its main thread at 10,000
// pages. The comment must open the file, so it is added after bundling and minifying.
import type { Plugin } from "vite";

const HINT = "//# allFunctionsCalledOnLoad\n";

/** The plugin for the scripts whose source path ends with one of `sources` ("src/scripts/search.ts"). */
export function compileHints(sources: string[]): Plugin {
  const wanted = (id: string) =>
    sources.some((source) => id.replaceAll("\\", "/").endsWith(source));
  return {
    name: "portal:compile-hints",
    apply: "build",
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === "chunk" && chunk.moduleIds.some(wanted) && !chunk.code.startsWith(HINT))
          chunk.code = HINT + chunk.code;
      }
    },
  };
}
