// Every chart the site shows, defined in one place: each family names its dataset, its theme on the
// dashboard and the spec that turns that dataset's rows into charts (which rows, which marks, which
// words). The dashboard, dataset pages, <Chart> in articles, downloads and snapshots all take their
// charts from here through registry.ts; nothing else lists charts or their datasets (the themes,
// the dashboard's sections, are listed once in themes.ts).
//
// How to add a chart (a real example: "Huy hiệu Đảng", src/lib/charts/specs/badges.ts):
//   1. The figures live in a dataset (data/huy-hieu.csv, schema in src/lib/data/schemas.ts).
//   2. Write a spec in src/lib/charts/specs/: a pure function (rows, id suffix, context) returning
//      BuiltChart[], each with an id (+ suffix), title, takeaway, text alternative, table, the rows
//      it draws, and `draw(layout)`, which calls a renderer (barChart, bulletChart, sharesChart, timelineChart)
//      with inputs built from those rows. Labels, tips, the text alternative and the table come from
//      the same inputs, so they cannot disagree.
//   3. Add one line below: family("huy-hieu", "huy-hieu", badgeCharts). A new theme is one line
//      in THEMES (themes.ts).
//   4. `npm test`: new snapshot files appear in tests/snapshots/__expected__/ (registry-<id>.hep.svg
//      and .rong.svg); look at them and commit them. In an article: <Chart id="huy-hieu" />.
import type { TitleOf } from "../content/titles.ts";
import type { DatasetId, RowOf } from "../data/datasets.ts";
import { admissionCharts } from "./specs/admissions.ts";
import { badgeCharts } from "./specs/badges.ts";
import { inspectionCharts } from "./specs/inspection.ts";
import { memberCharts } from "./specs/members.ts";
import { organisationCharts } from "./specs/organisation.ts";
import { ratingCharts } from "./specs/ratings.ts";
import type { BuiltChart } from "./specs/types.ts";
import type { ChartTheme } from "./themes.ts";

/** What a spec may need beyond its rows: article titles to tell two figures apart. */
export type ChartContext = { titleOf: TitleOf };

export type ChartFamily = {
  dataset: DatasetId;
  theme: ChartTheme;
  build: (rows: readonly unknown[], suffix: string, context: ChartContext) => BuiltChart<unknown>[];
};

function family<K extends DatasetId>(
  dataset: K,
  theme: ChartTheme,
  build: (rows: RowOf<K>[], suffix: string, context: ChartContext) => BuiltChart<RowOf<K>>[],
): ChartFamily {
  return { dataset, theme, build: build as ChartFamily["build"] };
}

/** Every chart family, in dashboard order within each theme. */
export const CHART_FAMILIES: readonly ChartFamily[] = [
  family("to-chuc-dang", "to-chuc", (rows, suffix, { titleOf }) =>
    organisationCharts(rows, suffix, titleOf),
  ),
  family("dang-vien", "dang-vien", (rows, suffix, { titleOf }) =>
    memberCharts(rows, suffix, titleOf),
  ),
  family("ket-nap", "ket-nap", (rows, suffix, { titleOf }) =>
    admissionCharts(rows, suffix, titleOf),
  ),
  family("xep-loai", "xep-loai", ratingCharts),
  family("huy-hieu", "huy-hieu", badgeCharts),
  family("kiem-tra-giam-sat", "kiem-tra", inspectionCharts),
];

/** The datasets charts are drawn from. */
export const CHART_DATASETS: readonly DatasetId[] = [
  ...new Set(CHART_FAMILIES.map((f) => f.dataset)),
];
