// Problems found in a CSV file: a stable English key, a Vietnamese message, and the file position.

export const ISSUE_MESSAGES = {
  "not-utf8":
    "Tệp không phải UTF-8 (có thể là Windows-1258 hoặc bảng mã cũ); hãy lưu lại dạng “CSV UTF-8”",
  utf16: "Tệp được lưu dạng UTF-16; hãy lưu lại dạng “CSV UTF-8”",
  "missing-file": "Thiếu tệp dữ liệu",
  "unknown-dataset": "Tệp không thuộc bộ dữ liệu nào đã khai báo",
  "empty-file": "Tệp rỗng: cần dòng tiêu đề và ít nhất một dòng số liệu",
  "no-data-rows": "Tệp chỉ có dòng tiêu đề, chưa có dòng số liệu nào",
  "unbalanced-quote": "Dấu ngoặc kép mở ở ô này nhưng không được đóng",
  "invalid-quote":
    'Dấu ngoặc kép đặt sai chỗ: ô bắt đầu bằng ngoặc kép nhưng còn chữ sau ngoặc kép đóng (ngoặc kép trong ô phải viết đôi: "")',
  "ragged-row": "Số ô của dòng khác số cột của tiêu đề",
  "duplicate-column": "Cột bị lặp trong dòng tiêu đề",
  "missing-column": "Thiếu cột",
  "unknown-column": "Cột lạ, không có trong mô tả bộ dữ liệu",
  "missing-value": "Ô bắt buộc đang để trống",
  "not-a-number": "Không phải là số",
  "ambiguous-number": "Số viết không rõ nghĩa (dấu chấm/phẩy là hàng nghìn hay thập phân?)",
  "negative-count": "Số âm không hợp lệ cho số đếm",
  "fractional-count": "Số đếm phải là số nguyên",
  "invalid-value": "Giá trị không hợp lệ",
  "not-in-list": "Giá trị không thuộc danh sách cho phép",
  "duplicate-key": "Mã dòng (id) bị trùng",
  "unknown-parent": "Cột part_of trỏ tới mã không có trong tệp",
  "part-cycle": "Quan hệ part_of bị vòng (một dòng là phần của chính nó)",
  "parts-exceed-total": "Tổng các phần vượt quá tổng",
  "part-mismatch": "Phần và tổng (part_of) không cùng đơn vị, kỳ hoặc bài nguồn",
  "count-exceeds-total": "Số đếm vượt quá tổng",
  "rated-mismatch": "Số được xếp loại khác các dòng cùng nhóm",
  "percent-mismatch": "Tỉ lệ phần trăm không khớp với số đếm",
  "period-mismatch": "Kỳ số liệu không khớp với loại kỳ",
  "period-unsupported": "Kỳ số liệu không có trong đoạn trích lẫn bài nguồn",
  "period-is-publication-date":
    "Ngày đo ghi trùng ngày đăng bài mà bài không nêu ngày đó: số chỉ là “theo bài đăng ngày …”",
  "derived-needs-note": "Số liệu suy ra (derived=1) phải có ghi chú cách tính",
  "unknown-source": "Nguồn không trỏ tới bài viết nào",
  "quote-not-found": "Không tìm thấy đoạn trích trong bài nguồn",
  "figure-not-in-quote": "Con số không có trong đoạn trích",
  "figure-swapped":
    "Hai dòng dùng chung đoạn trích có vẻ đổi chỗ số cho nhau: trong đoạn trích, số của dòng này đi với tên của dòng kia",
  "label-variant":
    "Cùng một nhãn viết hai cách (chỉ khác chữ hoa, khoảng trắng hoặc dấu): hệ thống sẽ coi là hai nhóm khác nhau",
  "qualifier-dropped":
    "Đoạn trích có chữ chỉ mức (trên, hơn, trở lên, gần, khoảng, dưới…) mà dòng bỏ mất: con số sẽ bị hiểu là số đúng",
  "quote-too-long":
    "Đoạn trích quá dài: chỉ chép cụm từ ngắn nhất quanh con số, để không lẫn với số khác trong câu",
} as const;

export type IssueKey = keyof typeof ISSUE_MESSAGES;

export type DataIssue = {
  /** Path shown to staff, e.g. "data/dang-vien.csv". */
  file: string;
  /** 1-based line in the file as an editor shows it. */
  line: number;
  /** 1-based column (cell number in the row; 1 for whole-file and whole-line problems). */
  column: number;
  key: IssueKey;
  /** Specifics: the column name, the value, what was expected. */
  detail?: string;
};

/** "Số âm không hợp lệ cho số đếm: cột “count” = “-3” (negative-count)" */
export function issueMessage(issue: DataIssue): string {
  const base = ISSUE_MESSAGES[issue.key];
  return `${base}${issue.detail ? `: ${issue.detail}` : ""} (${issue.key})`;
}

/** A warning (the build goes on): "data/dang-vien.csv:7:5 Cảnh báo: Kỳ số liệu … (period-unsupported)". */
export function formatWarning(issue: DataIssue): string {
  return `${issue.file}:${issue.line}:${issue.column} Cảnh báo: ${issueMessage(issue)}`;
}

/** "data/dang-vien.csv:7:4 Số âm không hợp lệ cho số đếm: … (negative-count)" */
export function formatIssue(issue: DataIssue): string {
  return `${issue.file}:${issue.line}:${issue.column} ${issueMessage(issue)}`;
}

export function sortIssues(issues: DataIssue[]): DataIssue[] {
  return [...issues].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
}
