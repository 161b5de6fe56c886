// 405 answers from the routes themselves: the methods a path answers are those of the app's own
// routes that match it (found with Hono's router), never a table kept beside them.
import { TrieRouter } from "hono/router/trie-router";

type Route = { method: string; path: string };

/** Methods in the order an Allow header lists them. */
const ORDER = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** The Allow header for each path of `routes` (a GET route answers HEAD too); undefined if none. */
export function allowedMethods(
  routes: () => readonly Route[],
): (path: string) => string | undefined {
  let router: TrieRouter<string> | undefined;
  return (path) => {
    // Built at the first 405: by then every feature's routes are in the list.
    if (!router) {
      router = new TrieRouter<string>();
      // Middleware ("ALL") answers nothing itself.
      for (const r of routes()) if (r.method !== "ALL") router.add("ALL", r.path, r.method);
    }
    const methods = new Set(router.match("GET", path)[0].map(([method]) => method));
    if (methods.has("GET")) methods.add("HEAD");
    return methods.size === 0 ? undefined : ORDER.filter((m) => methods.has(m)).join(", ");
  };
}
