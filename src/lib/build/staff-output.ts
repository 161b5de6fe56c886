// Astro's build log as staff see it: stack traces (for developers) dropped unless BUILD_DEBUG=1,
// and an error located in an article restated in Vietnamese with its file:line:column.

import { stripVTControlCharacters } from "node:util";

/** Drops "Stack trace:" headers and the "    at …" frames that follow them. */
export function createStackFilter(): (line: string) => boolean {
  let inStack = false;
  return (coloured) => {
    // Astro colours its log whenever CI is set (picocolors), so match on the plain text.
    const line = stripVTControlCharacters(coloured);
    if (/^\s*Stack trace:\s*$/.test(line)) {
      inStack = true;
      return false;
    }
    if (inStack && /^\s+at\s/.test(line)) return false;
    inStack = false;
    return true;
  };
}

/** "…/bai.mdx:30:16" locations Astro prints for an article it could not compile. */
export function articleLocations(log: string): string[] {
  const plain = stripVTControlCharacters(log);
  return [...new Set([...plain.matchAll(/(\S+\.mdx):(\d+):(\d+)/g)].map((m) => m[0]))];
}
