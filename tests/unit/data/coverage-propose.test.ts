// data:coverage proposes the right row: each number classified by the words around it (measure,
// unit, period words), joined with the other numbers of its row, with its qualifier and quote;
// numbers that are no statistic left out by rule.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { articleFacts, coverageOf } from "../../../src/lib/data/coverage-load.ts";
import { articleSlugs, loadAllDatasets } from "../../../src/lib/data/index.ts";
import { contentDir } from "../../../src/lib/data/paths.ts";
import { articleCoverage } from "../../../src/lib/data/coverage.ts";
import { layoutAll, type DataRow } from "../../../src/lib/data/coverage-layout.ts";
import { periodOf } from "../../../src/lib/data/coverage-period.ts";
import { draftRows, type ArticleFacts } from "../../../src/lib/data/coverage-rows.ts";
import { exclusionRule } from "../../../src/lib/data/coverage-rules.ts";

const FACTS: ArticleFacts = {
  slug: "bai-thu",
  published: "2024-03-15T08:30:00",
  unit: "Đảng bộ huyện Tuyên Hóa",
  province: "Quảng Bình",
  district: "Tuyên Hóa",
};

/** The drafted rows of a body of paragraphs, with every number treated as not yet in the data. */
function drafts(body: string, facts: ArticleFacts = FACTS) {
  const found = articleCoverage(facts.slug, `---\ntitle: "x"\n---\n\n${body}\n`, [], []);
  return draftRows(found.uncovered, facts);
}

const summary = (body: string, facts?: ArticleFacts) =>
  drafts(body, facts).map((d) => ({
    dataset: d.dataset,
    cells: d.cells,
    qualifier: d.qualifier,
    period: `${d.period.periodKind} ${d.period.period}`.trim(),
    quote: d.quote,
  }));

describe("the dataset and columns a number belongs in", () => {
  it("“đạt …% chỉ tiêu” after an admissions figure joins the admissions row, not chi-tieu", () => {
    expect(
      summary(
        "Năm 2023, toàn Đảng bộ huyện Tuyên Hóa đã kết nạp 215 đảng viên mới, đạt 107,5% chỉ tiêu đề ra.",
      ),
    ).toEqual([
      {
        dataset: "ket-nap",
        cells: {
          measure: "ket-nap",
          count: "215",
          percent_of_target: "107,5",
          target_label: "chỉ tiêu đề ra",
        },
        qualifier: undefined,
        period: "year 2023",
        quote:
          "toàn Đảng bộ huyện Tuyên Hóa đã kết nạp 215 đảng viên mới, đạt 107,5% chỉ tiêu đề ra",
      },
    ]);
  });

  it("a percent in brackets after admissions, compared with a plan, keeps its bracket and label", () => {
    const [row] = summary(
      "Năm 2022, BTV Huyện ủy đã quyết định kết nạp 218 đảng viên mới (đạt 100%) so với kế hoạch đề ra.",
    );
    expect(row).toMatchObject({
      dataset: "ket-nap",
      cells: { count: "218", percent_of_target: "100", target_label: "kế hoạch đề ra" },
      quote:
        "BTV Huyện ủy đã quyết định kết nạp 218 đảng viên mới (đạt 100%) so với kế hoạch đề ra",
    });
  });

  it("a unit's member total goes to dang-vien, not to-chuc-dang; its parts point at it", () => {
    const rows = summary(
      "Đảng bộ huyện Tuyên Hóa hiện có 6.120 đảng viên, trong đó có 5.890 đảng viên chính thức và 230 đảng viên dự bị.",
    );
    expect(rows.map((r) => [r.dataset, r.cells.status, r.cells.count, r.period])).toEqual([
      ["dang-vien", "tong-so", "6.120", "as_reported 2024-03-15"],
      ["dang-vien", "chinh-thuc", "5.890", "as_reported 2024-03-15"],
      ["dang-vien", "du-bi", "230", "as_reported 2024-03-15"],
    ]);
  });

  it("organisations go to to-chuc-dang with their kind and level", () => {
    expect(
      summary("Đảng bộ huyện có 47 tổ chức cơ sở đảng.").map((r) => [r.dataset, r.cells]),
    ).toEqual([["to-chuc-dang", { kind: "Tổ chức cơ sở đảng", level: "co-so", count: "47" }]]);
  });

  it("a rating “… trở lên” keeps its qualifier; its total and percent join the row", () => {
    expect(
      summary(
        "Qua đánh giá, xếp loại, có 44/47 tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên (đạt 93,6%).",
      ),
    ).toEqual([
      {
        dataset: "xep-loai",
        cells: {
          rating: "hoan-thanh-tot",
          group: "Tổ chức cơ sở đảng",
          count: "44",
          rated: "47",
          percent: "93,6",
        },
        qualifier: "trở lên",
        period: "as_reported 2024-03-15",
        quote: "có 44/47 tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên (đạt 93,6%)",
      },
    ]);
  });

  it("a rating group holding a comma stays one group", () => {
    const [row] = summary(
      "Năm 2022, có 5/30 chi bộ, đảng bộ cơ sở hoàn thành xuất sắc nhiệm vụ (đạt 16,7%).",
    );
    expect(row!.cells).toEqual({
      rating: "hoan-thanh-xuat-sac",
      group: "Chi bộ, đảng bộ cơ sở",
      count: "5",
      rated: "30",
      percent: "16,7",
    });
  });

  it("targets set for later go to chi-tieu with “trên”; “khoảng” stays on a count", () => {
    const [target] = summary("Năm 2025, phấn đấu trên 60% cơ sở đảng đạt trong sạch vững mạnh.");
    expect(target).toMatchObject({
      dataset: "chi-tieu",
      cells: { percent: "60" },
      qualifier: "trên",
      period: "year 2025",
    });
    const [members] = summary("Chi bộ hiện có khoảng 300 đảng viên.");
    expect(members).toMatchObject({ dataset: "dang-vien", qualifier: "khoảng" });
  });

  it("words of other datasets: badges, inspections, awards, training, organisational work", () => {
    const datasets = (body: string) => summary(body).map((r) => r.dataset);
    expect(datasets("Tặng Huy hiệu 40 năm tuổi Đảng cho 19 đồng chí.")).toEqual(["huy-hieu"]);
    expect(datasets("Thi hành kỷ luật 19 đảng viên.")).toEqual(["kiem-tra-giam-sat"]);
    expect(datasets("Trong năm tiếp nhận 7 đơn thư.")).toEqual(["kiem-tra-giam-sat"]);
    expect(datasets("Biểu dương, khen thưởng 32 tập thể, 34 cá nhân.")).toEqual([
      "thi-dua-khen-thuong",
      "thi-dua-khen-thuong",
    ]);
    expect(datasets("Mở được 11 lớp bồi dưỡng kiến thức quốc phòng.")).toEqual([
      "giao-duc-dao-tao",
    ]);
    expect(datasets("Phát thẻ đảng viên cho 243 đồng chí.")).toEqual(["cong-tac-to-chuc"]);
  });

  it("training: sessions and the people they reached make one row, the people's qualifier kept", () => {
    const [row, ...rest] = summary(
      "Năm 2014, tổ chức tuyên truyền được 213 buổi cho trên 17.985 lượt người nghe.",
    );
    expect(rest).toEqual([]);
    expect(row).toMatchObject({
      dataset: "giao-duc-dao-tao",
      cells: {
        sessions: "213",
        session_unit: "buổi",
        participants: "17.985",
      },
      qualifier: "trên",
      period: "year 2014",
    });
    expect(summary("Mở được 11 lớp bồi dưỡng kiến thức quốc phòng.")[0]!.cells).toEqual({
      sessions: "11",
      session_unit: "lớp",
    });
    // The Khối Lạng Sơn article's training figures come out as they were entered by hand.
    const { datasets } = loadAllDatasets();
    const slug = "khoi-cac-co-quan-tinh-lang-son-xay-dung-dang-la-then-chot";
    const mdx = readFileSync(join(contentDir(), `${slug}.mdx`), "utf8");
    const fresh = articleCoverage(slug, mdx, [], []);
    const proposed = draftRows(fresh.uncovered, articleFacts(slug, mdx))
      .filter((d) => d.dataset === "giao-duc-dao-tao")
      .map((d) => [d.cells.sessions, d.cells.session_unit, d.cells.participants ?? ""].join(" "))
      .map((text) => text.replace(/(\d)\.(\d{3})/g, "$1$2"));
    const entered = datasets["giao-duc-dao-tao"].rows
      .filter((r) => r.source === slug)
      .map((r) => [r.sessions, r.session_unit, r.participants ?? ""].join(" "));
    expect(proposed.sort()).toEqual(entered.sort());
    // A training figure that is neither sessions nor people: no column is guessed.
    expect(summary("Công tác tuyên truyền đạt 12 giải thưởng.")[0]!.dataset).toBeUndefined();
  });
});

describe("cells the words state outright", () => {
  it("badge action, award recipient and inspection activity only when the clause says them", () => {
    expect(summary("Đề nghị tặng Huy hiệu Đảng cho 71 đồng chí.")[0]!.cells).toEqual({
      action: "de-nghi-tang",
      count: "71",
    });
    // “tặng” alone is neither “đề nghị tặng” nor “trao tặng”: left for staff.
    expect(summary("Tặng Huy hiệu 30 năm tuổi Đảng cho 42 đồng chí.")[0]!.cells).toEqual({
      years: "30",
      count: "42",
    });
    expect(summary("Biểu dương, khen thưởng 32 tập thể, 34 cá nhân.").map((r) => r.cells)).toEqual([
      { recipient: "tap-the", count: "32" },
      { recipient: "ca-nhan", count: "34" },
    ]);
    expect(summary("Trong năm tiếp nhận 7 đơn thư.")[0]!.cells).toEqual({
      activity: "don-thu",
      count: "7",
    });
  });

  it("agree with every hand-entered row they can be compared with", () => {
    const { datasets } = loadAllDatasets();
    const COLUMN = {
      "huy-hieu": "action",
      "thi-dua-khen-thuong": "recipient",
      "kiem-tra-giam-sat": "activity",
    } as const;
    const disagree: string[] = [];
    let agree = 0;
    for (const slug of articleSlugs(contentDir())) {
      const mdx = readFileSync(join(contentDir(), `${slug}.mdx`), "utf8");
      for (const d of draftRows(
        articleCoverage(slug, mdx, [], []).uncovered,
        articleFacts(slug, mdx),
      )) {
        if (!d.dataset || !Object.hasOwn(COLUMN, d.dataset)) continue;
        const column = COLUMN[d.dataset as keyof typeof COLUMN];
        if (d.cells[column] === undefined) continue;
        const entered = (datasets[d.dataset].rows as Record<string, unknown>[])
          .filter((r) => r.source === slug && String(r.count) === d.cells.count!.replace(".", ""))
          .filter((r) => d.cells.years === undefined || String(r.years) === d.cells.years)
          .map((r) => r[column]);
        if (entered.includes(d.cells[column])) agree++;
        else
          disagree.push(`${d.dataset} ${d.cells.count}: ${d.cells[column]} ≠ ${entered.join("/")}`);
      }
    }
    expect(disagree).toEqual([]);
    expect(agree).toBeGreaterThanOrEqual(20);
  });
});

describe("the period as the sentence gives it", () => {
  it.each([
    ["Năm 2022, Đảng bộ kết nạp 12 đảng viên.", "year", "2022"],
    ["Đến hết năm 2020, Đảng bộ có 744 tổ chức cơ sở đảng.", "end_of_year", "2020"],
    ["Tính đến ngày 31/12/2023, Đảng bộ có 6.120 đảng viên.", "as_of_date", "2023-12-31"],
    ["Đảng bộ hiện có 6.120 đảng viên.", "as_reported", "2024-03-15"],
    ["Đến nay, Đảng bộ có 6.120 đảng viên.", "as_reported", "2024-03-15"],
    ["Đảng bộ có 6.120 đảng viên.", "as_reported", "2024-03-15"],
  ])("%j → %s %s", (sentence, kind, period) => {
    expect(periodOf(sentence, sentence.indexOf("6") + 0, "2024-03-15T08:30:00")).toMatchObject({
      periodKind: kind,
      period,
    });
  });

  it("an undated article: “hiện có” and no time word are as_of_undated, period blank", () => {
    expect(periodOf("Đảng bộ hiện có 6.120 đảng viên.", 16, undefined)).toEqual({
      period: "",
      periodKind: "as_of_undated",
      words: "hiện có",
    });
  });

  it("a sentence with no year never takes the year of an earlier sentence", () => {
    const rows = summary(
      "Năm 2023, Đảng bộ kết nạp 215 đảng viên mới. Có 44/47 tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên (đạt 93,6%).",
    );
    expect(rows.map((r) => r.period)).toEqual(["year 2023", "as_reported 2024-03-15"]);
    const note = drafts(
      "Năm 2023, Đảng bộ kết nạp 215 đảng viên mới. Có 44/47 tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên (đạt 93,6%).",
    )[1]!.notes;
    expect(note).toEqual(["câu không có từ chỉ thời gian (không lấy năm của câu khác)"]);
  });
});

describe("numbers that are no statistic", () => {
  const rule = (marked: string) => {
    const start = marked.indexOf("[[");
    const end = marked.indexOf("]]") - 2;
    return exclusionRule(marked.replace("[[", "").replace("]]", ""), start, end);
  };

  it.each([
    ["vào ngày mùng [[3]] tháng 2", "day-of-month"],
    ["mồng [[5]] tháng Giêng", "day-of-month"],
    ["ngày [[15]] tháng 3", "day-of-month"],
    ["ngày mùng 3/[[2]], Huyện ủy", "day-of-month"],
    ["ngày mùng 3 tháng [[2]], Huyện ủy", "day-of-month"],
    ["khánh thành [[12]] km đường giao thông", "distance"],
    ["nạo vét [[300]] m kênh", "distance"],
    ["Huyện ủy tổ chức [[2]] hội nghị chuyên đề", "meeting"],
    ["tổ chức [[4]] cuộc họp", "meeting"],
    ["trong [[6]] tháng đầu năm 2024", "duration"],
  ])("%j is left out as %s", (marked, expected) => {
    expect(rule(marked)).toBe(expected);
  });

  it.each([
    "tuyên truyền được [[213]] buổi cho trên 17.985 lượt người nghe",
    "có [[12]] chi bộ trực thuộc",
    "kết nạp [[215]] đảng viên mới",
  ])("%j is a statistic", (marked) => {
    expect(rule(marked)).toBeUndefined();
  });
});

describe("ready-to-paste rows", () => {
  const undated: DataRow = {
    dataset: "dang-vien",
    id: "th-dang-vien",
    line: 2,
    period: "",
    periodKind: "as_of_undated",
    unit: "Đảng bộ huyện Tuyên Hóa",
    values: { status: "tong-so", count: 6001 },
  };

  function laidOut(body: string, rows: DataRow[], header: string[]) {
    return layoutAll(drafts(body), {
      facts: FACTS,
      headers: { "dang-vien": header },
      rows,
      taken: new Map([["dang-vien", new Set(rows.map((r) => r.id))]]),
    });
  }

  const HEADER =
    "id,unit,province,district,period,period_kind,status,count,part_of,split,derived,source,quote,note".split(
      ",",
    );

  it("a CSV line in the file's header order, the unit's undated figure listed and kept apart", () => {
    const [total] = laidOut("Đảng bộ huyện hiện có 6.120 đảng viên.", [undated], HEADER);
    expect(total!.header).toEqual(HEADER);
    expect(total!.csv).toBe(
      "bai-thu-dang-vien-2024-03-15,Đảng bộ huyện Tuyên Hóa,Quảng Bình,Tuyên Hóa,2024-03-15,as_reported,tong-so,6.120,,,0,bai-thu,Đảng bộ huyện hiện có 6.120 đảng viên,",
    );
    expect(total!.sameUnit.map((r) => r.id)).toEqual(["th-dang-vien"]);
    expect(total!.alreadyIn).toBeNull();
  });

  it("a figure the data already holds for the unit and period is marked as such", () => {
    const held = {
      ...undated,
      id: "th-dang-vien-2024",
      period: "2024-03-15",
      periodKind: "as_reported",
      values: { status: "tong-so", count: 6120 },
    };
    const [total] = laidOut("Đảng bộ huyện hiện có 6.120 đảng viên.", [undated, held], HEADER);
    expect(total!.alreadyIn).toMatchObject({ id: "th-dang-vien-2024" });
  });

  it("a qualifier the file has no column for: the header with it, and what to do", () => {
    const [row] = laidOut("Chi bộ hiện có khoảng 300 đảng viên.", [], HEADER);
    expect(row!.missingColumns).toEqual(["qualifier"]);
    expect(row!.header.slice(6, 10)).toEqual(["status", "count", "qualifier", "part_of"]);
    expect(row!.row.qualifier).toBe("khoảng");
  });

  it("required cells the source does not give are named, never filled in", () => {
    const [row] = layoutAll(drafts("Có 25 tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên."), {
      facts: FACTS,
      headers: {},
      rows: [],
      taken: new Map(),
    });
    expect(row!.row).toMatchObject({ count: "25", qualifier: "trở lên" });
    expect(row!.row).not.toHaveProperty("rated");
    expect(row!.csv).toContain(",hoan-thanh-tot,trở lên,25,,,0,");
    expect(row!.notes).toEqual([
      "câu không có từ chỉ thời gian (không lấy năm của câu khác)",
      "cột bắt buộc còn trống: rated (Số được xếp loại), percent (Tỉ lệ (%)) — điền theo bài; bài không nêu thì hỏi người phụ trách dữ liệu, không tự tính",
    ]);
  });

  it("no dataset fits: no row, and a note saying what to do", () => {
    const [row] = laidOut("Năm 2023, tỉ lệ đạt 95%.", [], HEADER);
    expect(row!.dataset).toBeNull();
    expect(row!.csv).toBe("");
    expect(row!.notes.at(-1)).toContain("Số không đưa vào dữ liệu");
  });
});

describe("the five committed articles, as if nothing were entered yet", () => {
  it("each entered number is proposed for the dataset it was entered in (one known exception)", () => {
    const { datasets } = loadAllDatasets();
    const dir = contentDir();
    const misses: string[] = [];
    for (const article of coverageOf(datasets, dir, articleSlugs(dir))) {
      const mdx = readFileSync(join(dir, `${article.slug}.mdx`), "utf8");
      const fresh = articleCoverage(article.slug, mdx, [], []);
      const rows = draftRows(fresh.uncovered, articleFacts(article.slug, mdx));
      for (const n of article.covered) {
        const row = rows.find((d) =>
          d.numbers.some((m) => m.line === n.line && m.column === n.column),
        );
        if (!n.rows.some((r) => r.dataset === row?.dataset))
          misses.push(`${n.token} → ${row?.dataset} (${n.rows.map((r) => r.id).join(", ")})`);
      }
    }
    // “giao ước thi đua … giữa 55 Chi bộ ấp”: the noun wins over the sentence's verb.
    expect(misses).toEqual(["55 → to-chuc-dang (tb-giao-uoc-thi-dua-chi-bo-ap-khom)"]);
  });
});
