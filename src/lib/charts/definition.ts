// What every page needs to show one chart: the SVG, its words, its rows and where they came from.
import type { DatasetId } from "../data/datasets.ts";
import { DOWNLOAD_LAYOUT, type Layout } from "./metrics.ts";
import type { ChartTheme } from "./themes.ts";

/** The "Bảng số liệu": one row per plotted observation, cells already formatted for readers. */
export type ChartTable = { columns: string[]; rows: string[][]; numeric: boolean[] };

/**
 * A chart whose data is one value is shown as that number, never as a one-bar chart: the figure as
 * the source gives it (qualifier kept), its unit, whose it is and when, linked to its dataset row.
 */
export type NumberFigure = {
  /** "66.024", "hơn 200": the value with its qualifier. */
  value: string;
  /** After the value: "đảng viên". */
  unit: string;
  /** Whose figure it is: "Đảng bộ tỉnh Lạng Sơn". */
  label: string;
  /** When it holds: "năm 2020", "không ghi thời điểm". */
  period: string;
  /** What else the source says of it: "Chính thức 3.618 · Dự bị 294", "đạt 102% chỉ tiêu đề ra". */
  detail?: string;
  /** The dataset row it comes from: `/du-lieu/<dataset>/#<rowId>`. */
  rowId: string;
};

export type ChartDefinition = {
  /** Stable id: URL segment of downloads and prefix of every id inside the SVG. */
  id: string;
  /** The family it belongs to: charts of a family drawing the same rows share their files. */
  family: string;
  theme: ChartTheme;
  /** The filter it was drawn for: "" unfiltered, else the filter's slug ("quang-binh", "nam-2014"). */
  filter: string;
  title: string;
  /** One line saying what the chart shows, from the same rows. */
  takeaway: string;
  /** The Vietnamese text alternative (also the SVG's <desc>). */
  description: string;
  /** One SVG per fixed layout, narrowest first: the downloads (the widest) and the PNG. */
  svgs: ChartSvg[];
  /** What pages inline: one or two full-width copies (fluid.ts), the widest that fits shown. */
  page: ChartSvg[];
  /** Set when the chart draws one value: pages show this number instead of the SVG. */
  figure?: NumberFigure;
  /** Ids of the dataset rows it draws, in order (what makes two charts of a family the same). */
  rowIds: string[];
  /** The dataset it draws from: `/du-lieu/<dataset>/`. */
  dataset: DatasetId;
  /** Source article slugs of the plotted rows: `/tin-tuc/<slug>/`. */
  articles: string[];
  table: ChartTable;
  /** Exactly the plotted dataset rows, as CSV (UTF-8 with BOM for spreadsheets). */
  csv: string;
  /** The same rows for Excel set to Vietnamese (`;`, decimal comma). */
  excelCsv: string;
  provinces: string[];
  /** Units (đảng bộ) of the plotted rows. */
  units: string[];
  /** Years of the plotted rows; empty when the sources give none. */
  years: number[];
};

export type ChartSvg = { layout: Layout; svg: string };

/** The SVG published as the chart's download (`/bieu-do/<id>.svg`): its widest layout. */
export function downloadSvg(chart: Pick<ChartDefinition, "svgs">): string {
  return chart.svgs.find((s) => s.layout.name === DOWNLOAD_LAYOUT.name)!.svg;
}

export function svgUrl(id: string): string {
  return `/bieu-do/${id}.svg`;
}

export function csvUrl(id: string): string {
  return `/bieu-do/${id}.csv`;
}

export function excelCsvUrl(id: string): string {
  return `/bieu-do/${id}-excel.csv`;
}
