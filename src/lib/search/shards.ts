// A large site's search index is split into several (src/lib/build/search-index.ts); the browser
// and the server load the further ones beside the main one and search them together.

/** Lists the further indexes beside the main one, relative to it: `{"shards":["shard-1/"]}`. */
export const SHARDS_FILE = "shards.json";

/** The parts of Pagefind's module used to load it. */
export type PagefindModule = {
  options(options: object): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options?: object): Promise<void>;
};

/**
 * Merges every further index listed next to the main index at `base` (a URL ending in "/"). Their
 * page URLs are site paths like the main index's (Pagefind would otherwise prefix them with `base`).
 */
export async function mergeShards(module: PagefindModule, base: string): Promise<number> {
  const response = await fetch(`${base}${SHARDS_FILE}`);
  // An index built as one (or before indexes were split) has no list.
  if (!response.ok) return 0;
  const { shards } = (await response.json()) as { shards: string[] };
  // Together, not one after another: each waits on its own entry and metadata files.
  await Promise.all(shards.map((dir) => module.mergeIndex(`${base}${dir}`, { baseUrl: "/" })));
  return shards.length;
}
