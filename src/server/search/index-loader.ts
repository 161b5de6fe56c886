// The search index of the build now in dist/ (dist/chi-muc/), read from disk with the same engine
// the browser runs, so the page without JavaScript gets exactly the results the script shows.
import { readFile, stat } from "node:fs/promises";
import { join, resolve, sep } from "node:path";
import { SearchIndex } from "../../lib/search/engine.ts";
import { INDEX_DIR, MANIFEST_FILE } from "../../lib/search/index-files.ts";
import { readThroughSwap } from "../site/files.ts";

export type IndexLoader = {
  /** The index of the build now in dist/ (reloaded after a deploy), or undefined when there is none. */
  get(): Promise<SearchIndex | undefined>;
};

/** Reads dist/chi-muc lazily and again whenever a new build replaced it. */
export function createIndexLoader(distDir: string): IndexLoader {
  const dir = resolve(distDir, INDEX_DIR);
  let loaded: { version: string; index: SearchIndex } | undefined;
  const files = {
    async read(path: string): Promise<unknown> {
      const file = resolve(dir, path);
      // Paths come from the manifest and the engine, never from a request; checked all the same.
      if (!file.startsWith(`${dir}${sep}`)) throw new Error(`outside the index: ${path}`);
      return JSON.parse(await readFile(file, "utf8"));
    },
  };
  return {
    async get() {
      const manifestFile = join(dir, MANIFEST_FILE);
      const manifest = await readThroughSwap(resolve(distDir), () =>
        stat(manifestFile).catch(() => undefined),
      );
      if (!manifest) return undefined;
      const version = `${manifest.mtimeMs}-${manifest.size}`;
      if (loaded?.version !== version) {
        const index = new SearchIndex(files);
        // Read now: a manifest that cannot be read means no index, as when there is none.
        if (!(await index.manifest().catch(() => undefined))) return undefined;
        loaded = { version, index };
      }
      return loaded.index;
    },
  };
}
