// Chart ids that once had a page and no longer name a chart: each keeps its address
// (/bieu-do/<id>/), which says what happened and links to the chart that replaced it. Add an entry
// whenever a chart id disappears from the catalog (a spec renamed, a family removed), so a shared
// or embedded link never ends in a silent 404.

export type RetiredChart = {
  id: string;
  /** The charts that replaced it (several when it was split); none when it was removed. */
  successors: readonly string[];
  /** When it stopped being published (YYYY-MM-DD). */
  since: string;
  /** Why, in Vietnamese, for readers. */
  reason: string;
};

// Comparisons split into one chart per level and period (src/lib/charts/panels.ts).
const SPLIT_BY_LEVEL_AND_PERIOD =
  "Biểu đồ được tách: các đảng bộ khác cấp (tỉnh, huyện, khối) và khác kỳ (từng năm, không ghi thời điểm) không còn đặt chung một trục, mỗi cấp và kỳ là một biểu đồ riêng; nơi chỉ có một con số thì con số được nêu thẳng.";
const RENAMED_BY_LEVEL_AND_PERIOD =
  "Biểu đồ được đổi tên theo cấp đảng bộ và kỳ của số liệu; số liệu không đổi.";

export const RETIRED_CHARTS: readonly RetiredChart[] = [
  {
    // Commit 6174cb9: the proposals for review ("gợi ý kiểm điểm") got a chart and a title of their own.
    id: "kiem-tra-giam-sat-huyen-thanh-binh-2022",
    successors: ["goi-y-kiem-diem-huyen-thanh-binh-2022"],
    since: "2026-11-22",
    reason:
      "Biểu đồ được đổi tên: số đảng viên được gợi ý kiểm điểm ở huyện Thanh Bình năm 2022 nay có biểu đồ và tiêu đề riêng.",
  },
  {
    id: "so-dang-vien",
    successors: [
      "so-dang-vien-cap-tinh-nam-2020",
      "so-dang-vien-cap-huyen-khong-ghi-thoi-diem",
      "so-dang-vien-cap-khoi-khong-ghi-thoi-diem",
    ],
    since: "2026-12-06",
    reason: SPLIT_BY_LEVEL_AND_PERIOD,
  },
  {
    id: "so-dang-vien--lang-son",
    successors: ["so-dang-vien-cap-tinh-nam-2020", "so-dang-vien-cap-khoi-khong-ghi-thoi-diem"],
    since: "2026-12-06",
    reason: SPLIT_BY_LEVEL_AND_PERIOD,
  },
  {
    id: "ket-nap",
    successors: [
      "ket-nap-cap-huyen-nam-2022",
      "ket-nap-cap-tinh-nam-2020",
      "ket-nap-cap-khoi-nam-2014",
    ],
    since: "2026-12-06",
    reason: SPLIT_BY_LEVEL_AND_PERIOD,
  },
  {
    id: "ket-nap--lang-son",
    successors: ["ket-nap-cap-tinh-nam-2020", "ket-nap-cap-khoi-nam-2014"],
    since: "2026-12-06",
    reason: SPLIT_BY_LEVEL_AND_PERIOD,
  },
  {
    id: "huy-hieu",
    successors: ["huy-hieu-cap-huyen-nam-2022", "huy-hieu-cap-khoi-nam-2014"],
    since: "2026-12-06",
    reason: SPLIT_BY_LEVEL_AND_PERIOD,
  },
  {
    id: "so-dang-vien--nam-2020",
    successors: ["so-dang-vien-cap-tinh-nam-2020"],
    since: "2026-12-06",
    reason: RENAMED_BY_LEVEL_AND_PERIOD,
  },
  {
    id: "so-dang-vien--cap-huyen",
    successors: ["so-dang-vien-cap-huyen-khong-ghi-thoi-diem"],
    since: "2026-12-06",
    reason: RENAMED_BY_LEVEL_AND_PERIOD,
  },
  {
    id: "so-dang-vien--cap-khoi",
    successors: ["so-dang-vien-cap-khoi-khong-ghi-thoi-diem"],
    since: "2026-12-06",
    reason: RENAMED_BY_LEVEL_AND_PERIOD,
  },
  {
    id: "ket-nap--nam-2014",
    successors: ["ket-nap-cap-khoi-nam-2014"],
    since: "2026-12-06",
    reason: RENAMED_BY_LEVEL_AND_PERIOD,
  },
  {
    id: "ket-nap--nam-2020",
    successors: ["ket-nap-cap-tinh-nam-2020"],
    since: "2026-12-06",
    reason: RENAMED_BY_LEVEL_AND_PERIOD,
  },
  {
    id: "ket-nap--nam-2022",
    successors: ["ket-nap-cap-huyen-nam-2022"],
    since: "2026-12-06",
    reason: RENAMED_BY_LEVEL_AND_PERIOD,
  },
  {
    id: "huy-hieu--nam-2014",
    successors: ["huy-hieu-cap-khoi-nam-2014"],
    since: "2026-12-06",
    reason: RENAMED_BY_LEVEL_AND_PERIOD,
  },
  {
    id: "huy-hieu--nam-2022",
    successors: ["huy-hieu-cap-huyen-nam-2022"],
    since: "2026-12-06",
    reason: RENAMED_BY_LEVEL_AND_PERIOD,
  },
];
