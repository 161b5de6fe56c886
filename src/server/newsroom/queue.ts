// One job at a time, first in first out: a publication's build waits for the one before it.

export type SerialQueue = {
  /** Runs `job` after every job pushed before it has finished (whatever their outcome). */
  push(job: () => Promise<void>): void;
  /** Resolves when every job pushed so far has finished (tests, shutdown). */
  idle(): Promise<void>;
};

export function serialQueue(onError: (error: unknown) => void): SerialQueue {
  let tail: Promise<void> = Promise.resolve();
  return {
    push(job) {
      tail = tail.then(job).catch(onError);
    },
    idle: () => tail,
  };
}
