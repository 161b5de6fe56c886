// Keys for pages that show the data only (downloads, dashboards): Astro renders them again when
// data/ or an article its rows cite changed. Pages only: it reads the content collection.
import { getCollection } from "astro:content";
import { digestOf, keyed } from "./cache-keys.ts";
import { dataDigest } from "./data-digest.ts";

/** The paths, each keyed by the data digest and `extra(path)` (what else the page shows). */
export async function keyedByData<P extends object>(
  paths: readonly P[],
  extra: (path: P) => unknown = () => null,
) {
  const data = dataDigest(await getCollection("news"));
  return keyed(paths, (path) => digestOf([data, extra(path)]));
}
