// For each data problem: what is expected and an example of the right form, printed under the
// problem by data:check (and so by the build). One entry per key, so a new check needs its fix.
import type { ColumnInfo } from "./present.ts";
import { columnsOf } from "./present.ts";
import { DATASETS, isDatasetId } from "./datasets.ts";
import type { DataIssue, IssueKey } from "./issues.ts";

export const ISSUE_FIXES: Record<IssueKey, string> = {
  "not-utf8":
    "Cần: tệp UTF-8. Ví dụ: trong Excel chọn Tệp → Lưu thành → “CSV UTF-8 (phân tách bằng dấu phẩy)”.",
  utf16:
    "Cần: tệp UTF-8, không phải “Unicode Text”. Ví dụ: Tệp → Lưu thành → “CSV UTF-8 (phân tách bằng dấu phẩy)”.",
  "missing-file": "Cần: tệp có trong data/ với đúng tên. Ví dụ: data/dang-vien.csv.",
  "unknown-dataset":
    "Cần: tên tệp của một bộ dữ liệu đã khai báo (xem phần “Các cột”). Ví dụ: data/ket-nap.csv; bộ mới cần người lập trình khai báo trước.",
  "empty-file":
    "Cần: dòng tiêu đề rồi ít nhất một dòng số liệu. Ví dụ: chép dòng tiêu đề từ phần “Các cột” rồi thêm một dòng.",
  "no-data-rows":
    "Cần: ít nhất một dòng số liệu dưới dòng tiêu đề. Ví dụ: thêm một dòng, mỗi ô một giá trị, theo thứ tự cột.",
  "unbalanced-quote":
    'Cần: ô có ngoặc kép mở thì phải có ngoặc kép đóng. Ví dụ: "có 47 tổ chức cơ sở đảng, 290 chi bộ".',
  "invalid-quote":
    'Cần: ngoặc kép chỉ ở đầu và cuối ô; ngoặc kép bên trong viết đôi. Ví dụ: "Nghị quyết ""về xây dựng Đảng""".',
  "ragged-row":
    'Cần: mỗi dòng đủ số ô như dòng tiêu đề; ô có dấu phẩy phải đặt trong ngoặc kép. Ví dụ: "có 47 tổ chức, 290 chi bộ".',
  "duplicate-column": "Cần: mỗi tên cột một lần. Ví dụ: xóa cột thứ hai cùng tên “count”.",
  "missing-column":
    "Cần: đủ các cột bắt buộc của bộ dữ liệu (xem phần “Các cột”). Ví dụ: thêm cột “source” vào dòng tiêu đề và điền từng dòng.",
  "unknown-column":
    "Cần: chỉ các cột có trong phần “Các cột”. Ví dụ: sửa “so_luong” thành “count”, hoặc xóa cột đó.",
  "missing-value":
    "Cần: một giá trị trong ô bắt buộc. Ví dụ: cột “unit” ghi “Đảng bộ huyện Tuyên Hóa”.",
  "not-a-number":
    "Cần: chỉ chữ số, dấu chấm hàng nghìn, dấu phẩy thập phân. Ví dụ: 6.001 hoặc 16,7.",
  "ambiguous-number":
    "Cần: số viết rõ một cách. Ví dụ: số đếm 6.001 (dấu chấm hàng nghìn); tỉ lệ 16,7 (dấu phẩy thập phân).",
  "negative-count": "Cần: số đếm từ 0 trở lên, đúng như bài nguồn. Ví dụ: 294 (không phải -294).",
  "fractional-count":
    "Cần: số đếm nguyên. Ví dụ: 6.001; nếu bài ghi tỉ lệ thì ghi vào cột phần trăm, không vào cột đếm.",
  "invalid-value":
    "Cần: giá trị đúng dạng của cột (xem phần “Các cột”). Ví dụ: period 2022 hoặc 2020-12-31; derived 0 hoặc 1.",
  "not-in-list":
    "Cần: một giá trị trong danh sách của cột (xem phần “Các cột”). Ví dụ: chép đúng chữ từ danh sách, kể cả dấu.",
  "duplicate-key":
    "Cần: mã (id) khác nhau cho mỗi dòng. Ví dụ: tuyen-hoa-dang-vien-2023 cho dòng mới thay vì dùng lại mã cũ.",
  "unknown-parent":
    "Cần: part_of ghi đúng id của một dòng tổng trong cùng tệp. Ví dụ: part_of = tuyen-hoa-chi-bo.",
  "part-cycle":
    "Cần: part_of chỉ trỏ lên dòng tổng, không vòng lại. Ví dụ: phần → tổng; dòng tổng để trống part_of.",
  "parts-exceed-total":
    "Cần: các phần cùng một cách chia (cùng part_of và split) cộng lại không quá tổng. Đối chiếu từng số với bài nguồn; phần của hai cách chia khác nhau thì ghi hai split khác nhau; nếu chính bài ghi các phần vượt tổng thì để trống part_of ở các dòng phần (dòng vẫn giữ) và ghi điều đó ở cột note — chỉ ghi note mà giữ part_of thì vẫn lỗi. Ví dụ: split “loại hình” cho 28 + 19 và split “địa bàn” cho 30 + 17 của cùng tổng 47.",
  "part-mismatch":
    "Cần: phần cùng đơn vị, kỳ và bài nguồn với dòng tổng của nó. Ví dụ: chép unit, period và source của dòng tổng sang dòng phần.",
  "count-exceeds-total":
    "Cần: số đếm không lớn hơn tổng mà nó thuộc về; đối chiếu với bài nguồn. Ví dụ: 5 trên tổng 30.",
  "rated-mismatch":
    "Cần: các dòng cùng nhóm xếp loại ghi cùng một số được xếp loại. Ví dụ: rated = 30 ở mọi dòng của nhóm chi bộ.",
  "percent-mismatch":
    "Cần: tỉ lệ khớp với số đếm trên tổng, như bài nguồn ghi. Ví dụ: 5 trên 30 là 16,7.",
  "period-mismatch":
    "Cần: period hợp với period_kind. Ví dụ: period_kind year hoặc end_of_year thì period 2022; as_of_date thì 2020-12-31; as_reported thì ngày đăng bài 2023-02-28; as_of_undated thì để trống period.",
  "period-unsupported":
    "Cần: kỳ mà chính câu trích hoặc bài nêu. Ví dụ: câu “năm 2022, kết nạp 120 đảng viên” thì period 2022; câu “hiện có 6.001 đảng viên” trong bài đăng ngày 28/02/2023 thì period_kind as_reported, period 2023-02-28.",
  "period-is-publication-date":
    "Cần: as_reported khi bài chỉ nói “hiện có”, “đến nay”, “hiện nay”. Ví dụ: period_kind as_reported, period 2023-02-28 (ngày đăng bài); trang ghi “theo bài đăng ngày 28/02/2023”.",
  "derived-needs-note":
    "Cần: ghi cách tính trong cột note khi derived = 1. Ví dụ: “tổng 241 trừ các phần đã nêu”.",
  "unknown-source":
    "Cần: tên tệp bài trong content/news/, bỏ đuôi .mdx. Ví dụ: tuyen-hoa-cung-co-to-chuc-co-so-dang.",
  "quote-not-found":
    "Cần: đoạn trích chép nguyên văn từ bài nguồn, kể cả dấu. Ví dụ: “có 47 tổ chức cơ sở đảng”.",
  "figure-not-in-quote":
    "Cần: con số của dòng có trong đoạn trích, viết như trong bài. Ví dụ: count 6.001 với đoạn trích “có 6.001 đảng viên”.",
  "figure-swapped":
    "Cần: mỗi dòng mang số đi với tên của nó trong câu trích. Ví dụ: “3.618 đảng viên chính thức” → dòng “chính thức” là 3.618.",
  "label-variant":
    "Cần: một cách viết cho một nhãn trong cả tệp. Ví dụ: sửa “tình trạng” thành “Tình trạng” ở mọi dòng.",
  "qualifier-dropped":
    "Cần: cột qualifier ghi đúng chữ chỉ mức trong câu trích. Ví dụ: qualifier = “trở lên” cho “hoàn thành tốt nhiệm vụ trở lên”.",
  "quote-too-long":
    "Cần: đoạn trích ngắn nhất quanh con số, tối đa 150 ký tự. Ví dụ: “có 47 tổ chức cơ sở đảng”.",
};

/** Problems about one cell's value: their example is for that cell's column. */
const CELL_KEYS: ReadonlySet<IssueKey> = new Set(["missing-value", "invalid-value", "not-in-list"]);

/** An example value for a column, from its kind and the "(vd. …)" of its description. */
function columnExample(column: ColumnInfo): string {
  const name = `cột “${column.name}” ghi`;
  const listed = Object.keys(column.labels ?? {}).join(", ");
  switch (column.kind) {
    case "period":
      return `${name} 2022 (năm) hoặc 2020-12-31 (ngày yyyy-mm-dd); để trống khi nguồn không ghi thời điểm.`;
    case "choice":
    case "period-kind":
      return `${name} một trong: ${listed}.`;
    case "source":
      return `${name} tên bài, vd. tuyen-hoa-cung-co-to-chuc-co-so-dang (không có /tin-tuc/, không có .mdx).`;
    case "id":
      return `${name} th-dang-vien (chữ thường không dấu, số, dấu gạch nối).`;
    case "ref":
      return `${name} mã (id) của một dòng khác trong tệp, vd. th-to-chuc-co-so-dang.`;
    case "count":
      return `${name} 6001 hoặc 6.001.`;
    case "decimal":
    case "percent":
      return `${name} 16,7.`;
    case "flag":
      return `${name} 0 hoặc 1.`;
    default: {
      const example = /\(vd\. ([^)]+)\)/.exec(column.description)?.[1];
      return example ? `${name} ${example}.` : `${name} đúng chữ nguồn viết.`;
    }
  }
}

/** The fix printed under a problem; for a cell's value, with an example for that very column. */
export function issueFix(issue: DataIssue): string {
  const fix = ISSUE_FIXES[issue.key];
  if (!CELL_KEYS.has(issue.key)) return fix;
  const name = /^cột “([^”]+)”/.exec(issue.detail ?? "")?.[1];
  const dataset = (issue.file.split("/").pop() ?? "").replace(/\.csv$/i, "");
  if (name === undefined || !isDatasetId(dataset)) return fix;
  const column = columnsOf(DATASETS[dataset].schema).find((c) => c.name === name);
  if (!column) return fix;
  return `${fix.slice(0, fix.indexOf(" Ví dụ: "))} Ví dụ: ${columnExample(column)}`;
}
