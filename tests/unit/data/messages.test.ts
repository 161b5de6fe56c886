// Exact messages changed for issue 22: the example under a cell's problem is for that cell's
// column; the parts-exceed-total hint says what really resolves it (and that does keep the rows);
// the article check points to the Vietnamese section of data/README.md.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { checkArticleText } from "../../../src/lib/content/article-check.ts";
import { checkDatasetBytes } from "../../../src/lib/data/index.ts";
import { ISSUE_FIXES, issueFix } from "../../../src/lib/data/issue-fixes.ts";
import type { DataIssue } from "../../../src/lib/data/issues.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
const fixture = (name: string) => readFileSync(resolve(ROOT, "tests/fixtures/csv", name));
const readme = readFileSync(resolve(ROOT, "data/README.md"), "utf8");
const issue = (file: string, key: DataIssue["key"], detail: string): DataIssue => ({
  file,
  line: 2,
  column: 1,
  key,
  detail,
});

describe("the example under a cell's problem is for its column", () => {
  it("source", () => {
    const [first] = checkDatasetBytes("dang-vien", fixture("bad-source-path.csv")).issues;
    expect(issueFix(first!)).toBe(
      "Cần: giá trị đúng dạng của cột (xem phần “Các cột”). Ví dụ: cột “source” ghi tên bài, vd. tuyen-hoa-cung-co-to-chuc-co-so-dang (không có /tin-tuc/, không có .mdx).",
    );
  });

  it.each([
    [
      issue("data/xep-loai.csv", "invalid-value", "cột “period” = “15/01/2024”"),
      "Cần: giá trị đúng dạng của cột (xem phần “Các cột”). Ví dụ: cột “period” ghi 2022 (năm) hoặc 2020-12-31 (ngày yyyy-mm-dd); để trống khi nguồn không ghi thời điểm.",
    ],
    [
      issue("data/xep-loai.csv", "not-in-list", "cột “rating” = “tot”"),
      "Cần: một giá trị trong danh sách của cột (xem phần “Các cột”). Ví dụ: cột “rating” ghi một trong: hoan-thanh-xuat-sac, hoan-thanh-tot, hoan-thanh, khong-hoan-thanh.",
    ],
    [
      issue("data/dang-vien.csv", "missing-value", "cột “unit”"),
      "Cần: một giá trị trong ô bắt buộc. Ví dụ: cột “unit” ghi Đảng bộ huyện Tuyên Hóa.",
    ],
    [
      issue("data/dang-vien.csv", "invalid-value", "cột “derived” = “có”; chỉ ghi 0 hoặc 1"),
      "Cần: giá trị đúng dạng của cột (xem phần “Các cột”). Ví dụ: cột “derived” ghi 0 hoặc 1.",
    ],
    [
      issue("data/dang-vien.csv", "invalid-value", "cột “id” = “Th dang vien”"),
      "Cần: giá trị đúng dạng của cột (xem phần “Các cột”). Ví dụ: cột “id” ghi th-dang-vien (chữ thường không dấu, số, dấu gạch nối).",
    ],
  ])("%j", (problem, fix) => {
    expect(issueFix(problem)).toBe(fix);
  });

  it("keeps the general fix for problems not about one column", () => {
    const problem = issue("data/dang-vien.csv", "duplicate-key", "“a” đã dùng ở dòng 2");
    expect(issueFix(problem)).toBe(ISSUE_FIXES["duplicate-key"]);
  });
});

describe("parts-exceed-total", () => {
  const bytes = fixture("bad-parts-exceed-total.csv");

  it("says what resolves it, and not that a note alone does", () => {
    const problem = checkDatasetBytes("dang-vien", bytes).issues.find(
      (i) => i.key === "parts-exceed-total",
    )!;
    expect(issueFix(problem)).toBe(
      "Cần: các phần cùng một cách chia (cùng part_of và split) cộng lại không quá tổng. Đối chiếu từng số với bài nguồn; phần của hai cách chia khác nhau thì ghi hai split khác nhau; nếu chính bài ghi các phần vượt tổng thì để trống part_of ở các dòng phần (dòng vẫn giữ) và ghi điều đó ở cột note — chỉ ghi note mà giữ part_of thì vẫn lỗi. Ví dụ: split “loại hình” cho 28 + 19 và split “địa bàn” cho 30 + 17 của cùng tổng 47.",
    );
  });

  it("is gone, every row kept, once the parts leave part_of empty and say so in note", () => {
    const text = bytes
      .toString("utf8")
      .replaceAll(",kcq-dang-vien,tình trạng,", ",,,")
      .replace(/,\n/, ",Nguồn ghi các phần cộng lại vượt tổng\n");
    const result = checkDatasetBytes("dang-vien", Buffer.from(text));
    expect(result.issues.map((i) => i.key)).not.toContain("parts-exceed-total");
    expect(result.rows).toHaveLength(3);
  });

  it("data/README.md says the same", () => {
    expect(readme).toContain("Chỉ ghi `note` mà vẫn giữ `part_of`\n  thì lỗi vẫn còn.");
  });
});

describe("the article check", () => {
  it("points to the Vietnamese section of data/README.md, which exists", () => {
    const [problem] = checkArticleText("content/news/x.mdx", "Không có phần đầu\n");
    expect(problem!.message).toBe(
      "Bài phải bắt đầu bằng dòng --- rồi các trường (title, summary, …) và một dòng --- nữa; ví dụ: xem data/README.md, phần “Phần đầu bài viết (frontmatter)”",
    );
    expect(readme).toContain("## Phần đầu bài viết (frontmatter)");
  });
});
