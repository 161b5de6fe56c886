// GET /tim-kiem/ without JavaScript: the built page with the results of ?q= filled in by the
// server, from the same index the browser uses.
import type { Context } from "hono";
import { filterValues, runSearch, type SearchIndex } from "../lib/search/engine.ts";
import { parseSearchRequest } from "../lib/search/request.ts";
import {
  LIVE_END,
  LIVE_START,
  renderResults,
  renderSearchForm,
  sortFilterOptions,
} from "../lib/search/view.ts";
import { createIndexLoader } from "./search-index.ts";
import { SECURITY_HEADERS } from "./security.ts";
import type { StaticSite } from "./static.ts";

const LIVE = new RegExp(`${LIVE_START}[\\s\\S]*?${LIVE_END}`);

/** The handler for GET /tim-kiem/ (mounted in app.ts). */
export function createSearchPage(distDir: string, site: StaticSite) {
  const loader = createIndexLoader(distDir);
  return async (c: Context): Promise<Response> => {
    const page = await site.page("tim-kiem/index.html");
    if (!page) return site.notFound(c);
    const request = parseSearchRequest(new URL(c.req.url).searchParams);
    const index = await loader.get().catch(() => undefined);
    // No index (a build without one): the static page, which says search is unavailable.
    if (!index) return site.serve(c);
    const answer = async (from: SearchIndex) => {
      // The index lists its values already in the form's order (search-index.ts).
      const options = await filterValues(from);
      const outcome = await runSearch(from, request);
      return `${renderSearchForm(options, request, outcome.counts)}<div class="search-live" data-server>${renderResults(outcome)}</div>`;
    };
    let live: string;
    let status: 200 | 503 = 200;
    try {
      // A deploy may replace the index between two of its reads: once more from the new one.
      live = await answer(index).catch(async () => answer((await loader.get()) ?? index));
    } catch {
      status = 503;
      live =
        renderSearchForm(sortFilterOptions({}), request) +
        `<div class="search-live" data-server><p class="search-status" role="status">Không tải được chỉ mục tìm kiếm. Vui lòng thử lại sau.</p></div>`;
    }
    const html = page.html.replace(LIVE, () => `${LIVE_START}${live}${LIVE_END}`);
    return c.html(html, status, {
      ...SECURITY_HEADERS,
      "cache-control": "no-store",
      "content-security-policy": page.csp,
    });
  };
}
