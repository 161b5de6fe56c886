// The article form's fields as staff see them: label, hint, whether the article needs it, and
// which of the site's values it offers. One list: the form, its checks and the README follow it.
import type { LineField } from "./article-draft.ts";

export type FieldSpec = {
  name: LineField;
  label: string;
  hint: string;
  required?: boolean;
  /** Offer the site's values (a datalist) and say when a value is new. */
  choices?: "provinces" | "districts" | "units";
  /** A textarea rather than one line. */
  long?: boolean;
};

export const FIELD_SPECS: readonly FieldSpec[] = [
  { name: "title", label: "Tiêu đề", hint: "Đúng như bài gốc in.", required: true, long: true },
  {
    name: "kicker",
    label: "Dòng trên tiêu đề",
    hint: "Nếu bài gốc có, vd. “Đảng bộ Khối các cơ quan tỉnh:”.",
  },
  {
    name: "published",
    label: "Ngày đăng",
    hint: "Như bài ghi, giờ Việt Nam: 28/02/2023 05:40:48 hoặc 2023-02-28T05:40:48. Để trống nếu bài không ghi ngày.",
  },
  {
    name: "publishedLabel",
    label: "Nhãn ngày",
    hint: "Chữ bài ghi trước ngày, vd. “Cập nhật ngày”.",
  },
  {
    name: "period",
    label: "Thời kỳ của số liệu",
    hint: "Như bài nói, vd. “năm 2022”, “đến hết năm 2020”.",
  },
  {
    name: "periodYear",
    label: "Năm để xếp bài không ghi ngày",
    hint: "Chỉ khi bài không ghi ngày: năm lấy từ thời kỳ, vd. 2020. Không hiện như ngày đăng.",
  },
  {
    name: "source.outlet",
    label: "Nguồn (báo, trang)",
    hint: "Tên báo hay trang như bài ghi, vd. “Báo Lạng Sơn (LSO)”.",
    required: true,
  },
  {
    name: "source.mark",
    label: "Ký hiệu nguồn đầu bài",
    hint: "Vd. “ĐTO”, “LSO”, nếu bài mở đầu như thế.",
  },
  {
    name: "locality.province",
    label: "Tỉnh",
    hint: "Chọn tỉnh đã có hoặc gõ tên mới.",
    required: true,
    choices: "provinces",
  },
  {
    name: "locality.district",
    label: "Huyện, thị xã, thành phố",
    hint: "Nếu bài nói về một huyện; chọn hoặc gõ tên mới.",
    choices: "districts",
  },
  {
    name: "unit",
    label: "Tổ chức đảng",
    hint: "Tổ chức đảng bài nói tới, vd. “Đảng bộ huyện Thanh Bình”; chọn hoặc gõ tên mới.",
    required: true,
    choices: "units",
  },
  { name: "author.name", label: "Tác giả", hint: "Như bài ghi; để trống nếu bài không ghi." },
  { name: "author.role", label: "Chức vụ tác giả", hint: "Nếu bài ghi, vd. “PBT TT Huyện ủy”." },
  {
    name: "summary",
    label: "Tóm tắt",
    hint: "Một hai câu lấy nguyên từ bài, không thêm con số mới (đến 400 ký tự).",
    required: true,
    long: true,
  },
  {
    name: "slug",
    label: "Tên tệp (địa chỉ bài)",
    hint: "Chữ thường không dấu, số và dấu gạch nối; bài sẽ ở /tin-tuc/<tên>/. Không trùng bài đã có.",
    required: true,
  },
];

/** The element id of a field: "f-locality-province". */
export const fieldId = (name: string) => `f-${name.replace(/\./g, "-")}`;
