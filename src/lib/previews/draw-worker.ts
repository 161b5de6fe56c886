// A worker thread of the preview step: draws batches of cards and keeps each PNG in the cache.
import { setImmediate as nextTurn } from "node:timers/promises";
import { parentPort, workerData } from "node:worker_threads";
import { storePng } from "./png-cache.ts";
import { drawCard } from "./render.ts";

export type DrawJob = { key: string; svg: string };
export type DrawSetup = { dir: string; fontFiles: string[] };

const { dir, fontFiles } = workerData as DrawSetup;
// resvg's 3 MB of pixels an image are freed only when V8 collects their wrapper: with
// --expose-gc, a young-generation collection after each image and a turn for its finalizers let
// the next image reuse that memory instead of faulting in fresh pages (a quarter less CPU).
const collect = (globalThis as { gc?: (options: { type: "minor" }) => void }).gc;

parentPort!.on("message", async (jobs: DrawJob[]) => {
  try {
    for (const { key, svg } of jobs) {
      const { png, resvg } = drawCard(svg, fontFiles);
      storePng({ dir }, key, png);
      if (resvg && collect) {
        collect({ type: "minor" });
        await nextTurn();
      }
    }
    parentPort!.postMessage({ done: jobs.map((j) => j.key) });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
