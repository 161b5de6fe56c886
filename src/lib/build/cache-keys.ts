// Keys for Astro's incremental build (experimental.incrementalBuild in astro.config.mjs). A page
// whose key and code are those of the last build is copied from Astro's cache instead of being
// rendered again, so its key digests everything the page shows that Astro's module graph does
// not see: the entries it shows and the lists beside them (the data files: data-digest.ts).
import { createHash } from "node:crypto";

/** What a key needs of a collection entry: the digest of its file, its id and its data. */
export type KeyedEntry = { id: string; digest?: string | number | undefined; data: unknown };

/** A short, stable digest of any JSON-able value. */
export function digestOf(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("base64url");
}

const shown = new WeakMap<object, string>();

/**
 * What a list or a "Các tin khác" link shows of an article: its id and frontmatter (title, date,
 * place, summary), not its body, so editing an article's text changes no list around it.
 */
export function shownDigest(entry: KeyedEntry): string {
  let digest = shown.get(entry);
  if (digest === undefined) {
    digest = digestOf([entry.id, entry.data]);
    shown.set(entry, digest);
  }
  return digest;
}

/** True when an MDX body renders components (<Chart>, <DataFigure>…), which may read data/. */
export function usesComponents(body: string | undefined): boolean {
  return body === undefined || /<[A-Z][\w.]*[\s/>]/.test(body);
}

/**
 * An article page: its file (frontmatter and body), what "Các tin khác" shows of each article it
 * lists, and the data when its body has components that may read it.
 */
export function articleKey(
  entry: KeyedEntry & { body?: string | undefined },
  others: readonly KeyedEntry[],
  data: () => string,
): string {
  return digestOf([
    entry.id,
    entry.digest ?? digestOf([entry.data, entry.body]),
    others.map(shownDigest),
    usesComponents(entry.body) ? data() : null,
  ]);
}

/** A page of a list: its own fields and what it shows of each article on it. */
export function listKey(list: { items: readonly KeyedEntry[] } & Record<string, unknown>): string {
  return digestOf({ ...list, items: list.items.map(shownDigest) });
}

/** The paths `getStaticPaths` gives, each with `cacheKey: key(path)`. */
export function keyed<P extends object>(paths: readonly P[], key: (path: P) => string) {
  return paths.map((path) => ({ ...path, cacheKey: key(path) }));
}

/** For routes whose props carry the whole body they send: the body is the key. */
export function keyedByBody<P extends { props: { body: string } }>(paths: readonly P[]) {
  return keyed(paths, (path) => digestOf(path.props.body));
}
