// What createApp hands the feature routers; each takes the part it uses, and its own store.
import type { ArticleIndex } from "./comments/articles.ts";
import type { MiddlewareHandler } from "hono";
import type { Site } from "./site/site.ts";

export type FeatureContext = {
  /** The build in dist/: static files, and built pages a feature fills in. */
  site: Site;
  /** The articles readers may comment on, re-read after a deploy. */
  articles: ArticleIndex;
  /** What every public POST runs first: the same-site check, then the per-minute limit. */
  guard: MiddlewareHandler;
  /** How many proxies' X-Forwarded-For entries to trust (TRUST_PROXY). */
  trustProxy: number;
  now: () => number;
};
