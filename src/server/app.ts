// The HTTP application: one router per feature, joined here, then the static site for the rest.
import { Hono } from "hono";
import type { PollDefinition } from "../lib/polls/schema.ts";
import { articleIndex } from "./comments/articles.ts";
import { commentRoutes } from "./comments/routes.ts";
import { DEFAULTS, type CommentSettings, type ServerConfig, type StaffSettings } from "./config.ts";
import { dashboardRoutes } from "./dashboard/routes.ts";
import { healthRoutes } from "./health/routes.ts";
import { answerErrors, type ErrorReports } from "./http/error-answer.ts";
import { postGuard } from "./http/guards.ts";
import { pollRoutes } from "./polls/routes.ts";
import { searchRoutes } from "./search/routes.ts";
import { newsroomRoutes } from "./newsroom/routes.ts";
import { NO_NEWSROOM, type Newsroom } from "./newsroom/setup.ts";
import { notFound } from "./site/fallback.ts";
import { createSite } from "./site/site.ts";
import { articleDepsOf, type ArticleDeps } from "./newsroom/article-routes.ts";
import { staffRoutes } from "./staff/routes.ts";
import type { Stores } from "./store/types.ts";
import { visitRoutes } from "./visits/routes.ts";

export type AppOptions = ErrorReports & {
  stores: Stores;
  config: Pick<ServerConfig, "distDir" | "trustProxy" | "rateLimitPerMinute" | "visitorSecret">;
  /** The poll definitions (SIGHUP reloads them into this Map). */
  polls: Map<string, PollDefinition>;
  /** The original site's "Tổng" (data/trang-goc.csv); Tổng continues from it. */
  counterBaseline: number;
  now?: () => number;
  /** Comment spam defences and email retention (COMMENT_* variables). */
  comments?: Partial<CommentSettings>;
  /** Staff sign-in and sessions (STAFF_* variables). */
  staff?: Partial<StaffSettings>;
  /** The newsroom (PUBLISH_DIR, newsroom/setup.ts); off unless given. */
  newsroom?: Newsroom;
  /**
   * The article page's own parts (the preview; a test's publisher or figures); its publisher and
   * content folders otherwise come from `newsroom`.
   */
  articlePage?: ArticleDeps;
};

export function createApp(options: AppOptions): Hono {
  const { stores, config, polls } = options;
  const { trustProxy, distDir } = config;
  const { secrets } = stores;
  const now = options.now ?? Date.now;
  const site = createSite(distDir);
  const articles = articleIndex(distDir);
  // Every public POST: the same-site check, then RATE_LIMIT_PER_MINUTE (one count per address).
  const guard = postGuard(config.rateLimitPerMinute, trustProxy, now);
  const common = { site, articles, guard, trustProxy, now };
  const counter = { counterBaseline: options.counterBaseline, visitorSecret: config.visitorSecret };
  const commentSettings = { ...DEFAULTS.comments, ...options.comments };
  const staffSettings = { ...DEFAULTS.staff, ...options.staff };
  const newsroom = options.newsroom ?? NO_NEWSROOM;
  const staff = { ...common, store: stores.staff, settings: staffSettings };

  const app = new Hono()
    .route("/", pollRoutes({ ...common, store: stores.polls, polls }))
    .route("/", visitRoutes({ ...common, store: stores.visits, ...counter }))
    .route("/", healthRoutes(stores, now))
    .route(
      "/",
      commentRoutes({ ...common, store: stores.comments, secrets, settings: commentSettings }),
    )
    .route(
      "/",
      staffRoutes({
        ...staff,
        comments: stores.comments,
        secrets,
        publisher: newsroom.publisher,
        publishDir: newsroom.publisher ? newsroom.publishDir : undefined,
        ...articleDepsOf(newsroom),
        ...options.articlePage,
      }),
    )
    .route("/", newsroomRoutes({ ...staff, newsroom }))
    .route("/", searchRoutes({ distDir, site }))
    .route("/", dashboardRoutes({ distDir, site }));
  app.onError(answerErrors(options));
  // Everything no route matched: the static site, or a 404/405. Kept out of the route table so
  // each request matches exactly one chain and the static files need no middleware.
  app.notFound(notFound(site, () => app.routes));
  return app;
}
