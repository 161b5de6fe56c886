// A worker thread of the preview step: draws batches of cards and keeps each PNG in the cache.
import { parentPort, workerData } from "node:worker_threads";
import { storePng } from "./png-cache.ts";
import { drawPng } from "./render.ts";

export type DrawJob = { key: string; svg: string };
export type DrawSetup = { dir: string; fontFiles: string[] };

const { dir, fontFiles } = workerData as DrawSetup;

parentPort!.on("message", (jobs: DrawJob[]) => {
  try {
    for (const { key, svg } of jobs) storePng({ dir }, key, drawPng(svg, fontFiles));
    parentPort!.postMessage({ done: jobs.map((j) => j.key) });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
