// The article check staff meet before the build: Vietnamese, file:line:column, field, found, expected, example.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  checkArticleText,
  formatArticleIssue,
  printedDate,
} from "../../src/lib/content/article-check.ts";
import { NEWS_DIR, SEEDS } from "../helpers/seeds.ts";

const GOOD = readFileSync(
  resolve(NEWS_DIR, "khoi-cac-co-quan-tinh-lang-son-xay-dung-dang-la-then-chot.mdx"),
  "utf8",
);
const check = (text: string) => checkArticleText("bai.mdx", text).map(formatArticleIssue);

describe("checkArticleText", () => {
  it.each(SEEDS.map((s) => s.slug))("passes the committed article %s", (slug) => {
    expect(check(readFileSync(resolve(NEWS_DIR, `${slug}.mdx`), "utf8"))).toEqual([]);
  });

  it("a weekday date as printed: says exactly what to write, label included", () => {
    const text = GOOD.replace(
      'published: "2022-08-12"',
      'published: "Thứ sáu, 12/08/2022"',
    ).replace(/^publishedLabel: .*\n/m, "");
    expect(check(text)).toEqual([
      'bai.mdx:4:12 Trường “published”: tìm thấy “Thứ sáu, 12/08/2022” (ngày viết như trang in); cần dạng yyyy-mm-dd hoặc yyyy-mm-ddThh:mm:ss, giờ Việt Nam. Ghi: published: "2022-08-12" và publishedLabel: "Thứ sáu" (date-as-printed)',
    ]);
  });

  it("a missing field, an empty one, a misspelt key and topic: each with an example", () => {
    const text = GOOD.replace(/^unit: .*\n/m, "")
      .replace('province: "Lạng Sơn"', 'province: ""')
      .replace("kicker:", "kickr:")
      .replace('- "kiem-tra-giam-sat"', '- "kiem-tra-giam-sta"');
    expect(check(text)).toEqual([
      'bai.mdx:1:1 Thiếu trường “unit” (bắt buộc); ví dụ: unit: "Đảng bộ huyện Thanh Bình" (frontmatter-field)',
      "bai.mdx:3:8 Trường lạ “kickr” (có phải “kicker” không?): chỉ dùng các trường title, kicker, published, publishedLabel, period, periodYear, source, locality, unit, author, summary, topics (frontmatter-field)",
      'bai.mdx:12:13 Trường “locality.province” đang để trống, cần điền; ví dụ: province: "Đồng Tháp" (frontmatter-field)',
      "bai.mdx:20:5 Trường “topics”: mã chủ đề “kiem-tra-giam-sta” không có; có phải “kiem-tra-giam-sat” không?; dùng mã trong to-chuc-co-so-dang, phat-trien-dang-vien, danh-gia-xep-loai, kiem-tra-giam-sat, giao-duc-chinh-tri, thi-dua-khen-thuong, cong-tac-can-bo, dai-hoi-dang (frontmatter-field)",
    ]);
  });

  it("broken YAML points at the line", () => {
    const text = GOOD.replace('unit: "Đảng bộ Khối các cơ quan tỉnh"', "unit: Đảng bộ: Khối");
    const [issue] = checkArticleText("bai.mdx", text);
    expect(issue).toMatchObject({ line: 13, key: "frontmatter-syntax" });
  });

  it("escaped characters, component attributes and the known components' imports are fine", () => {
    const body =
      '\nimport Chart from "../../src/components/charts/Chart.astro";\n\nMột \\{ hai \\} ba \\< bốn.\n\n<Chart id="x" level={2} />\n';
    expect(check(`${GOOD}${body}`)).toEqual([]);
  });

  it("any other import or export is refused: an article runs no code (the loader refuses it too)", () => {
    const body = '\nimport Foo from "./Foo.astro";\n\nexport const a = 1;\n\n<Foo />\n';
    const issues = checkArticleText("bai.mdx", `${GOOD}${body}`);
    expect(issues.map((i) => i.key)).toEqual(["mdx-esm", "mdx-esm", "unknown-component"]);
    expect(issues[0]!.message).toContain("không dùng được trong bài");
  });
});

describe("printedDate", () => {
  it.each([
    ["15/01/2024 08:00:00", { published: "2024-01-15T08:00:00" }],
    ["Cập nhật ngày: 28/02/2023 05:40", { published: "2023-02-28T05:40", label: "Cập nhật ngày" }],
    ["Thứ sáu, 12/08/2022", { published: "2022-08-12", label: "Thứ sáu" }],
    ["5/3/2023", { published: "2023-03-05" }],
    ["2023-03-05", undefined],
  ])("%j -> %j", (text, expected) => {
    expect(printedDate(text)).toEqual(expected);
  });
});
