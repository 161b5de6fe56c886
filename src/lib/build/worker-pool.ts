// Jobs spread over worker threads, a batch at a time (compression, preview images): each worker
// answers a batch with `{ done: results }` or `{ error: message }`; the first error stops them all.
import { Worker } from "node:worker_threads";

export type PoolOptions = {
  /** The worker's module and what it receives as workerData. */
  worker: URL;
  workerData: unknown;
  threads: number;
  /** Jobs a message carries: enough to keep messages few, few enough to share the work. */
  batch: number;
};

/** Runs `jobs` over up to `threads` workers and gathers their results (in no particular order). */
export function runPool<Job, Result>(
  jobs: readonly Job[],
  options: PoolOptions,
): Promise<Result[]> {
  const { batch } = options;
  const done: Result[] = [];
  let next = 0;
  return new Promise((resolve, reject) => {
    const count = Math.max(1, Math.min(options.threads, Math.ceil(jobs.length / batch)));
    const workers = Array.from(
      { length: count },
      () => new Worker(options.worker, { workerData: options.workerData }),
    );
    let running = workers.length;
    const stopAll = (error: Error) => {
      for (const w of workers) void w.terminate();
      reject(error);
    };
    const feed = (worker: Worker) => {
      if (next >= jobs.length) {
        void worker.terminate();
        if (--running === 0) resolve(done);
        return;
      }
      worker.postMessage(jobs.slice(next, next + batch));
      next += batch;
    };
    for (const worker of workers) {
      worker.on("message", (m: { done?: Result[]; error?: string }) => {
        if (m.error !== undefined) return stopAll(new Error(m.error));
        done.push(...m.done!);
        feed(worker);
      });
      worker.on("error", stopAll);
      feed(worker);
    }
  });
}
