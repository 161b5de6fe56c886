// A worker thread of the compression step: takes batches of files, answers with what it did.
import { parentPort, workerData } from "node:worker_threads";
import { compressFile, type FileJob, type Sites } from "./compress-file.ts";

const sites = workerData as Sites;

parentPort!.on("message", (jobs: FileJob[]) => {
  try {
    parentPort!.postMessage({ done: jobs.map((job) => compressFile(sites, job)) });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
