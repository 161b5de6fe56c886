// Preview images drawn ahead of Astro's render order. Incremental builds render one page at a time
// (build.concurrency 1), so each awaited image would leave the other core idle; while one page
// waits for its image, the next few are already drawing on libuv's pool. A page Astro copies from
// its cache never asks, so a rebuild draws at most AHEAD images it does not need.
import { renderPng } from "./render.ts";

const AHEAD = 2;

export type ReadAhead = { png: (index: number) => Promise<Buffer> };

/** Images of `svgs` (in the order Astro renders the route's paths), each drawn once. */
export function readAhead(svgs: readonly string[], render = renderPng): ReadAhead {
  const started = new Map<number, Promise<Buffer>>();
  const start = (i: number) => {
    if (i < svgs.length && !started.has(i)) started.set(i, render(svgs[i]!));
  };
  return {
    png(index) {
      for (let i = index; i <= index + AHEAD; i++) start(i);
      const png = started.get(index)!;
      // Dropped once handed over: a page asks once, and 1,000 images must not stay in memory.
      started.delete(index);
      return png;
    },
  };
}
