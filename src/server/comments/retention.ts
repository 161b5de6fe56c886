// Deletes readers' emails older than COMMENT_EMAIL_RETENTION_DAYS: at start, then every hour.
import type { CommentStore } from "../store/comments.ts";

const HOUR = 3600_000;

export async function purgeOldEmails(
  store: CommentStore,
  days: number,
  now = Date.now(),
): Promise<number> {
  return store.purgeEmails(new Date(now - days * 24 * HOUR));
}

export function startEmailRetention(
  store: CommentStore,
  days: number,
  onError: (message: string) => void,
): { stop(): void } {
  const run = () =>
    purgeOldEmails(store, days).catch((error: unknown) =>
      onError(
        `Email retention: could not delete old emails (${(error as Error).message}); will retry in an hour.`,
      ),
    );
  void run();
  const timer = setInterval(run, HOUR);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
