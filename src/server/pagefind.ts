// Pagefind's own browser search (dist/pagefind/pagefind.js) run inside Node, so the page without
// JavaScript gets exactly the results the script shows. It loads its files with fetch(); requests
// under one private base URL are answered from dist/, everything else goes to the real fetch.
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { oneAtATime, type PagefindApi } from "../lib/search/engine.ts";
import { mergeShards, type PagefindModule } from "../lib/search/shards.ts";

/** Never resolved or sent anywhere: only the hook below answers it. */
const BASE = "http://pagefind.invalid/pagefind/";
const roots = new Map<string, string>();
let hooked = false;

function hookFetch(): void {
  if (hooked) return;
  hooked = true;
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!url.startsWith(BASE)) return realFetch(input, init);
    const [key, ...rest] = url.slice(BASE.length).split("?")[0]!.split("/");
    const dir = roots.get(key!);
    const name = rest.join("/");
    if (!dir || name.split("/").some((part) => part === ".." || part === "")) {
      return new Response(null, { status: 404 });
    }
    const body = await readFile(join(dir, name)).catch(() => undefined);
    return body ? new Response(new Uint8Array(body)) : new Response(null, { status: 404 });
  };
}

export type IndexLoader = {
  /** The index of the build now in dist/ (reloaded after a deploy), or undefined when there is none. */
  get(): Promise<PagefindApi | undefined>;
};

/** Loads dist/pagefind lazily and again whenever a new build replaced it. */
export function createIndexLoader(distDir: string): IndexLoader {
  const dir = join(distDir, "pagefind");
  let loaded: { version: string; api: Promise<PagefindApi> } | undefined;
  let loads = 0;
  return {
    async get() {
      const entry = await stat(join(dir, "pagefind-entry.json")).catch(() => undefined);
      if (!entry) return undefined;
      const version = `${entry.mtimeMs}-${entry.size}`;
      if (loaded?.version !== version) {
        hookFetch();
        const key = `${++loads}-${Math.random().toString(36).slice(2)}`;
        roots.set(key, dir);
        const file = pathToFileURL(join(dir, "pagefind.js"));
        file.search = `?v=${key}`;
        const api = (async () => {
          const module = (await import(/* @vite-ignore */ file.href)) as PagefindApi &
            PagefindModule;
          await module.options({ basePath: `${BASE}${key}/`, baseUrl: "/" });
          await module.init();
          await mergeShards(module, `${BASE}${key}/`);
          return oneAtATime(module);
        })();
        loaded = { version, api };
        // A failed load is retried on the next request.
        api.catch(() => {
          if (loaded?.api === api) loaded = undefined;
        });
      }
      return loaded.api;
    },
  };
}
