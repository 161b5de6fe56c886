// A worker thread of the compression step: takes batches of files, answers with what it did.
import { parentPort, workerData } from "node:worker_threads";
import { compressFile, indexByContent, type Sites } from "./compress-file.ts";

const sites = workerData as Sites;
const byContent = indexByContent(sites.previous);

parentPort!.on("message", (paths: string[]) => {
  try {
    parentPort!.postMessage({ done: paths.map((path) => compressFile(sites, byContent, path)) });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
