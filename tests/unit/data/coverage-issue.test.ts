// Issue 22's test: a newer, dated article about a unit that already has an undated member figure
// (Tuyên Hóa). From the capture (tests/fixtures/captures/tuyen-hoa-2024.txt, written for this
// test: its figures are no source's) through article:new to data:coverage, each figure is proposed
// in the right dataset with the right period kind and qualifier.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Papa from "papaparse";
import { afterAll, describe, expect, it } from "vitest";
import { coverageReportSchema } from "../../../src/lib/data/coverage-report.ts";
import { loadAllDatasets } from "../../../src/lib/data/index.ts";
import { periodText } from "../../../src/lib/data/period.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
const SLUG = "tuyen-hoa-nang-cao-chat-luong-to-chuc-co-so-dang-va-dang-vien";
const work = mkdtempSync(join(tmpdir(), "coverage-issue-"));
const news = join(work, "news");
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(script: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [resolve(ROOT, script), ...args], {
    cwd: ROOT,
    env: { ...process.env, NEWS_DIR: news, ...env },
    encoding: "utf8",
  });
}

// The committed articles plus the new one, its frontmatter filled in as staff would.
cpSync(resolve(ROOT, "content/news"), news, { recursive: true });
const created = run("src/cli/article-new.ts", ["tests/fixtures/captures/tuyen-hoa-2024.txt"]);
const mdxPath = join(news, `${SLUG}.mdx`);
writeFileSync(
  mdxPath,
  readFileSync(mdxPath, "utf8")
    .replace(/^ {2}province: "".*$/m, '  province: "Quảng Bình"\n  district: "Tuyên Hóa"')
    .replace(/^unit: "".*$/m, 'unit: "Đảng bộ huyện Tuyên Hóa"')
    .replace(/^topics: \[\].*$/m, 'topics: ["phat-trien-dang-vien", "danh-gia-xep-loai"]'),
);

const json = run("src/cli/data-coverage.ts", [SLUG, "--json"]);
const report = coverageReportSchema.parse(JSON.parse(json.stdout || "{}"));
const article = report.articles[0]!;
const proposals = article.proposals;

describe("issue 22: a newer, dated article about Tuyên Hóa", () => {
  it("article:new takes the page: outlet from “Nguồn:”, byline, date", () => {
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toContain(
      `nguồn (dòng 19): “Nguồn: Báo Quảng Bình” → source.outlet: "Báo Quảng Bình" (không phải tác giả)`,
    );
    expect(created.stdout).toContain("tác giả (dòng 18): “PHAN LÊ”");
    expect(json.status, json.stderr).toBe(0);
    expect(article.published).toBe("2024-03-15T08:30:00");
  });

  it("proposes each figure in the right dataset, period kind and qualifier", () => {
    expect(
      proposals.map((p) => [
        p.dataset,
        p.periodKind,
        p.period,
        p.qualifier,
        p.numbers.map((n) => n.token).join(" "),
      ]),
    ).toEqual([
      ["ket-nap", "year", "2023", null, "215 107,5"],
      ["dang-vien", "as_reported", "2024-03-15", null, "6.120"],
      ["dang-vien", "as_reported", "2024-03-15", null, "5.890"],
      ["dang-vien", "as_reported", "2024-03-15", null, "230"],
      ["xep-loai", "as_reported", "2024-03-15", "trở lên", "44 47 93,6"],
    ]);
  });

  it("each proposal is a ready-to-paste row in its file's header order", () => {
    const source = SLUG;
    expect(proposals.map((p) => p.csv)).toEqual([
      `tuyen-hoa-ket-nap-2023,Đảng bộ huyện Tuyên Hóa,Quảng Bình,Tuyên Hóa,2023,year,ket-nap,215,,"107,5",chỉ tiêu đề ra,0,${source},"toàn Đảng bộ huyện Tuyên Hóa đã kết nạp 215 đảng viên mới, đạt 107,5% chỉ tiêu đề ra",`,
      `tuyen-hoa-dang-vien-2024-03-15,Đảng bộ huyện Tuyên Hóa,Quảng Bình,Tuyên Hóa,2024-03-15,as_reported,tong-so,6.120,,,0,${source},Đảng bộ huyện hiện có 6.120 đảng viên,`,
      `tuyen-hoa-dang-vien-chinh-thuc-2024-03-15,Đảng bộ huyện Tuyên Hóa,Quảng Bình,Tuyên Hóa,2024-03-15,as_reported,chinh-thuc,5.890,tuyen-hoa-dang-vien-2024-03-15,tình trạng,0,${source},trong đó có 5.890 đảng viên chính thức và 230 đảng viên dự bị,`,
      `tuyen-hoa-dang-vien-du-bi-2024-03-15,Đảng bộ huyện Tuyên Hóa,Quảng Bình,Tuyên Hóa,2024-03-15,as_reported,du-bi,230,tuyen-hoa-dang-vien-2024-03-15,tình trạng,0,${source},trong đó có 5.890 đảng viên chính thức và 230 đảng viên dự bị,`,
      `tuyen-hoa-to-chuc-co-so-dang-hoan-thanh-tot-2024-03-15,Đảng bộ huyện Tuyên Hóa,Quảng Bình,Tuyên Hóa,2024-03-15,as_reported,Tổ chức cơ sở đảng,hoan-thanh-tot,trở lên,44,47,"93,6",0,${source},"có 44/47 tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên (đạt 93,6%)",`,
    ]);
    expect(proposals.map((p) => p.header.join(","))).toEqual([
      readFileSync(resolve(ROOT, "data/ket-nap.csv"), "utf8").split("\n")[0],
      ...Array(3).fill(readFileSync(resolve(ROOT, "data/dang-vien.csv"), "utf8").split("\n")[0]),
      "id,unit,province,district,period,period_kind,group,rating,qualifier,count,rated,percent,derived,source,quote,note",
    ]);
  });

  it("the unit's undated member figure is listed and kept apart, never given a date", () => {
    for (const p of proposals.filter((x) => x.dataset === "dang-vien")) {
      expect(p.sameUnit).toEqual([
        {
          dataset: "dang-vien",
          id: "th-dang-vien",
          line: 2,
          period: "",
          periodKind: "as_of_undated",
        },
      ]);
      expect(p.alreadyIn).toBeNull();
    }
  });

  it("the rating sentence has no year and takes none from the sentence before", () => {
    const rating = proposals.at(-1)!;
    expect(rating.periodWords).toBeNull();
    expect(rating.notes).toEqual(["câu không có từ chỉ thời gian (không lấy năm của câu khác)"]);
    expect(rating.missingColumns).toEqual(["qualifier"]);
  });

  it("the day of the month, the meeting count and the distance are left out by rule", () => {
    expect(article.excluded.map((n) => [n.token, n.rule])).toEqual([
      ["2023", "year"],
      ["3", "day-of-month"],
      ["2", "day-of-month"],
      ["2", "meeting"],
      ["12", "distance"],
    ]);
  });

  it("prints the proposals for staff, word for word", () => {
    const printed = run("src/cli/data-coverage.ts", [SLUG]).stdout.replaceAll(
      `${news}/`,
      "content/news/",
    );
    const file = `content/news/${SLUG}.mdx`;
    expect(printed.split("\n").slice(1, 7)).toEqual([
      `${file}: 0 số đã có trong dữ liệu, 8 số chưa có (5 dòng đề xuất), 0 số đã ghi lý do trong data/README.md, 5 số không phải số liệu (bỏ theo quy tắc).`,
      `  1. ${file}:18:51 “215”, ${file}:18:74 “107,5”`,
      "     câu: “Năm 2023, toàn Đảng bộ huyện Tuyên Hóa đã kết nạp 215 đảng viên mới, đạt 107,5% chỉ tiêu đề ra.”",
      "     đề xuất: data/ket-nap.csv, kỳ: year 2023 (câu ghi “Năm 2023”)",
      "     id,unit,province,district,period,period_kind,measure,count,target,percent_of_target,target_label,derived,source,quote,note",
      proposals[0]!.csv.replace(/^/, "     "),
    ]);
    expect(printed).toContain(
      "     đề xuất: data/dang-vien.csv, kỳ: as_reported 2024-03-15 (câu ghi “hiện có”; theo bài đăng ngày này, không phải ngày đo)\n",
    );
    expect(printed).toContain(
      "     đơn vị đã có data/dang-vien.csv:2 th-dang-vien (as_of_undated): giữ riêng, không sửa dòng cũ\n",
    );
    expect(printed).toContain(
      "     đề xuất: data/xep-loai.csv, kỳ: as_reported 2024-03-15 (câu không có từ chỉ thời gian; theo bài đăng ngày này, không phải ngày đo), mức: “trở lên”\n",
    );
    expect(printed).toContain(
      "     tệp chưa có cột qualifier: thay dòng tiêu đề bằng dòng dưới đây rồi chạy npm run data:format (các dòng cũ được thêm ô trống)\n",
    );
  });

  it("data/README.md's walkthrough shows what the tool really prints for this capture", () => {
    const readme = readFileSync(resolve(ROOT, "data/README.md"), "utf8");
    const block = /tuyen-hoa-2024\.txt`\):\n\n```text\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const printed = run("src/cli/data-coverage.ts", [SLUG])
      .stdout.replaceAll(`${news}/`, "content/news/")
      .replaceAll(SLUG, "<tên-bài>")
      .split("\n");
    for (const line of block!.split("\n").filter((l) => l !== "")) expect(printed).toContain(line);
  });

  it("entered as proposed into a copy of data/, data:check accepts the rows", () => {
    const data = join(work, "data");
    cpSync(resolve(ROOT, "data"), data, { recursive: true });
    for (const p of proposals) {
      const path = join(data, `${p.dataset}.csv`);
      const table = Papa.parse<string[]>(readFileSync(path, "utf8"), { skipEmptyLines: true }).data;
      const old = table[0]!;
      // A column the file lacks: the header the tool printed, an empty cell in each old row.
      const rows = table.slice(1).map((r) => p.header.map((c) => r[old.indexOf(c)] ?? ""));
      const next = `${Papa.unparse([p.header, ...rows], { newline: "\n" })}\n${p.csv}\n`;
      writeFileSync(path, next);
    }
    const check = run("src/cli/data-check.ts", [], { DATA_DIR: data });
    expect(check.stderr).toBe("");
    expect(check.status, check.stdout).toBe(0);
    expect(check.stdout).toMatch(/^Dữ liệu: 11 bộ dữ liệu, \d+ dòng, không có lỗi/);
    expect(check.stdout).toContain("Số trong bài chưa có trong dữ liệu: 0.");
    expect(check.stdout).not.toContain("Cảnh báo");
    // The portal's one wording of a period: the new figures read as reported, the old stays undated.
    const previous = process.env.NEWS_DIR;
    process.env.NEWS_DIR = news;
    try {
      const members = loadAllDatasets(data).datasets["dang-vien"].rows;
      const texts = members
        .filter((r) => r.unit === "Đảng bộ huyện Tuyên Hóa")
        .map((r) => [r.id, periodText(r)]);
      expect(texts).toEqual([
        ["th-dang-vien", periodText(members.find((r) => r.id === "th-dang-vien")!)],
        ["tuyen-hoa-dang-vien-2024-03-15", "theo bài đăng ngày 15/03/2024"],
        ["tuyen-hoa-dang-vien-chinh-thuc-2024-03-15", "theo bài đăng ngày 15/03/2024"],
        ["tuyen-hoa-dang-vien-du-bi-2024-03-15", "theo bài đăng ngày 15/03/2024"],
      ]);
      expect(texts[0]![1]).not.toMatch(/\d/);
    } finally {
      if (previous === undefined) delete process.env.NEWS_DIR;
      else process.env.NEWS_DIR = previous;
    }
  });

  it("an unknown option is refused in Vietnamese, word for word", () => {
    const refused = run("src/cli/data-coverage.ts", [SLUG, "--csv"]);
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toBe(
      "Không hiểu tùy chọn “--csv”. Cách dùng: npm run data:coverage -- [tên-bài …] [--json] [--all]",
    );
  });
});
