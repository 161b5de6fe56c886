// A publication's files in the content checkout: each file's bytes before (or its absence),
// the new text written, and everything put back byte for byte when the publication fails.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { PublicationFile } from "./publication.ts";

/** Each path's bytes before the publication; null: the file did not exist. */
export type Snapshot = Map<string, Buffer | null>;

const readOrNull = (file: string) => readFile(file).catch(() => null);

export async function snapshot(dir: string, paths: readonly string[]): Promise<Snapshot> {
  const before: Snapshot = new Map();
  for (const path of paths) before.set(path, await readOrNull(join(dir, path)));
  return before;
}

/** True when writing `files` would change nothing on disk. */
export function unchanged(before: Snapshot, files: readonly PublicationFile[]): boolean {
  return files.every((f) => {
    const old = before.get(f.path) ?? null;
    return f.text === null ? old === null : old !== null && old.equals(Buffer.from(f.text, "utf8"));
  });
}

export async function writeFiles(dir: string, files: readonly PublicationFile[]): Promise<void> {
  for (const f of files) {
    const file = join(dir, f.path);
    if (f.text === null) await rm(file, { force: true });
    else {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, f.text);
    }
  }
}

/** Every path as it was: old bytes written back, files that did not exist removed. */
export async function restore(dir: string, before: Snapshot): Promise<void> {
  for (const [path, bytes] of before) {
    const file = join(dir, path);
    if (bytes === null) await rm(file, { force: true });
    else {
      // An undo may have removed the folder along with the file.
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, bytes);
    }
  }
}
