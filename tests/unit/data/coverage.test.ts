// Figure coverage: numbers an article states that no dataset row cites, the numbers left out by
// rule (each rule), and the five committed articles (none uncovered; every explained one still there).
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ACCEPTED_LIST, coverageOf } from "../../../src/lib/data/coverage-load.ts";
import { exclusionRule } from "../../../src/lib/data/coverage-rules.ts";
import { articleCoverage, readAccepted } from "../../../src/lib/data/coverage.ts";
import { draftRows } from "../../../src/lib/data/coverage-rows.ts";
import { articleSlugs, loadAllDatasets } from "../../../src/lib/data/index.ts";
import { contentDir } from "../../../src/lib/data/paths.ts";

/** The rule for the first number token at `marker` ("…[[241]]…" marks the token). */
function ruleFor(marked: string) {
  const start = marked.indexOf("[[");
  const end = marked.indexOf("]]") - 2;
  return exclusionRule(marked.replace("[[", "").replace("]]", ""), start, end);
}

describe("exclusionRule", () => {
  it.each([
    ["nhân kỷ niệm 132 năm Ngày sinh (19/5/[[1890]] - 19/5/2022)", "date"],
    ["(ngày [[27]]/9/1954 – 27/9/2014)", "date"],
    ["Nghị quyết số 21-NQ/TW ngày [[16]]/6/2022", "date"],
    ["trong năm [[2022]], BTV", "year"],
    ["nhiệm kỳ 2020 - [[2025]]", "year"],
    ["lúc [[05]]:40:48", "time"],
    ["Nghị quyết số [[21]]-NQ/TW", "document-number"],
    ["ban hành Kế hoạch số [[51]]-KH/HU ngày 13/12/2021", "document-number"],
    ["tiếp tục thực hiện Chỉ thị số [[05]] của Bộ Chính trị", "document-number"],
    ["gắn với thực hiện Chỉ thị [[05]]...", "document-number"],
    ["kiểm tra theo Điều [[30]] Điều lệ Đảng", "document-number"],
    ["theo tinh thần Nghị quyết Trung ương [[6]] khóa XII", "congress-term"],
    ["Đại hội lần thứ [[3]]", "congress-term"],
    ["Phó Bí thư Thường trực Tỉnh ủy (thứ [[2]], từ phải sang)", "ordinal"],
    ["nhân kỷ niệm [[132]] năm Ngày sinh của Chủ tịch Hồ Chí Minh", "anniversary"],
    ["và [[74]] năm Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi", "anniversary"],
    ["kỷ niệm [[60]] năm (27/9/1954 – 27/9/2014) ngày thành lập", "anniversary"],
    ["tiêu biểu qua [[1]] năm thực hiện Kết luận số 01", "duration"],
    ["Trên cơ sở sơ kết [[3]] năm thực hiện Nghị quyết", "duration"],
  ])("%j is left out as %s", (marked, rule) => {
    expect(ruleFor(marked)).toBe(rule);
  });

  it.each([
    "có [[8]]/40 tập thể hoàn thành xuất sắc nhiệm vụ",
    "có 8/[[40]] tập thể",
    "kết nạp [[2.053]] đảng viên",
    "(đạt [[16,7]]%)",
    "có [[241]] chi bộ trực thuộc",
    "khen thưởng [[1]] tập thể, 1 cá nhân",
    "tặng Huy hiệu [[30]] năm tuổi Đảng cho 42 đồng chí",
  ])("%j is a statistic", (marked) => {
    expect(ruleFor(marked)).toBeUndefined();
  });
});

const ARTICLE = `---
title: "Bài thử"
---

Năm 2022, Đảng bộ có <DataFigure row="to-chuc-dang#x">241</DataFigure> chi bộ, kết nạp 218 đảng viên mới (đạt 100%) theo Kế hoạch số 51-KH/HU.

<Chart id="ket-nap-2022" level={2} />

Có 8/40 tập thể hoàn thành xuất sắc nhiệm vụ; phòng chống 27 biểu hiện suy thoái.
`;

describe("articleCoverage", () => {
  const rows = [{ quote: "kết nạp 218 đảng viên mới (đạt 100%)", values: [218, 100, 2022] }];
  const accepted = [{ slug: "bai-thu", phrase: "phòng chống 27 biểu hiện", why: "tên danh mục" }];
  const result = articleCoverage("bai-thu", ARTICLE, rows, accepted);

  it("finds every uncited number with its file position and sentence, never inside tags", () => {
    expect(result.uncovered.map((n) => [n.token, n.line, n.column, n.sentence])).toEqual([
      [
        "241",
        5,
        55,
        "Năm 2022, Đảng bộ có 241 chi bộ, kết nạp 218 đảng viên mới (đạt 100%) theo Kế hoạch số 51-KH/HU.",
      ],
      [
        "8",
        9,
        4,
        "Có 8/40 tập thể hoàn thành xuất sắc nhiệm vụ; phòng chống 27 biểu hiện suy thoái.",
      ],
      [
        "40",
        9,
        6,
        "Có 8/40 tập thể hoàn thành xuất sắc nhiệm vụ; phòng chống 27 biểu hiện suy thoái.",
      ],
    ]);
  });

  it("counts a number as cited only inside a quote of a row holding that value", () => {
    expect(result.covered.map((n) => n.token)).toEqual(["218", "100"]);
    expect(result.covered[0]!.rows).toEqual([]);
    const otherValue = articleCoverage("bai-thu", ARTICLE, [{ ...rows[0]!, values: [218] }], []);
    expect(otherValue.uncovered.map((n) => n.token)).toContain("100");
  });

  it("sets aside numbers by rule and those explained in the list", () => {
    expect(result.excluded.map((n) => [n.token, n.rule])).toEqual([
      ["2022", "year"],
      ["51", "document-number"],
    ]);
    expect(result.accepted.map((n) => [n.token, n.why])).toEqual([["27", "tên danh mục"]]);
  });

  it("proposes a row: dataset, columns, period as stated, the shortest clause as quote", () => {
    const drafts = draftRows(result.uncovered, { slug: "bai-thu", published: "2023-02-28" });
    expect(
      drafts.map((d) => [d.dataset, d.cells, d.period.periodKind, d.period.period, d.quote]),
    ).toEqual([
      ["to-chuc-dang", { kind: "Chi bộ", count: "241" }, "year", "2022", "Đảng bộ có 241 chi bộ"],
      [
        "xep-loai",
        { rating: "hoan-thanh-xuat-sac", group: "Tập thể", count: "8", rated: "40" },
        "as_reported",
        "2023-02-28",
        "Có 8/40 tập thể hoàn thành xuất sắc nhiệm vụ",
      ],
    ]);
  });
});

describe("the five committed articles", () => {
  const { datasets, issues } = loadAllDatasets();
  const slugs = articleSlugs(contentDir());
  const coverage = coverageOf(datasets, contentDir(), slugs);

  it("have every figure in a dataset or explained in data/README.md", () => {
    expect(issues).toEqual([]);
    expect(slugs).toHaveLength(5);
    const uncovered = coverage.flatMap((a) =>
      a.uncovered.map((n) => `${a.slug} ${n.token}: ${n.sentence}`),
    );
    expect(uncovered).toEqual([]);
    expect(coverage.reduce((n, a) => n + a.covered.length, 0)).toBeGreaterThan(100);
  });

  it("every explained number in data/README.md is still in its article", () => {
    const listed = readAccepted(readFileSync(ACCEPTED_LIST, "utf8"));
    expect(listed.length).toBeGreaterThan(0);
    for (const entry of listed) {
      const article = coverage.find((a) => a.slug === entry.slug);
      expect(article, entry.slug).toBeDefined();
      expect(
        article!.accepted.some((n) => n.why === entry.why),
        entry.phrase,
      ).toBe(true);
    }
  });

  it("left-out numbers include each rule's kind from the real articles", () => {
    const rules = new Set(coverage.flatMap((a) => a.excluded.map((n) => n.rule)));
    for (const rule of [
      "date",
      "year",
      "document-number",
      "congress-term",
      "ordinal",
      "anniversary",
      "duration",
    ]) {
      expect(rules).toContain(rule);
    }
    expect(resolve(ACCEPTED_LIST).endsWith("data/README.md")).toBe(true);
  });
});
