// GET /tim-kiem/ without JavaScript: the built page with the results of ?q= filled in by the
// server, from the same index the browser uses.
import { Hono, type Context } from "hono";
import { filterValues, runSearch, type SearchIndex } from "../../lib/search/engine.ts";
import { parseSearchRequest, type SearchRequest } from "../../lib/search/request.ts";
import {
  LIVE_START,
  renderResults,
  renderSearchForm,
  SEARCH_PATH,
  sortFilterOptions,
} from "../../lib/search/view.ts";
import type { Site } from "../site/site.ts";
import { createIndexLoader, type IndexLoader } from "./index-loader.ts";

const PAGE_FILE = `${SEARCH_PATH.slice(1)}index.html`;
/** The block's name in the page's `<!--search-live-->` marker. */
const LIVE_BLOCK = LIVE_START.slice("<!--".length, -"-->".length);
const UNAVAILABLE =
  '<p class="search-status" role="status">Không tải được chỉ mục tìm kiếm. Vui lòng thử lại sau.</p>';

export function searchRoutes(d: { distDir: string; site: Site }): Hono {
  const loader = createIndexLoader(d.distDir);
  return new Hono().get(SEARCH_PATH, (c) => searchPage(c, d.site, loader));
}

async function searchPage(c: Context, site: Site, loader: IndexLoader): Promise<Response> {
  const request = parseSearchRequest(new URL(c.req.url).searchParams);
  const index = await loader.get().catch(() => undefined);
  // No index (a build without one): the static page, which says search is unavailable.
  if (!index) return site.serve(c);
  try {
    // A deploy may replace the index between two of its reads: once more from the new one.
    const live = await answer(index, request).catch(async () =>
      answer((await loader.get()) ?? index, request),
    );
    return site.fill(c, PAGE_FILE, { [LIVE_BLOCK]: live });
  } catch {
    const live =
      renderSearchForm(sortFilterOptions({}), request) +
      `<div class="search-live" data-server>${UNAVAILABLE}</div>`;
    return site.fill(c, PAGE_FILE, { [LIVE_BLOCK]: live }, { status: 503 });
  }
}

/** The form with its filters and counts, then the results. */
async function answer(from: SearchIndex, request: SearchRequest): Promise<string> {
  // The index lists its values already in the form's order (index-loader.ts reads it as built).
  const options = await filterValues(from);
  const outcome = await runSearch(from, request);
  return `${renderSearchForm(options, request, outcome.counts)}<div class="search-live" data-server>${renderResults(outcome)}</div>`;
}
