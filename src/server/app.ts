// The HTTP application: API routes, the no-JavaScript poll page, and the static site.
import { createHash, randomUUID } from "node:crypto";
import { Hono, type Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { featuredPoll, isPollOpen, type PollDefinition } from "../lib/polls/schema.ts";
import { escapeHtml } from "../lib/html.ts";
import {
  FORM_OUTCOMES,
  NOT_OPEN_ERROR,
  POLL_PAGE_PATH,
  renderResultsHtml,
  safeReturnPath,
  type FormOutcome,
} from "../lib/polls/view.ts";
import type { VisitFigures } from "../lib/visits/original.ts";
import { clientAddress, RateLimiter } from "./client.ts";
import type { ServerConfig } from "./config.ts";
import {
  assertSameSite,
  bodyKind,
  ClientAbortError,
  header,
  errorResponse,
  HttpError,
  isFormPost,
  own,
  parseJsonObject,
  readBody,
} from "./http.ts";
import {
  DEFAULT_COMMENT_SETTINGS,
  mountCommentRoutes,
  type CommentSettings,
} from "./comments/routes.ts";
import { pollResults } from "./polls.ts";
import { createDashboardRedirect } from "./dashboard.ts";
import { DASHBOARD_PATH } from "../lib/dashboard/filters.ts";
import { createSearchPage } from "./search.ts";
import { SEARCH_PATH } from "../lib/search/view.ts";
import { SECURITY_HEADERS } from "./security.ts";
import { DEFAULT_STAFF_SETTINGS, mountStaffRoutes, type StaffSettings } from "./staff/routes.ts";
import { createStaticSite } from "./static.ts";
import type { Store, VisitTotals } from "./store/types.ts";
import { isBot, isPrefetch, VisitorTracker } from "./visitor.ts";

export const VOTER_COOKIE = "voter";
/**
 * Every API answer (JSON, never rendered as a page, so the page-only headers add nothing).
 * Plain objects keep the adapter on its fast path: c.header() would copy every response.
 */
const API_HEADERS = {
  "x-content-type-options": "nosniff",
  "cache-control": "no-store",
  // JSON opened as a document (or framed) may run and load nothing.
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
  "referrer-policy": "no-referrer",
};
/** API_HEADERS with the JSON type, for answers that set no cookie. */
const API_JSON_HEADERS = { ...API_HEADERS, "content-type": "application/json" };
/** A JSON answer built directly: the Node adapter writes it without Hono's header merging. */
const plainJson = (body: unknown): Response =>
  new Response(JSON.stringify(body), { status: 200, headers: API_JSON_HEADERS });
/** The API's paths and the methods each accepts (for 405 answers and their Allow header). */
const API_METHODS: [RegExp, string][] = [
  [/^\/api\/polls$/, "GET, HEAD"],
  [/^\/api\/polls\/[^/]+$/, "GET, HEAD"],
  [/^\/api\/polls\/[^/]+\/votes$/, "POST"],
  [/^\/api\/visits$/, "GET, HEAD, POST"],
  [/^\/api\/health$/, "GET, HEAD"],
  [/^\/api\/comments$/, "GET, HEAD, POST"],
];
/** How long /api/health waits for the database before answering 503. */
const HEALTH_TIMEOUT_MS = 2000;
/** Refusals of a no-JavaScript vote that get the poll page (same status) instead of JSON. */
const FORM_REFUSALS: Partial<Record<number, FormOutcome>> = {
  403: "khac-trang",
  404: "khong-co",
  429: "qua-nhieu",
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type AppOptions = {
  store: Store;
  config: Pick<ServerConfig, "distDir" | "trustProxy" | "rateLimitPerMinute" | "visitorSecret">;
  polls: Map<string, PollDefinition>;
  /** The original site's "Tổng" (data/trang-goc.csv); Tổng continues from it. */
  counterBaseline: number;
  now?: () => number;
  /** Where a store failure is reported (the server logs it). */
  onStoreError?: (error: unknown) => void;
  /** Where a client that disconnected mid-body is reported (one line; not a server fault). */
  onClientAbort?: (method: string, path: string) => void;
  /** Comment spam defences and email retention (COMMENT_* variables). */
  comments?: Partial<CommentSettings>;
  /** Staff sign-in and sessions (STAFF_* variables). */
  staff?: Partial<StaffSettings>;
};

/** True when the store answers within `ms`. */
async function pingWithin(store: Store, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(resolve, ms, false)));
  try {
    return await Promise.race([store.ping().then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export function createApp(options: AppOptions): Hono {
  const { store, config, polls } = options;
  const now = options.now ?? Date.now;
  const site = createStaticSite(config.distDir);
  const limiter = new RateLimiter(config.rateLimitPerMinute, now);
  const visitors = new VisitorTracker(store, { now, secret: config.visitorSecret });
  const app = new Hono();

  /** The browser's random id, hashed: the database never sees the cookie value itself. */
  const voterOf = (c: Context): string | undefined => {
    const id = getCookie(c, VOTER_COOKIE);
    return id && UUID.test(id) ? createHash("sha256").update(id).digest("base64url") : undefined;
  };
  const isHttps = (c: Context): boolean =>
    new URL(c.req.url).protocol === "https:" ||
    (config.trustProxy > 0 && header(c, "x-forwarded-proto") === "https");
  const guardPost = (c: Context): void => {
    assertSameSite(c);
    if (limiter.enabled && !limiter.allow(clientAddress(c, config.trustProxy))) {
      throw new HttpError(429, "too many requests; try again in a minute", {
        "retry-after": String(limiter.retryAfterSeconds()),
      });
    }
  };
  const findPoll = (id: string): PollDefinition => {
    const poll = polls.get(id);
    if (!poll) throw new HttpError(404, "unknown poll");
    return poll;
  };

  app.onError((error, c) => {
    if (error instanceof HttpError) return errorResponse(c, error, API_HEADERS);
    if (error instanceof ClientAbortError) {
      options.onClientAbort?.(c.req.method, c.req.path);
      // Nobody is there to read it; the status only keeps logs and proxies honest.
      return c.json({ error: "request body incomplete; nothing was recorded" }, 400, API_HEADERS);
    }
    options.onStoreError?.(error);
    return c.json({ error: "internal error; nothing was recorded" }, 500, API_HEADERS);
  });

  app.get("/api/polls", (c) =>
    c.json(
      [...polls.values()].map((p) => ({
        id: p.id,
        question: p.question,
        options: p.options,
        opensAt: p.opensAt ?? null,
        closesAt: p.closesAt ?? null,
        open: isPollOpen(p, new Date(now())),
        priorParticipants: p.priorParticipants,
      })),
      200,
      API_HEADERS,
    ),
  );

  app.get("/api/polls/:id", async (c) => {
    const poll = findPoll(c.req.param("id"));
    const voter = voterOf(c);
    const voted = voter ? ((await store.voteOf(poll.id, voter)) ?? null) : null;
    return c.json(await pollResults(store, poll, new Date(now()), voted), 200, API_HEADERS);
  });

  app.post("/api/polls/:id/votes", async (c) => {
    let poll: PollDefinition;
    try {
      guardPost(c);
      poll = findPoll(c.req.param("id"));
    } catch (error) {
      // A reader without JavaScript sees a page saying so, not the API's JSON.
      const outcome = error instanceof HttpError ? FORM_REFUSALS[error.status] : undefined;
      if (outcome && error instanceof HttpError && isFormPost(c)) {
        const pollId = error.status === 404 ? undefined : c.req.param("id");
        const status = error.status as 403 | 404 | 429;
        return pollPage(c, pollId, outcome, undefined, status, error.headers);
      }
      throw error;
    }
    const kind = bodyKind(c, true);
    const text = await readBody(c);
    let fields: Record<string, unknown>;
    if (kind === "json") fields = parseJsonObject(text);
    else fields = Object.fromEntries(new URLSearchParams(text));
    const optionId = own(fields, "optionId");
    const back = (outcome: FormOutcome) => {
      const query = new URLSearchParams({ id: poll.id, "ket-qua": outcome });
      const from = safeReturnPath(own(fields, "returnTo"));
      if (from) query.set("tu", from);
      return c.body(null, 303, {
        ...SECURITY_HEADERS,
        "cache-control": "no-store",
        location: `${POLL_PAGE_PATH}?${query}#ket-qua`,
      });
    };
    if (typeof optionId !== "string" || !poll.options.some((o) => o.id === optionId)) {
      if (kind === "form") return back("chua-chon");
      throw new HttpError(400, "unknown option");
    }
    const at = new Date(now());
    if (!isPollOpen(poll, at)) {
      if (kind === "form") return back("da-dong");
      const early = poll.opensAt !== undefined && at.getTime() < Date.parse(poll.opensAt);
      throw new HttpError(403, early ? NOT_OPEN_ERROR : "poll is closed");
    }
    let cookieId = getCookie(c, VOTER_COOKIE);
    const isNewBrowser = !cookieId || !UUID.test(cookieId);
    if (isNewBrowser) cookieId = randomUUID();
    const voter = createHash("sha256").update(cookieId!).digest("base64url");
    const outcome = await store.recordVote(poll.id, voter, optionId, at);
    if (isNewBrowser && outcome.status === "recorded") {
      setCookie(c, VOTER_COOKIE, cookieId!, {
        path: "/",
        httpOnly: true,
        sameSite: "Lax",
        secure: isHttps(c),
        maxAge: 400 * 24 * 3600,
      });
    }
    if (kind === "form") return back(outcome.status === "recorded" ? "da-ghi" : "da-binh-chon");
    const voted = outcome.status === "recorded" ? optionId : outcome.optionId;
    const results = await pollResults(store, poll, at, voted);
    return c.json(results, outcome.status === "recorded" ? 201 : 409, API_HEADERS);
  });

  const figures = (counted: boolean, online: number, totals: VisitTotals): VisitFigures => ({
    online,
    today: totals.today,
    total: options.counterBaseline + totals.total,
    counted,
  });
  /** The figures without counting anything (a GET, a bot, a prefetch). */
  const currentFigures = async (): Promise<VisitFigures> =>
    figures(false, await visitors.online(), await store.visitTotals(visitors.today()));

  app.get("/api/visits", async (c) => c.json(await currentFigures(), 200, API_HEADERS));

  app.post("/api/visits", async (c) => {
    guardPost(c);
    bodyKind(c, false);
    const path = own(parseJsonObject(await readBody(c)), "path");
    if (typeof path !== "string" || !path.startsWith("/") || path.length > 512) {
      throw new HttpError(400, "path must be a site path starting with /");
    }
    const ua = header(c, "user-agent") ?? "";
    if (isBot(ua) || isPrefetch({ get: (name) => header(c, name) })) {
      return plainJson(await currentFigures());
    }
    const sighting = await visitors.see(clientAddress(c, config.trustProxy), ua);
    return plainJson(figures(sighting.newVisit, sighting.online, sighting));
  });

  // For a load balancer: 200 while this node's database answers, 503 otherwise; nothing secret.
  app.get("/api/health", async (c) => {
    const ok = await pingWithin(store, HEALTH_TIMEOUT_MS);
    return c.json({ ok, store: store.kind }, ok ? 200 : 503, API_HEADERS);
  });

  /** The built poll page with live results and an optional outcome message filled in. */
  const pollPage = async (
    c: Context,
    pollId: string | undefined,
    outcome: FormOutcome | undefined,
    from: string | undefined,
    status: 200 | 403 | 404 | 429 = 200,
    extraHeaders: Record<string, string> = {},
  ): Promise<Response> => {
    const page = await site.page(`${POLL_PAGE_PATH.slice(1)}index.html`);
    const poll = polls.get(pollId ?? "") ?? featuredPoll([...polls.values()], new Date(now()));
    if (!page || !poll) return site.notFound(c);
    const voter = voterOf(c);
    const voted = voter ? ((await store.voteOf(poll.id, voter)) ?? null) : null;
    const results = await pollResults(store, poll, new Date(now()), voted);
    const message = outcome
      ? `<p class="poll-status" role="status">${FORM_OUTCOMES[outcome]}</p>`
      : "";
    const link = from ? `<p><a href="${escapeHtml(from)}">Trở lại trang bạn đang đọc</a></p>` : "";
    const live =
      `${message}<h2 class="poll-question">${escapeHtml(results.question)}</h2>` +
      `${renderResultsHtml(results)}<p class="poll-live-note">Số liệu trực tiếp lúc bạn mở trang.</p>${link}`;
    const html = page.html.replace(
      /<!--poll-live-->[\s\S]*?<!--\/poll-live-->/,
      () => `<!--poll-live-->${live}<!--/poll-live-->`,
    );
    return c.html(html, status, {
      ...SECURITY_HEADERS,
      "cache-control": "no-store",
      "content-security-policy": page.csp,
      ...extraHeaders,
    });
  };

  // Where a vote sent without JavaScript lands: the built page with live results filled in.
  app.get(POLL_PAGE_PATH, (c) => {
    const outcome = c.req.query("ket-qua");
    return pollPage(
      c,
      c.req.query("id"),
      outcome && Object.hasOwn(FORM_OUTCOMES, outcome) ? (outcome as FormOutcome) : undefined,
      safeReturnPath(c.req.query("tu")),
    );
  });

  mountCommentRoutes(app, {
    store,
    site,
    distDir: config.distDir,
    trustProxy: config.trustProxy,
    now,
    settings: { ...DEFAULT_COMMENT_SETTINGS, ...options.comments },
    apiHeaders: API_HEADERS,
    // The API's per-minute limit counts comment posts too (refused ones included).
    overMinuteLimit: (c) =>
      limiter.enabled && !limiter.allow(clientAddress(c, config.trustProxy))
        ? limiter.retryAfterSeconds()
        : undefined,
  });
  mountStaffRoutes(app, {
    store,
    distDir: config.distDir,
    trustProxy: config.trustProxy,
    now,
    isHttps,
    settings: { ...DEFAULT_STAFF_SETTINGS, ...options.staff },
  });
  // Search without JavaScript: the built page with the server's results (src/server/search.ts).
  app.get(SEARCH_PATH, createSearchPage(config.distDir, site));
  // The dashboard's filter form without JavaScript lands on its prerendered page (dashboard.ts).
  app.get(DASHBOARD_PATH, createDashboardRedirect(config.distDir, site));

  // Everything no route matched: the static site, or a 404/405. Kept out of the route table so
  // each request matches exactly one handler and Hono calls it without composing a chain.
  app.notFound((c) => {
    const path = c.req.path;
    if (path.startsWith("/api/")) {
      const allow = API_METHODS.find(([pattern]) => pattern.test(path))?.[1];
      if (allow) return c.json({ error: "method not allowed" }, 405, { ...API_HEADERS, allow });
      return c.json({ error: "not found" }, 404, API_HEADERS);
    }
    if (c.req.method === "GET" || c.req.method === "HEAD") return site.serve(c);
    return c.text("Method not allowed", 405, { ...SECURITY_HEADERS, allow: "GET, HEAD" });
  });
  return app;
}
