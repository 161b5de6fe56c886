// The fixture corpus: each small CSV file and exactly what the checker says about it (line:column message).
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { checkDatasetBytes, issueMessage, type DatasetId } from "../../../src/lib/data/index.ts";
import { findQuoteProblems } from "../../../src/lib/data/csv.ts";

const FIXTURES = resolve(import.meta.dirname, "../../fixtures/csv");

// [file, dataset schema it is checked against, valid rows read, expected problems]
const CASES: [string, DatasetId, number, string[]][] = [
  [
    "bad-after-multiline.csv",
    "dang-vien",
    1,
    ["4:8 Số âm không hợp lệ cho số đếm: cột “count” = “-3.912” (negative-count)"],
  ],
  [
    "bad-ambiguous-count.csv",
    "dang-vien",
    0,
    [
      "2:8 Số viết không rõ nghĩa (dấu chấm/phẩy là hàng nghìn hay thập phân?): cột “count” = “6,001”; viết không dấu phân cách (6001) hoặc với dấu chấm (6.001) (ambiguous-number)",
    ],
  ],
  [
    "bad-derived-without-note.csv",
    "dang-vien",
    1,
    ["2:14 Số liệu suy ra (derived=1) phải có ghi chú cách tính (derived-needs-note)"],
  ],
  [
    "bad-duplicate-column.csv",
    "dang-vien",
    0,
    ["1:15 Cột bị lặp trong dòng tiêu đề: “note” (đã có ở cột 14) (duplicate-column)"],
  ],
  [
    "bad-duplicate-key.csv",
    "dang-vien",
    3,
    ["4:1 Mã dòng (id) bị trùng: “th-dang-vien” đã dùng ở dòng 2 (duplicate-key)"],
  ],
  [
    "bad-empty.csv",
    "dang-vien",
    0,
    ["1:1 Tệp rỗng: cần dòng tiêu đề và ít nhất một dòng số liệu (empty-file)"],
  ],
  [
    "bad-figure-not-in-quote.csv",
    "dang-vien",
    1,
    ["2:8 Con số không có trong đoạn trích: cột “count” = “6.002” (figure-not-in-quote)"],
  ],
  [
    "bad-figure-swapped.csv",
    "dang-vien",
    3,
    [
      "3:8 Hai dòng dùng chung đoạn trích có vẻ đổi chỗ số cho nhau: trong đoạn trích, số của dòng này đi với tên của dòng kia: “Đảng viên chính thức” = “294”, còn dòng 4 ghi “Đảng viên dự bị” = “3.618” (figure-swapped)",
      "4:8 Hai dòng dùng chung đoạn trích có vẻ đổi chỗ số cho nhau: trong đoạn trích, số của dòng này đi với tên của dòng kia: “Đảng viên dự bị” = “3.618”, còn dòng 3 ghi “Đảng viên chính thức” = “294” (figure-swapped)",
    ],
  ],
  [
    "bad-fractional-count.csv",
    "dang-vien",
    0,
    ["2:8 Số đếm phải là số nguyên: cột “count” = “6001,5” (fractional-count)"],
  ],
  [
    "bad-excel-dropped-zero.csv",
    "dang-vien",
    1,
    [
      "3:8 Số đếm phải là số nguyên: cột “count” = “3.91”; có thể Excel đã đổi 3.910 thành 3.91: định dạng cột là Văn bản (Text) rồi gõ lại số (fractional-count)",
    ],
  ],
  [
    "bad-header-only.csv",
    "dang-vien",
    0,
    ["1:1 Tệp chỉ có dòng tiêu đề, chưa có dòng số liệu nào (no-data-rows)"],
  ],
  ["bad-missing-column.csv", "dang-vien", 0, ["1:1 Thiếu cột: “split” (missing-column)"]],
  [
    "bad-negative-count.csv",
    "dang-vien",
    1,
    ["3:8 Số âm không hợp lệ cho số đếm: cột “count” = “-3” (negative-count)"],
  ],
  [
    "bad-not-in-list.csv",
    "dang-vien",
    0,
    [
      "2:7 Giá trị không thuộc danh sách cho phép: cột “status” = “tong so”; cho phép: tong-so, chinh-thuc, du-bi (not-in-list)",
    ],
  ],
  [
    "bad-parts-exceed-total.csv",
    "dang-vien",
    3,
    [
      "2:8 Tổng các phần vượt quá tổng: các phần theo “tình trạng” (dòng 3, 4) cộng lại 3.994, tổng ghi 3.912 (parts-exceed-total)",
    ],
  ],
  [
    "bad-impossible-date.csv",
    "dang-vien",
    1,
    [
      "2:5 Kỳ số liệu không khớp với loại kỳ: ngày “2022-02-30” không có trên lịch (period-mismatch)",
    ],
  ],
  [
    "bad-part-mismatch.csv",
    "dang-vien",
    3,
    [
      "4:9 Phần và tổng (part_of) không cùng đơn vị, kỳ hoặc bài nguồn: dòng 2 ghi ô trống ở cột “period”, dòng này ghi “2014” (part-mismatch)",
    ],
  ],
  [
    "bad-period-mismatch.csv",
    "dang-vien",
    2,
    [
      "2:5 Kỳ số liệu không khớp với loại kỳ: loại kỳ year cần năm (vd. 2014) (period-mismatch)",
      "3:5 Kỳ số liệu không khớp với loại kỳ: loại kỳ as_of_undated thì để trống cột “period” (period-mismatch)",
    ],
  ],
  [
    "bad-quote-not-found.csv",
    "dang-vien",
    1,
    [
      "2:13 Không tìm thấy đoạn trích trong bài nguồn: “47 tổ chức cơ sở đảng, 6.001 đảng viên ưu tú” không có trong bài tuyen-hoa-cung-co-to-chuc-co-so-dang (quote-not-found)",
    ],
  ],
  [
    // 2.053 is in the quote, but it is the year's admissions, not the member total (66.024).
    "bad-quote-too-long.csv",
    "dang-vien",
    1,
    [
      "2:13 Đoạn trích quá dài: chỉ chép cụm từ ngắn nhất quanh con số, để không lẫn với số khác trong câu: 211 ký tự, tối đa 150 (quote-too-long)",
    ],
  ],
  [
    "bad-ragged-short.csv",
    "dang-vien",
    1,
    [
      "3:6 Số ô của dòng khác số cột của tiêu đề: dòng có 5 ô, tiêu đề có 14 cột; thiếu ô từ cột “period_kind” (ô 6): kiểm tra dấu “,” giữa các ô, hoặc một ô có xuống dòng mà không nằm trong ngoặc kép (ragged-row)",
    ],
  ],
  [
    "bad-ragged.csv",
    "dang-vien",
    1,
    // "…3.912 đồng chí,,thừa": the extra comma could close the quote or open the note.
    [
      '3:13 Số ô của dòng khác số cột của tiêu đề: dòng có 15 ô, tiêu đề có 14 cột; dấu “,” thừa có lẽ nằm trong ô cột “quote” (ô 13) hoặc cột “note” (ô 14): ô có dấu “,” phải đặt trong ngoặc kép, vd. "47 tổ chức cơ sở đảng, 6.001 đảng viên" (ragged-row)',
    ],
  ],
  [
    // An unquoted quote "47 tổ chức cơ sở đảng, 6.001 đảng viên": the comma followed by a space is prose.
    "bad-ragged-missing-quotes.csv",
    "dang-vien",
    1,
    [
      '2:13 Số ô của dòng khác số cột của tiêu đề: dòng có 15 ô, tiêu đề có 14 cột; dấu “,” thừa có lẽ nằm trong ô cột “quote” (ô 13): ô có dấu “,” phải đặt trong ngoặc kép, vd. "47 tổ chức cơ sở đảng, 6.001 đảng viên" (ragged-row)',
    ],
  ],
  [
    "bad-ratings-ambiguous-percent.csv",
    "xep-loai",
    1,
    [
      "2:11 Số viết không rõ nghĩa (dấu chấm/phẩy là hàng nghìn hay thập phân?): cột “percent” = “16.700”; số thập phân viết bằng dấu phẩy (16,7), số nghìn viết liền (1234) (ambiguous-number)",
    ],
  ],
  [
    "bad-ratings-count-over-rated.csv",
    "xep-loai",
    2,
    [
      "2:9 Con số không có trong đoạn trích: cột “count” = “35” (figure-not-in-quote)",
      "2:9 Số đếm vượt quá tổng: 35 lớn hơn số được xếp loại 30 (count-exceeds-total)",
      "3:9 Tổng các phần vượt quá tổng: các mức của nhóm (dòng 2, 3) cộng lại 60, số được xếp loại 30 (parts-exceed-total)",
    ],
  ],
  [
    "bad-ratings-rated-differs.csv",
    "xep-loai",
    2,
    [
      "3:10 Con số không có trong đoạn trích: cột “rated” = “31” (figure-not-in-quote)",
      "3:11 Tỉ lệ phần trăm không khớp với số đếm: ghi 83,33%, nhưng 25/31 được xếp loại = 80,65% (percent-mismatch)",
      "3:10 Số được xếp loại khác các dòng cùng nhóm: dòng 2 ghi 30, dòng này ghi 31 (rated-mismatch)",
    ],
  ],
  [
    "bad-ratings-percent-mismatch.csv",
    "xep-loai",
    2,
    [
      "3:11 Con số không có trong đoạn trích: cột “percent” = “80%” (figure-not-in-quote)",
      "3:11 Tỉ lệ phần trăm không khớp với số đếm: ghi 80%, nhưng 25/30 được xếp loại = 83,33% (percent-mismatch)",
    ],
  ],
  [
    "bad-source-path.csv",
    "dang-vien",
    0,
    [
      "2:12 Giá trị không hợp lệ: cột “source” = “tuyen-hoa-cung-co-to-chuc-co-so-dang.mdx”; ghi tên bài (phần cuối địa chỉ /tin-tuc/…/), không có đuôi .mdx hay /tin-tuc/ (ở đây: “tuyen-hoa-cung-co-to-chuc-co-so-dang”) (invalid-value)",
      "3:12 Giá trị không hợp lệ: cột “source” = “/tin-tuc/khoi-cac-co-quan-tinh-lang-son-xay-dung-dang-la-then-chot/”; ghi tên bài (phần cuối địa chỉ /tin-tuc/…/), không có đuôi .mdx hay /tin-tuc/ (ở đây: “khoi-cac-co-quan-tinh-lang-son-xay-dung-dang-la-then-chot”) (invalid-value)",
    ],
  ],
  [
    "bad-text-in-number.csv",
    "dang-vien",
    0,
    [
      "2:8 Không phải là số: cột “count” = “sáu nghìn”: ký tự thứ 1 “s” không phải chữ số (not-a-number)",
    ],
  ],
  [
    "bad-letter-in-number.csv",
    "dang-vien",
    0,
    [
      "2:8 Không phải là số: cột “count” = “6.12O”: ký tự thứ 5 “O” không phải chữ số (chữ O thay cho số 0?) (not-a-number)",
    ],
  ],
  [
    "bad-label-case.csv",
    "dang-vien",
    3,
    [
      "4:10 Cùng một nhãn viết hai cách (chỉ khác chữ hoa, khoảng trắng hoặc dấu): hệ thống sẽ coi là hai nhóm khác nhau: cột “split” = “tình trạng”, dòng 3 ghi “Tình trạng”; chọn một cách viết và sửa các dòng cho giống hệt nhau (label-variant)",
    ],
  ],
  [
    "bad-label-diacritics-spaces.csv",
    "dang-vien",
    3,
    [
      "4:10 Cùng một nhãn viết hai cách (chỉ khác chữ hoa, khoảng trắng hoặc dấu): hệ thống sẽ coi là hai nhóm khác nhau: cột “split” = “tình  trạng”, dòng 3 ghi “tinh trang”; chọn một cách viết và sửa các dòng cho giống hệt nhau (label-variant)",
    ],
  ],
  [
    "bad-unbalanced-quote-last-row.csv",
    "dang-vien",
    0,
    ["5:14 Dấu ngoặc kép mở ở ô này nhưng không được đóng (unbalanced-quote)"],
  ],
  [
    "bad-unbalanced-quote.csv",
    "dang-vien",
    0,
    // The note in column 14 of line 3 opens a quote that is never closed.
    ["3:14 Dấu ngoặc kép mở ở ô này nhưng không được đóng (unbalanced-quote)"],
  ],
  [
    "bad-quote-inside-cell.csv",
    "dang-vien",
    0,
    [
      '3:2 Dấu ngoặc kép đặt sai chỗ: ô bắt đầu bằng ngoặc kép nhưng còn chữ sau ngoặc kép đóng (ngoặc kép trong ô phải viết đôi: "") (invalid-quote)',
    ],
  ],
  [
    "bad-unknown-column.csv",
    "dang-vien",
    0,
    ["1:15 Cột lạ, không có trong mô tả bộ dữ liệu: “ghi_chu_them” (unknown-column)"],
  ],
  [
    "bad-unknown-parent.csv",
    "dang-vien",
    2,
    ["3:9 Cột part_of trỏ tới mã không có trong tệp: “kcq-khong-co” (unknown-parent)"],
  ],
  [
    "bad-unknown-source.csv",
    "dang-vien",
    1,
    [
      "2:12 Nguồn không trỏ tới bài viết nào: không có content/news/bai-khong-ton-tai.mdx; chép tên tệp bài trong content/news/, bỏ đuôi .mdx (unknown-source)",
    ],
  ],
  [
    // The total's source is misspelt: one message with the nearest article, not two part-mismatch more.
    "bad-unknown-source-misspelt.csv",
    "dang-vien",
    3,
    [
      "2:12 Nguồn không trỏ tới bài viết nào: không có content/news/khoi-cac-co-quan-tinh-lang-son-xay-dung-dang-then-chot.mdx; có phải “khoi-cac-co-quan-tinh-lang-son-xay-dung-dang-la-then-chot” không? Sửa ô này thì dòng 3, 4 (tổng hoặc phần của dòng này) cũng hết lỗi (unknown-source)",
    ],
  ],
  [
    "bad-utf16.csv",
    "dang-vien",
    0,
    ["1:1 Tệp được lưu dạng UTF-16; hãy lưu lại dạng “CSV UTF-8” (utf16)"],
  ],
  [
    "bad-utf16-no-bom.csv",
    "dang-vien",
    0,
    ["1:1 Tệp được lưu dạng UTF-16; hãy lưu lại dạng “CSV UTF-8” (utf16)"],
  ],
  [
    "bad-utf16be-no-bom.csv",
    "dang-vien",
    0,
    ["1:1 Tệp được lưu dạng UTF-16; hãy lưu lại dạng “CSV UTF-8” (utf16)"],
  ],
  [
    "bad-windows-1258.csv",
    "dang-vien",
    0,
    [
      "2:1 Tệp không phải UTF-8 (có thể là Windows-1258 hoặc bảng mã cũ); hãy lưu lại dạng “CSV UTF-8”: byte 0xD0 sau “th-dang-vien,” (not-utf8)",
    ],
  ],
  ["good-blank-lines.csv", "dang-vien", 4, []],
  ["good-bom-crlf.csv", "dang-vien", 4, []],
  ["good-column-order.csv", "dang-vien", 4, []],
  ["good-multiline-note.csv", "dang-vien", 2, []],
  ["good-plain.csv", "dang-vien", 4, []],
  ["good-ratings-decimal-point.csv", "xep-loai", 2, []],
  ["good-ratings-percent-sign.csv", "xep-loai", 2, []],
  ["good-semicolon.csv", "dang-vien", 4, []],
  ["good-sep-line.csv", "dang-vien", 4, []],
  ["good-semicolon-blank-first.csv", "dang-vien", 4, []],
  [
    "bad-semicolon-blank-first.csv",
    "dang-vien",
    1,
    [
      "4:8 Số viết không rõ nghĩa (dấu chấm/phẩy là hàng nghìn hay thập phân?): cột “count” = “3,912”; viết không dấu phân cách (6001) hoặc với dấu chấm (6.001) (ambiguous-number)",
    ],
  ],
  ["good-sep-line-semicolon-bom.csv", "dang-vien", 4, []],
  [
    "bad-sep-line-negative.csv",
    "dang-vien",
    1,
    ["4:8 Số âm không hợp lệ cho số đếm: cột “count” = “-3.912” (negative-count)"],
  ],
  [
    "bad-admissions-percent-mismatch.csv",
    "ket-nap",
    2,
    [
      "3:10 Tỉ lệ phần trăm không khớp với số đếm: ghi 102%, nhưng 2053/2000 chỉ tiêu = 102,65% (percent-mismatch)",
    ],
  ],
  [
    "bad-work-count-over-total.csv",
    "cong-tac-to-chuc",
    1,
    ["2:8 Số đếm vượt quá tổng: 214 lớn hơn tổng 213 (count-exceeds-total)"],
  ],
  [
    "bad-part-cycle.csv",
    "dang-vien",
    2,
    [
      "2:9 Quan hệ part_of bị vòng (một dòng là phần của chính nó): “b” (part-cycle)",
      "3:9 Quan hệ part_of bị vòng (một dòng là phần của chính nó): “a” (part-cycle)",
    ],
  ],
];

describe("CSV fixtures", () => {
  it.each(CASES)(
    "%s (%s) gives %i rows and exactly the expected problems",
    (file, dataset, rows, expected) => {
      const result = checkDatasetBytes(dataset, readFileSync(resolve(FIXTURES, file)), { file });
      expect(result.issues.map((i) => `${i.line}:${i.column} ${issueMessage(i)}`)).toEqual(
        expected,
      );
      expect(result.rows).toHaveLength(rows);
      for (const issue of result.issues) expect(issue.file).toBe(file);
    },
  );

  it("good files with BOM, CRLF, semicolons, reordered columns, blank lines and Excel's sep= line read the same rows", () => {
    const read = (file: string) =>
      checkDatasetBytes("dang-vien", readFileSync(resolve(FIXTURES, file))).rows;
    const plain = read("good-plain.csv");
    for (const file of [
      "good-bom-crlf.csv",
      "good-semicolon.csv",
      "good-column-order.csv",
      "good-blank-lines.csv",
      "good-sep-line.csv",
      "good-semicolon-blank-first.csv",
      "good-sep-line-semicolon-bom.csv",
    ]) {
      expect(read(file)).toEqual(plain);
    }
    expect(plain.map((r) => r.count)).toEqual([6001, 3912, 3618, 294]);
  });

  it("keeps a quoted note with newlines intact and counts its lines", () => {
    const result = checkDatasetBytes(
      "dang-vien",
      readFileSync(resolve(FIXTURES, "good-multiline-note.csv")),
    );
    expect(result.rows[0]!.note).toBe("Dòng một\nDòng hai\nDòng ba");
    expect(result.lines).toEqual([2, 5]);
  });
});

describe("findQuoteProblems", () => {
  it.each([
    ['a,"b ""c"" d",e\nf,g,h\n', ",", []],
    ['a,"b"  ,c\n', ",", []],
    ['a;"x\ny";"z" w\n', ";", [{ line: 2, column: 3, key: "invalid-quote" }]],
    ['a,"x\ny","z\n', ",", [{ line: 2, column: 3, key: "unbalanced-quote" }]],
    ['a,b,"never closed\nc,"d",e\n', ",", [{ line: 1, column: 3, key: "unbalanced-quote" }]],
    [
      '"p" q,r,"s" t\n',
      ",",
      [
        { line: 1, column: 1, key: "invalid-quote" },
        { line: 1, column: 3, key: "invalid-quote" },
      ],
    ],
  ])("%j (delimiter %j)", (text, delimiter, expected) => {
    expect(findQuoteProblems(text, delimiter)).toEqual(expected);
  });
});
