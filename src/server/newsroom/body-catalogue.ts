// What an article body may name (article-body.ts): the charts the site draws, with their titles,
// the datasets a chart can be drawn from, and each dataset's row ids. Read from the data folder
// and kept while none of its CSV files changes.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { CHART_DATASETS } from "../../lib/charts/catalog.ts";
import { buildCharts, type ChartData } from "../../lib/charts/registry.ts";
import { articleTitles } from "../../lib/content/titles.ts";
import { DATASET_IDS, isDatasetId } from "../../lib/data/datasets.ts";
import { loadAllDatasets } from "../../lib/data/index.ts";
import type { BodyCatalogue } from "./article-body.ts";

export type ChartChoice = { id: string; title: string };
export type Catalogue = BodyCatalogue & { charts: ChartChoice[] };

function folderKey(dir: string): string {
  if (!existsSync(dir)) return "";
  return readdirSync(dir)
    .filter((f) => f.endsWith(".csv"))
    .sort()
    .map((f) => `${f}:${statSync(join(dir, f)).mtimeMs}`)
    .join("|");
}

/** The unfiltered charts, the ones an article names by id; none when the data cannot be drawn. */
function chartChoices(data: ChartData, newsDir: string): ChartChoice[] {
  try {
    return buildCharts(data, {}, articleTitles(newsDir)).map((c) => ({ id: c.id, title: c.title }));
  } catch {
    // Data the build would refuse draws nothing; the build's own check names the problem.
    return [];
  }
}

function readCatalogue(dataDir: string, newsDir: string): Catalogue {
  const { datasets } = loadAllDatasets(dataDir);
  const data = Object.fromEntries(CHART_DATASETS.map((id) => [id, datasets[id].rows])) as ChartData;
  const charts = chartChoices(data, newsDir);
  const rows = new Map(
    DATASET_IDS.map((id) => [id, new Set(datasets[id].rows.map((r) => (r as { id: string }).id))]),
  );
  return {
    charts,
    chartIds: new Set(charts.map((c) => c.id)),
    chartDatasets: CHART_DATASETS,
    rowsOf: (dataset) => (isDatasetId(dataset) ? rows.get(dataset) : undefined),
  };
}

/** A reader of the catalogue, re-read only when a dataset file changed. */
export function catalogueOf(dataDir: string, newsDir: string): () => Catalogue {
  let cached: { key: string; catalogue: Catalogue } | undefined;
  return () => {
    const key = folderKey(dataDir);
    if (cached?.key !== key) cached = { key, catalogue: readCatalogue(dataDir, newsDir) };
    return cached.catalogue;
  };
}
