// The index's files as one object: read on demand (fetch in the browser, the disk on the server)
// and kept, so later queries load only what is new to them.
import {
  bucketOfKey,
  bucketPath,
  completionKey,
  isBucket,
  isPageFile,
  MANIFEST_FILE,
  manifestSchema,
  readPageValues,
  PAGE_VALUES_FILE,
  pageFileOf,
  pagePath,
  PAGES_PER_FILE,
  type Bucket,
  type Manifest,
  type PageRecord,
  type PageValues,
  type TermEntry,
} from "./index-files.ts";

/** How the index's files are read: fetch() in the browser, the disk on the server. */
export type IndexFiles = {
  /** The JSON of a file, by its path inside the index folder ("chi-muc.json", "<dir>/tu/3.json"). */
  read(path: string): Promise<unknown>;
};

/** Files kept in memory at most: a browser reads a few; a server, over days, might read all. */
const CACHED_PAGES = 500;
const CACHED_BUCKETS = 1000;

/**
 * Keeps a promise, forgetting it if it fails so that the next call tries again; past `limit`
 * entries the oldest is dropped.
 */
function remember<T>(
  cache: Map<number, Promise<T>>,
  key: number,
  load: () => Promise<T>,
  limit = Infinity,
): Promise<T> {
  let value = cache.get(key);
  if (!value) {
    if (cache.size >= limit) cache.delete(cache.keys().next().value!);
    value = load();
    cache.set(key, value);
    value.catch(() => cache.delete(key));
  }
  return value;
}

/** The error of a file that is not what the index promises, naming it. */
const notIndexFile = (path: string) => new Error(`${path}: không đúng định dạng chỉ mục`);

/** A file as read, or an error naming it when it is not what the index promises. */
function checked<T>(path: string, is: (value: unknown) => value is T): (value: unknown) => T {
  return (value) => {
    if (!is(value)) throw notIndexFile(path);
    return value;
  };
}

/** Every page's filter values, decoded once: the combination of each page. */
export type PageTable = { combos: PageValues[]; of: Int32Array };

/** An index with the files it has read kept, so later queries load only what is new to them. */
export class SearchIndex {
  readonly #files: IndexFiles;
  #manifest: Promise<Manifest> | undefined;
  #table: Promise<PageTable> | undefined;
  readonly #buckets = new Map<number, Promise<Bucket>>();
  /** Page files by number: the pages of one file share its request. */
  readonly #pages = new Map<number, Promise<PageRecord[]>>();

  constructor(files: IndexFiles) {
    this.#files = files;
  }

  /** The small file at the fixed address: this build's folder, word files, filter values. */
  manifest(): Promise<Manifest> {
    this.#manifest ??= this.#files.read(MANIFEST_FILE).then((json) => manifestSchema.parse(json));
    this.#manifest.catch(() => (this.#manifest = undefined));
    return this.#manifest;
  }

  /** Every page's filter values; loaded beside the word files, not before them. */
  pageValues(): Promise<PageTable> {
    this.#table ??= this.manifest().then(async ({ dir, pages }) => {
      const path = `${dir}${PAGE_VALUES_FILE}`;
      const table = readPageValues(await this.#files.read(path), pages);
      if (!table) throw notIndexFile(path);
      return table;
    });
    this.#table.catch(() => (this.#table = undefined));
    return this.#table;
  }

  async #entry(key: string): Promise<Bucket[string] | undefined> {
    const { dir, buckets } = await this.manifest();
    const k = bucketOfKey(key, buckets);
    const path = `${dir}${bucketPath(k)}`;
    const entries = await remember(
      this.#buckets,
      k,
      () => this.#files.read(path).then(checked(path, isBucket)),
      CACHED_BUCKETS,
    );
    return Object.hasOwn(entries, key) ? entries[key] : undefined;
  }

  /** A folded word, or two side by side joined by a space. */
  async term(term: string): Promise<TermEntry | undefined> {
    const entry = await this.#entry(term);
    return entry && "v" in entry ? entry : undefined;
  }

  /** The folded words beginning with a folded start, most pages first. */
  async completions(start: string): Promise<string[]> {
    const entry = await this.#entry(completionKey(start));
    return entry && "c" in entry ? entry.c : [];
  }

  async page(id: number): Promise<PageRecord> {
    const { dir } = await this.manifest();
    const file = pageFileOf(id);
    const path = `${dir}${pagePath(file)}`;
    const records = await remember(
      this.#pages,
      file,
      () => this.#files.read(path).then(checked(path, isPageFile)),
      CACHED_PAGES / PAGES_PER_FILE,
    );
    const record = records[id - file * PAGES_PER_FILE];
    if (!record) throw notIndexFile(path);
    return record;
  }
}
