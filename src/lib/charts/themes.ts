// The dashboard's sections, in order: each chart family (catalog.ts) belongs to one.

/** Dashboard sections, in order: id (the section's anchor) and heading. */
export const THEMES = {
  "to-chuc": "Tổ chức đảng",
  "dang-vien": "Đảng viên",
  "ket-nap": "Kết nạp đảng viên",
  "xep-loai": "Đánh giá, xếp loại chất lượng",
  "huy-hieu": "Huy hiệu Đảng",
  "kiem-tra": "Kiểm tra, giám sát, kỷ luật",
} as const;

export type ChartTheme = keyof typeof THEMES;
