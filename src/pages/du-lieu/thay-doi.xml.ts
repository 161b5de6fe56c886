// /du-lieu/thay-doi.xml: the Atom feed of dataset changes (src/lib/figure-history/feed.ts).
import type { APIRoute } from "astro";
import { DATASETS, isDatasetId } from "../../lib/data/datasets.ts";
import { historyFeed } from "../../lib/figure-history/feed.ts";
import { columnWords, siteHistory } from "../../lib/figure-history/site.ts";

export const GET: APIRoute = ({ site }) => {
  const history = siteHistory();
  const body = historyFeed({
    site: site!,
    events: history.available ? history.events : [],
    titleOf: (id) => (isDatasetId(id) ? DATASETS[id].title : id),
    columnWords,
  });
  return new Response(body, { headers: { "Content-Type": "application/atom+xml; charset=utf-8" } });
};
