// A dataset page's schema.org Dataset (JSON-LD), read by dataset search engines: what it measures,
// when and where, its licence as the site states it, its downloads and its source articles.
import { yearOf } from "../data/period.ts";
import { DATASETS, type DatasetId } from "../data/datasets.ts";
import { sourcesOf } from "../data/present.ts";
import type { DataRow } from "../data/row.ts";
import { SITE_TITLE } from "../../consts.ts";
import { DATA_LICENCE } from "./licence.ts";

type Row = Pick<DataRow, "source" | "province" | "period" | "period_kind">;

/** "2014/2022" (ISO 8601 interval) or "2015"; undefined when no row is dated. */
export function temporalCoverage(rows: readonly Row[]): string | undefined {
  const years = rows.flatMap((r) => yearOf(r) ?? []).sort();
  if (years.length === 0) return undefined;
  const [first, last] = [years[0]!, years.at(-1)!];
  return first === last ? String(first) : `${first}/${last}`;
}

export function datasetJsonLd(
  id: DatasetId,
  rows: readonly Row[],
  { site, titleOf, modified }: { site: URL; titleOf: (slug: string) => string; modified?: Date },
) {
  const { title, description } = DATASETS[id];
  const url = (path: string) => new URL(path, site).href;
  const temporal = temporalCoverage(rows);
  return {
    "@context": "https://schema.org",
    "@type": "Dataset",
    name: title,
    description,
    url: url(`/du-lieu/${id}/`),
    inLanguage: "vi",
    isAccessibleForFree: true,
    ...(temporal ? { temporalCoverage: temporal } : {}),
    spatialCoverage: [...new Set(rows.flatMap((r) => r.province ?? []))].map((name) => ({
      "@type": "Place",
      name: `Tỉnh ${name}`,
    })),
    license: DATA_LICENCE.url ?? { "@type": "CreativeWork", name: DATA_LICENCE.name },
    publisher: { "@type": "Organization", name: SITE_TITLE, url: url("/") },
    ...(modified ? { dateModified: modified.toISOString() } : {}),
    distribution: [
      {
        "@type": "DataDownload",
        encodingFormat: "text/csv",
        contentUrl: url(`/du-lieu/${id}.csv`),
      },
      {
        "@type": "DataDownload",
        encodingFormat: "application/json",
        contentUrl: url(`/du-lieu/${id}.json`),
      },
    ],
    citation: sourcesOf(rows as unknown as { source: string }[]).map((slug) => ({
      "@type": "CreativeWork",
      name: titleOf(slug),
      url: url(`/tin-tuc/${slug}/`),
    })),
  };
}

/** JSON for a <script type="application/ld+json">: "<" escaped so no text can close the tag. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}
