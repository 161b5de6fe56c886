// Chart ids that once had a page and no longer name a chart: each keeps its address
// (/bieu-do/<id>/), which says what happened and links to the chart that replaced it. Add an entry
// whenever a chart id disappears from the catalog (a spec renamed, a family removed), so a shared
// or embedded link never ends in a silent 404.

export type RetiredChart = {
  id: string;
  /** The chart that replaced it; none when it was removed without one. */
  successor?: string;
  /** When it stopped being published (YYYY-MM-DD). */
  since: string;
  /** Why, in Vietnamese, for readers. */
  reason: string;
};

export const RETIRED_CHARTS: readonly RetiredChart[] = [
  {
    // Commit 6174cb9: the proposals for review ("gợi ý kiểm điểm") got a chart and a title of their own.
    id: "kiem-tra-giam-sat-huyen-thanh-binh-2022",
    successor: "goi-y-kiem-diem-huyen-thanh-binh-2022",
    since: "2026-11-22",
    reason:
      "Biểu đồ được đổi tên: số đảng viên được gợi ý kiểm điểm ở huyện Thanh Bình năm 2022 nay có biểu đồ và tiêu đề riêng.",
  },
];
