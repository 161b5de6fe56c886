// Which preview image each page shares, and what it shows: a chart its own chart; an article its
// first chart (the first drawn from its rows) or, without one, its title, key figure and date; a
// dataset its first chart or, without one, what it measures and its size.
import { downloadSvg, type ChartDefinition } from "../charts/definition.ts";
import { dashboardCharts } from "../charts/site-charts.ts";
import { DATASETS, type DatasetId } from "../data/datasets.ts";
import { headlines } from "../data/headlines.ts";
import { qualified } from "../data/qualifiers.ts";
import { getDatasets } from "../data/index.ts";
import { periodCoverage } from "../data/period.ts";
import { formatNumber } from "../format.ts";
import type { PreviewCard } from "./card.ts";
import { PREVIEW_DIR } from "./site-folder.ts";

export type PreviewKind = "bieu-do" | "tin-tuc" | "du-lieu";

/** Where a page's preview image is published. */
export function previewPath(kind: PreviewKind, name: string): string {
  return `/${PREVIEW_DIR}/${kind}/${name}.png`;
}

export function chartCard(chart: ChartDefinition): PreviewCard {
  const sources = chart.articles.length;
  const footer = `Dữ liệu: ${DATASETS[chart.dataset].title} · từ ${formatNumber(sources)} bài viết nguồn`;
  const { figure } = chart;
  // One value is shown as a number, as on the page, never as a one-bar chart.
  if (figure)
    return {
      kicker: "Số liệu",
      title: chart.title,
      figure: { value: figure.value, label: figure.unit },
      lines: [`${figure.label} · ${figure.period}`, ...(figure.detail ? [figure.detail] : [])],
      footer,
    };
  return { kicker: "Biểu đồ", title: chart.title, chartSvg: downloadSvg(chart), footer };
}

/** What an article's card needs of it (its frontmatter and its date as the page shows it). */
export type ArticleFacts = {
  id: string;
  title: string;
  summary: string;
  date: string;
  place: string;
};

/** The article's key figure: a home-page headline measured from its own rows. */
function keyFigure(id: string): PreviewCard["figure"] {
  const found = headlines(getDatasets()).find((h) => h.row.source === id);
  return (
    found && {
      // "trên", "khoảng": the qualifier stays with its number everywhere.
      value: qualified(formatNumber(found.row.count), found.row.qualifier),
      label: `${found.label} — ${found.row.unit}`,
    }
  );
}

export function articleCard(article: ArticleFacts): PreviewCard {
  // A drawn chart; a single value is a number (the page shows it so), not a one-bar chart.
  const chart = dashboardCharts({ source: article.id }).find((c) => !c.figure);
  const footer = `${article.place} · ${article.date}`;
  if (chart)
    return { kicker: "Bài viết", title: article.title, chartSvg: downloadSvg(chart), footer };
  const figure = keyFigure(article.id);
  // Without a figure of its own, the summary says what the article is about.
  const lines = figure ? [] : [article.summary];
  return { kicker: "Bài viết", title: article.title, figure, lines, footer };
}

export function datasetCard(id: DatasetId): PreviewCard {
  const { title, description } = DATASETS[id];
  const rows = getDatasets()[id].rows;
  const chart = dashboardCharts().find((c) => c.dataset === id && !c.figure);
  const footer = `${formatNumber(rows.length)} dòng · thời kỳ: ${periodCoverage(rows)}`;
  if (chart) return { kicker: "Dữ liệu", title, chartSvg: downloadSvg(chart), footer };
  return { kicker: "Dữ liệu", title, lines: [description], footer };
}
