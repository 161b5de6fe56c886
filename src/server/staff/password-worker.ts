// A password-check thread (password-checks.ts): scrypt runs here, synchronously, so neither the
// event loop nor libuv's pool (which reads the files the site serves) waits for it.
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { verifyPasswordSync } from "./password.ts";

// On Linux a nice value is per thread (pid 0 = this one): under load the event loop, serving
// pages, goes first, and password checks take the CPU it leaves.
try {
  setPriority(19);
} catch {
  // Not permitted here: checks run at the process's priority.
}

type Job = { id: number; password: string; stored: string | undefined };

parentPort!.on("message", (job: Job) => {
  let ok = false;
  try {
    ok = verifyPasswordSync(job.password, job.stored);
  } catch {
    // A malformed stored hash checks as wrong, like a wrong password.
  }
  parentPort!.postMessage({ id: job.id, ok });
});
