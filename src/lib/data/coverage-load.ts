// Coverage of every article (or those named) against the loaded datasets and the explained
// numbers listed in data/README.md.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { articleCoverage, readAccepted, type ArticleCoverage, type CitingRow } from "./coverage.ts";
import type { AllDatasets } from "./index.ts";
import { REPO_ROOT } from "./paths.ts";

/** The staff guide holding the list of numbers that are no dataset figure, with why. */
export const ACCEPTED_LIST = join(REPO_ROOT, "data", "README.md");

export function citingRows(datasets: AllDatasets): Map<string, CitingRow[]> {
  const bySlug = new Map<string, CitingRow[]>();
  for (const dataset of Object.values(datasets)) {
    for (const row of dataset.rows as Record<string, unknown>[]) {
      if (typeof row.quote !== "string" || row.derived === true) continue;
      const values = Object.values(row).filter((v): v is number => typeof v === "number");
      const slug = String(row.source);
      bySlug.set(slug, [...(bySlug.get(slug) ?? []), { quote: row.quote, values }]);
    }
  }
  return bySlug;
}

export function coverageOf(
  datasets: AllDatasets,
  contentDir: string,
  slugs: readonly string[],
): ArticleCoverage[] {
  const rows = citingRows(datasets);
  const accepted = existsSync(ACCEPTED_LIST)
    ? readAccepted(readFileSync(ACCEPTED_LIST, "utf8"))
    : [];
  return slugs.map((slug) =>
    articleCoverage(
      slug,
      readFileSync(join(contentDir, `${slug}.mdx`), "utf8"),
      rows.get(slug) ?? [],
      accepted,
    ),
  );
}
