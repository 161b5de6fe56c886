// "As reported in an article published on D" (issue 22): a period kind of its own, worded as such
// everywhere, and data:check's warnings when a row's period is not what its quote or article says.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { memberCharts } from "../../../src/lib/charts/specs/members.ts";
import { headlines } from "../../../src/lib/data/headlines.ts";
import { checkDatasetBytes, formatWarning, type AllDatasets } from "../../../src/lib/data/index.ts";
import { inTimeOrder } from "../../../src/lib/data/latest.ts";
import {
  describePeriod,
  periodCoverage,
  periodMoment,
  periodText,
  periodTick,
} from "../../../src/lib/data/period.ts";
import { createSourceReader } from "../../../src/lib/data/sources.ts";

const dir = mkdtempSync(join(tmpdir(), "as-reported-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const news = join(dir, "news");
mkdirSync(news);
writeFileSync(
  join(news, "bai-moi.mdx"),
  `---
title: "Bài thử"
published: "2023-02-28T08:00:00"
---

Đảng bộ huyện Thử hiện có 6.100 đảng viên. Năm 2022, toàn Đảng bộ kết nạp 120 đảng viên. Đến ngày 31/12/2021, có 6.050 đảng viên.
`,
);
const sources = createSourceReader(news, join(dir, "no-pages"));
const articles = ["bai-moi"];

const HEADER =
  "id,unit,province,district,period,period_kind,status,count,part_of,split,derived,source,quote,note";
const csv = (...rows: string[]) => Buffer.from(`${HEADER}\n${rows.join("\n")}\n`);
const row = (id: string, period: string, kind: string, count: string, quote: string) =>
  `${id},Đảng bộ huyện Thử,Tỉnh Thử,,${period},${kind},tong-so,${count},,,0,bai-moi,${quote},`;
const check = (bytes: Buffer) =>
  checkDatasetBytes("dang-vien", bytes, { file: "data/dang-vien.csv", sources, articles });

describe("period kind as_reported", () => {
  it("is read with the article's publication date and gives no warning", () => {
    const result = check(
      csv(row("a", "2023-02-28", "as_reported", "6.100", "hiện có 6.100 đảng viên")),
    );
    expect(result.issues).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.rows[0]).toMatchObject({ period: "2023-02-28", period_kind: "as_reported" });
  });

  it("needs a day on the calendar", () => {
    const result = check(
      csv(
        row("a", "2023", "as_reported", "6.100", "hiện có 6.100 đảng viên"),
        row("b", "2023-02-30", "as_reported", "6.100", "hiện có 6.100 đảng viên"),
      ),
    );
    expect(result.issues.map((i) => `${i.line}:${i.column} ${i.key}: ${i.detail}`)).toEqual([
      "2:5 period-mismatch: loại kỳ as_reported cần ngày đăng bài yyyy-mm-dd",
      "3:5 period-mismatch: ngày “2023-02-30” không có trên lịch",
    ]);
  });

  it("is worded as reported, never as a measurement day", () => {
    const reported = { period: "2023-02-28", period_kind: "as_reported" as const };
    expect(periodText(reported)).toBe("theo bài đăng ngày 28/02/2023");
    expect(describePeriod(reported)).toBe("Theo bài đăng ngày 28/02/2023");
    expect(periodTick(reported)).toBe("bài đăng 28/02/2023");
    expect(periodCoverage([reported, { period: "2021", period_kind: "year" }])).toBe(
      "2021; theo bài đăng năm 2023",
    );
  });

  it("is placed on the time axis by the publication date", () => {
    const reported = { period: "2023-02-28", period_kind: "as_reported" } as const;
    const year = { period: "2022", period_kind: "year" } as const;
    expect(periodMoment(reported)).toBe(Date.parse("2023-02-27T17:00:00Z"));
    expect(inTimeOrder([reported, year])).toEqual([year, reported]);
  });
});

describe("data:check warnings on periods", () => {
  const warnings = (...rows: string[]) => check(csv(...rows)).warnings.map(formatWarning);

  it("warns, at the period cell, when an as_of_date is only the article's publication date", () => {
    expect(
      warnings(row("a", "2023-02-28", "as_of_date", "6.100", "hiện có 6.100 đảng viên")),
    ).toEqual([
      "data/dang-vien.csv:2:5 Cảnh báo: Ngày đo ghi trùng ngày đăng bài mà bài không nêu ngày đó: số chỉ là “theo bài đăng ngày …”: ngày 28/02/2023 chỉ là ngày đăng bài bai-moi, nguồn không nói số đo vào ngày đó; bài viết “hiện có”, “đến nay”, “hiện nay”… thì ghi period_kind = as_reported (period giữ 2023-02-28) (period-is-publication-date)",
    ]);
  });

  it("warns when a year appears in neither the quote nor the article", () => {
    expect(warnings(row("a", "2019", "year", "120", "kết nạp 120 đảng viên"))).toEqual([
      "data/dang-vien.csv:2:5 Cảnh báo: Kỳ số liệu không có trong đoạn trích lẫn bài nguồn: năm 2019 không có trong đoạn trích lẫn bài bai-moi; ghi năm mà chính câu này (hoặc bài) nêu; câu không nêu năm thì dùng as_reported (ngày đăng bài) hoặc as_of_undated (period-unsupported)",
    ]);
  });

  it("warns when an as_reported date is not the publication date", () => {
    expect(
      warnings(row("a", "2023-03-01", "as_reported", "6.100", "hiện có 6.100 đảng viên")),
    ).toEqual([
      "data/dang-vien.csv:2:5 Cảnh báo: Kỳ số liệu không có trong đoạn trích lẫn bài nguồn: loại kỳ as_reported ghi ngày đăng bài, bài bai-moi đăng ngày 28/02/2023, dòng này ghi 01/03/2023; sửa period thành 2023-02-28 (period-unsupported)",
    ]);
  });

  it("says nothing when the quote or the article names the period", () => {
    expect(
      warnings(
        row("a", "2022", "year", "120", "kết nạp 120 đảng viên"),
        row("b", "2021-12-31", "as_of_date", "6.050", "có 6.050 đảng viên"),
        row("c", "2022", "end_of_year", "6.100", "hiện có 6.100 đảng viên"),
      ),
    ).toEqual([]);
  });

  it("warns about a date the text never gives", () => {
    expect(warnings(row("a", "2021-06-30", "as_of_date", "6.050", "có 6.050 đảng viên"))).toEqual([
      "data/dang-vien.csv:2:5 Cảnh báo: Kỳ số liệu không có trong đoạn trích lẫn bài nguồn: ngày 30/06/2021 không có trong đoạn trích lẫn bài bai-moi; ghi ngày mà nguồn nêu, hoặc as_reported (ngày đăng bài) / as_of_undated nếu nguồn không nêu thời điểm (period-unsupported)",
    ]);
  });
});

describe("a member figure “hiện có” in a dated article, beside an undated one", () => {
  const rows = check(
    csv(
      row("cu", "", "as_of_undated", "6.100", "hiện có 6.100 đảng viên"),
      row("moi", "2023-02-28", "as_reported", "6.100", "hiện có 6.100 đảng viên"),
    ),
  ).rows;

  it("is the headline, said to be as reported, never a measurement day", () => {
    const datasets = {
      "dang-vien": { rows },
      "ket-nap": { rows: [] },
      "to-chuc-dang": { rows: [] },
    } as unknown as AllDatasets;
    const [head] = headlines(datasets);
    expect(head).toMatchObject({ row: { id: "moi" }, undated: false });
    expect(describePeriod(head!.row)).toBe("Theo bài đăng ngày 28/02/2023");
  });

  it("is labelled as reported in the members chart and on its time axis, the undated one apart", () => {
    const charts = memberCharts(rows, "", () => "Bài thử");
    // Words as read: SVG lines joined, markup dropped.
    const text = charts
      .map((c) => `${c.takeaway} ${c.description} ${c.draw({ name: "rong", em: 30 })}`)
      .join(" ")
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ");
    expect(text).toContain("theo bài đăng ngày 28/02/2023");
    expect(text).not.toMatch(/(?<!theo bài đăng )ngày 28\/02\/2023/i);
    const history = charts.find((c) => c.id === "so-dang-vien-theo-thoi-gian")!;
    expect(history.table.rows.map((r) => r[1])).toEqual([
      "theo bài đăng ngày 28/02/2023",
      "không ghi thời điểm",
    ]);
  });
});
