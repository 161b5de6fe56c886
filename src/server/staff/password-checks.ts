// At most N password checks at a time, each in a worker thread of its own (password-worker.ts):
// scrypt's 32 MiB passes never queue on libuv's pool, so a sign-in storm cannot delay the files
// the site serves. When all N are busy a check is refused at once rather than queued.
import { Worker } from "node:worker_threads";

export type PasswordChecks = {
  /** The check's answer, or undefined when N checks are already running (nothing was checked). */
  tryVerify(password: string, stored: string | undefined): Promise<boolean> | undefined;
  /** True when N checks are running: a sign-in is refused before it is counted or read. */
  readonly busy: boolean;
  close(): Promise<void>;
};

const WORKER_FILE = new URL("./password-worker.ts", import.meta.url);

export function passwordChecks(max: number): PasswordChecks {
  const idle: Worker[] = [];
  let started = 0;
  let running = 0;
  let nextId = 0;
  const take = (): Worker | undefined => {
    const free = idle.pop();
    if (free || started >= max) return free;
    started++;
    const worker = new Worker(WORKER_FILE);
    worker.unref(); // an idle checker never keeps the process alive
    return worker;
  };
  return {
    get busy() {
      return running >= max;
    },
    tryVerify(password, stored) {
      if (running >= max) return undefined;
      const worker = take();
      if (!worker) return undefined;
      running++;
      worker.ref(); // a check under way is awaited
      const id = nextId++;
      return new Promise<boolean>((resolve, reject) => {
        const done = (ok: boolean) => {
          worker.off("message", onMessage).off("error", onError);
          worker.unref();
          running--;
          idle.push(worker);
          resolve(ok);
        };
        const onMessage = (m: { id: number; ok: boolean }) => m.id === id && done(m.ok);
        const onError = (error: Error) => {
          worker.off("message", onMessage);
          running--;
          started--; // a dead thread is replaced by the next check
          reject(error);
        };
        worker.on("message", onMessage).once("error", onError);
        worker.postMessage({ id, password, stored });
      });
    },
    async close() {
      await Promise.all(idle.splice(0).map((w) => w.terminate()));
    },
  };
}
