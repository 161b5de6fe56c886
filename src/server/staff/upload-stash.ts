// Checked uploads kept on the server between "Kiểm tra" and "Đăng": the formatted CSV under a
// random key, for the member who checked it only, for a limited time. The browser sends back
// the key, never the text.
import { randomBytes } from "node:crypto";
import type { DatasetId } from "../../lib/data/datasets.ts";

export type StashedUpload = { dataset: DatasetId; text: string; file: string };
type Entry = StashedUpload & { username: string; at: number };

export type UploadStash = {
  /** Keeps a checked upload; returns its key. */
  put(username: string, upload: StashedUpload): string;
  /** The upload under `key` if `username` checked it and it has not expired; it is then gone. */
  take(username: string, key: string): StashedUpload | undefined;
};

/** Half an hour to read the changes and press "Đăng". */
export const STASH_MINUTES = 30;
/** Uploads are up to 5 MB: at most this many are kept at once (the oldest go first). */
const MAX_ENTRIES = 20;

export function uploadStash(now: () => number): UploadStash {
  const entries = new Map<string, Entry>();
  const sweep = () => {
    for (const [key, e] of entries) {
      if (now() - e.at > STASH_MINUTES * 60_000) entries.delete(key);
    }
    while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  };
  return {
    put(username, upload) {
      const key = randomBytes(16).toString("base64url");
      entries.set(key, { ...upload, username, at: now() });
      sweep();
      return key;
    },
    take(username, key) {
      sweep();
      const e = entries.get(key);
      if (!e || e.username !== username) return undefined;
      entries.delete(key);
      return { dataset: e.dataset, text: e.text, file: e.file };
    },
  };
}
