// Every chart the site shows, built from dataset rows in one place, so the dashboard, dataset
// pages, articles and downloads all use the same definitions.
import { articleTitles, type TitleOf } from "../content/titles.ts";
import { DATASETS } from "../data/datasets.ts";
import { toCsv, toExcelCsv } from "../data/download.ts";
import { derivedRows } from "../data/derived.ts";
import { unitLevel, type UnitLevel } from "../data/levels.ts";
import type { DatasetId, RowOf } from "../data/datasets.ts";
import { yearOf } from "../data/period.ts";
import type { DataRow } from "../data/row.ts";
import { slugify } from "../slug.ts";
import { CHART_DATASETS, CHART_FAMILIES, type ChartFamily } from "./catalog.ts";
import type { ChartDefinition } from "./definition.ts";
import { FLUID_LAYOUTS, pageCopies } from "./fluid.ts";
import { LAYOUTS } from "./metrics.ts";
import type { BuiltChart } from "./specs/types.ts";

/** Rows of the datasets charts are drawn from (CHART_DATASETS); a missing one has no rows. */
export type ChartData = Partial<{ [K in DatasetId]: RowOf<K>[] }>;

/**
 * Narrows every chart to a province, a level of unit, a year (rows without a year drop out), any
 * of them together, or to one source article (for charts inside that article).
 */
export type ChartFilter = { province?: string; level?: UnitLevel; year?: number; source?: string };

/**
 * The filter's part of a chart id and of the dashboard URL: "lang-son", "nam-2014",
 * "lang-son-cap-khoi-nam-2014" (province, level, year in that order).
 */
export function filterSlug(filter: ChartFilter): string {
  // The article's first words keep ids short: "bai-lang-son-thi-dua".
  if (filter.source !== undefined) return `bai-${filter.source.split("-").slice(0, 4).join("-")}`;
  return [
    filter.province === undefined ? "" : slugify(filter.province),
    filter.level === undefined ? "" : `cap-${filter.level}`,
    filter.year === undefined ? "" : `nam-${filter.year}`,
  ]
    .filter(Boolean)
    .join("-");
}

function keep(filter: ChartFilter) {
  return (row: DataRow) =>
    (filter.province === undefined || row.province === filter.province) &&
    (filter.level === undefined || unitLevel(row) === filter.level) &&
    (filter.year === undefined || yearOf(row) === filter.year) &&
    (filter.source === undefined || row.source === filter.source);
}

function finish<R extends DataRow>(
  { dataset, theme }: ChartFamily,
  filter: string,
  built: BuiltChart<R>,
): ChartDefinition {
  const { rows, draw, single, family, ...rest } = built;
  // Laid out once per layout here; every page and download reuses these strings.
  const svgs = LAYOUTS.map((layout) => ({ layout, svg: draw(layout) }));
  // The rule for every page: one value is a number, never a one-bar chart.
  const marks = svgs[0]!.svg.match(/class="chart-mark"/g)?.length ?? 0;
  if (marks < 2 && single === undefined) {
    throw new Error(
      `Biểu đồ "${built.id}" chỉ vẽ một con số nhưng không có dạng số; cần: spec của nó (src/lib/charts/specs/) trả về single khi chỉ có một giá trị.`,
    );
  }
  // The drawn rows, then the derived remainders the chart draws as "Không rõ" (data/derived.ts).
  const downloaded = [...rows, ...derivedRows(dataset, rows).map((d) => d.row)];
  return {
    ...rest,
    family: family ?? built.id.split("--")[0]!,
    theme,
    filter,
    svgs,
    page: pageCopies(
      FLUID_LAYOUTS.map((layout) => ({ layout, svg: draw(layout) })),
      svgs,
    ),
    ...(single && { figure: single }),
    dataset,
    rowIds: rows.map((r) => String(r.id)),
    articles: [...new Set(rows.map((r) => r.source))],
    csv: toCsv(DATASETS[dataset].schema, downloaded),
    excelCsv: toExcelCsv(DATASETS[dataset].schema, downloaded),
    provinces: [...new Set(rows.map((r) => r.province))],
    units: [...new Set(rows.map((r) => r.unit))],
    years: [...new Set(rows.flatMap((r) => yearOf(r) ?? []))].sort(),
  };
}

/** Every chart, optionally narrowed by a filter (whose ids then end in "--<filter>"). */
export function buildCharts(
  data: ChartData,
  filter: ChartFilter = {},
  titleOf: TitleOf = articleTitles(),
): ChartDefinition[] {
  const slug = filterSlug(filter);
  const suffix = slug ? `--${slug}` : "";
  const f = keep(filter);
  return CHART_FAMILIES.flatMap((family) => {
    const rows = ((data[family.dataset] ?? []) as DataRow[]).filter(f);
    return family
      .build(rows, suffix, { titleOf })
      .map((c) => finish(family, slug, c as BuiltChart<DataRow>));
  });
}

/**
 * The filters the dashboard offers, each with rows to draw: each province, level and year that has
 * dated rows, alone and combined (province, then level, then year).
 */
export function chartFilters(data: ChartData): ChartFilter[] {
  const rows = CHART_DATASETS.flatMap((id) => (data[id] ?? []) as DataRow[]);
  const found = new Map<string, ChartFilter>();
  for (const row of rows) {
    const year = yearOf(row);
    for (const province of [row.province, undefined]) {
      for (const level of [unitLevel(row), undefined]) {
        for (const y of year === undefined ? [undefined] : [year, undefined]) {
          const filter: ChartFilter = { province, level, year: y };
          for (const key of ["province", "level", "year"] as const) {
            if (filter[key] === undefined) delete filter[key];
          }
          const slug = filterSlug(filter);
          if (slug) found.set(slug, filter);
        }
      }
    }
  }
  const order = (f: ChartFilter) =>
    [f.province ?? "", f.level ?? "", String(f.year ?? "")].join("\u0000");
  return [...found.values()].sort((a, b) => order(a).localeCompare(order(b), "vi"));
}

/** Each source article that has charted rows, as a filter. */
export function articleFilters(data: ChartData): ChartFilter[] {
  const rows = CHART_DATASETS.flatMap((id) => (data[id] ?? []) as DataRow[]);
  return [...new Set(rows.map((r) => r.source))].sort().map((source) => ({ source }));
}

/** Every chart on any page: unfiltered, per dashboard filter and per article; ids are unique. */
export function allCharts(data: ChartData, titleOf: TitleOf = articleTitles()): ChartDefinition[] {
  const filters = [{}, ...chartFilters(data), ...articleFilters(data)];
  const charts = filters.flatMap((f) => buildCharts(data, f, titleOf));
  const seen = new Set<string>();
  for (const chart of charts) {
    if (seen.has(chart.id)) throw new Error(`two charts share the id "${chart.id}"`);
    seen.add(chart.id);
  }
  return charts;
}

/**
 * Where each chart's download files are. A chart is a function of its family and the rows it draws
 * (a filter only changes its id), so charts of one family (the same `family`) drawing the
 * same rows share the files of the first of them (the unfiltered chart when it is one): no file is
 * published twice under two names.
 */
export function downloadIds(charts: readonly ChartDefinition[]): Map<string, string> {
  const owners = new Map<string, string>();
  return new Map(
    charts.map((chart) => {
      const key = `${chart.family}\u0001${chart.rowIds.join("\u0000")}`;
      if (!owners.has(key)) owners.set(key, chart.id);
      return [chart.id, owners.get(key)!];
    }),
  );
}
