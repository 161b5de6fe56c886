// Confirmed figures of the Thanh Bình capture checked with data:check's own code and turned into the
// dataset files a publication writes: three confirmed rows are exactly three added rows (csv-diff),
// and the files pass the real `npm run data:check` with the new article; a bad row gets data:check's
// Vietnamese message; a figure the data already holds is said to be there and not added again.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { datasetDiff } from "../../../src/lib/data/csv-diff.ts";
import type { DatasetId } from "../../../src/lib/data/datasets.ts";
import { checkFigureRows } from "../../../src/lib/newsroom/figure-check.ts";
import { figureTexts, mergeFigureRows } from "../../../src/lib/newsroom/figure-merge.ts";
import {
  figureRow,
  figureRows,
  type FigureDecision,
} from "../../../src/lib/newsroom/figure-rows.ts";
import { proposeFigures, type FigureProposal } from "../../../src/lib/newsroom/figures.ts";
import { figureFiles } from "../../../src/server/newsroom/figure-files.ts";
import {
  BEFORE_TB,
  cleanUp,
  dataBefore,
  dataWith,
  KHOI_LANG_SON,
  newsWith,
  ROOT,
  THANH_BINH,
} from "./figure-fixture.ts";

afterEach(cleanUp);

function setUp() {
  const article = THANH_BINH();
  const dataDir = dataBefore(article.slug, BEFORE_TB);
  const newsDir = newsWith(article);
  const { proposals } = proposeFigures(article, { dataDir });
  const find = (words: string): FigureProposal => proposals.find((p) => p.quote.includes(words))!;
  return { article, dataDir, newsDir, proposals, find, options: { article, dataDir, newsDir } };
}

/** A change decision starting from the proposal as shown. */
function change(
  p: FigureProposal,
  edits: Partial<Extract<FigureDecision, { decision: "change" }>>,
) {
  return {
    n: p.n,
    decision: "change" as const,
    dataset: p.dataset as DatasetId,
    unit: p.row.unit ?? "",
    period: p.period,
    periodKind: p.periodKind,
    qualifier: "" as const,
    value: p.row.count ?? "",
    quote: p.quote,
    cells: {},
    ...edits,
  };
}

describe("confirmed figures", () => {
  it("three confirmed rows are exactly three added rows, and the files pass data:check with the article", () => {
    const { article, dataDir, newsDir, proposals, find, options } = setUp();
    const decisions: FigureDecision[] = [
      { n: find("kết nạp 218").n, decision: "confirm", cells: {} },
      { n: find("chính thức 54").n, decision: "confirm", cells: {} },
      // “Trong đó, tặng Huy hiệu 30 năm…”: the sentence itself does not say “đề nghị tặng” (the one
      // before does); the editor fills the blank the proposal marked.
      { n: find("cho 42 đồng chí").n, decision: "confirm", cells: { action: "de-nghi-tang" } },
      { n: find("213/213").n, decision: "skip" },
    ];
    const rows = figureRows(proposals, decisions, article.slug);
    expect(rows).toHaveLength(3);
    const checks = checkFigureRows(rows, options);
    expect(checks.map((c) => [c.ok, c.problems])).toEqual([
      [true, []],
      [true, []],
      [true, []],
    ]);
    expect(checks[0]!.message).toBe("Đúng quy tắc của data:check; sẽ thêm vào data/ket-nap.csv.");
    const files = figureFiles(rows, options);
    expect(files.map((f) => f.path).sort()).toEqual(["data/huy-hieu.csv", "data/ket-nap.csv"]);
    const added = files.flatMap((file) => {
      const id = file.path.slice(5, -4) as DatasetId;
      const diff = datasetDiff(id, readFileSync(join(dataDir, `${id}.csv`), "utf8"), file.text!);
      expect(diff.removed).toEqual([]);
      expect(diff.changed).toEqual([]);
      return diff.added.map((a) => a.id);
    });
    expect(added.sort()).toEqual(rows.map((r) => r.cells.id).sort());
    const after = dataWith(dataDir, files);
    const run = spawnSync(process.execPath, [resolve(ROOT, "src/cli/data-check.ts")], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: after, NEWS_DIR: newsDir },
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain("not-canonical");
    expect(run.stdout).not.toContain("Cảnh báo");
  });

  it("gives data:check's Vietnamese message beside a changed row with a bad value", () => {
    const { article, proposals, find, options } = setUp();
    const admitted = find("kết nạp 218");
    const party = find("213/213");
    const decisions: FigureDecision[] = [
      change(admitted, { value: "-3" }),
      change(party, {
        value: "214",
        cells: { activity: "Đại hội chi bộ trực thuộc", object: "chi bộ", total: "213" },
      }),
      change(find("chính thức 54"), { value: "54", cells: { target: "50" } }),
    ];
    const [negative, exceeds, percent] = checkFigureRows(
      figureRows(proposals, decisions, article.slug),
      options,
    );
    expect(negative!.ok).toBe(false);
    expect(negative!.message).toContain("Số âm không hợp lệ cho số đếm");
    expect(negative!.problems[0]).toMatchObject({ column: "count" });
    expect(exceeds!.ok).toBe(false);
    expect(exceeds!.message).toContain("Số đếm vượt quá tổng: 214 lớn hơn tổng 213");
    // A target the text does not state is refused: figures come from the source only.
    expect(percent!.ok).toBe(false);
    expect(percent!.message).toContain("Chỉ tiêu: Con số không có trong đoạn trích");
    const wrongPercent = checkFigureRows(
      figureRows(
        proposals,
        [change(admitted, { value: "218", cells: { target: "200" } })],
        article.slug,
      ),
      options,
    )[0]!;
    expect(wrongPercent.ok).toBe(false);
    expect(wrongPercent.message).toContain("Tỉ lệ phần trăm không khớp với số đếm");
    expect(wrongPercent.problems[0]!.fix).not.toBe("");
    expect(() =>
      figureFiles(
        figureRows(proposals, [change(admitted, { value: "-3" })], article.slug),
        options,
      ),
    ).toThrow(/Chưa đăng được số liệu của bài/);
  });

  it("says plainly when a unit is new to the data, and refuses a blank required cell", () => {
    const { article, proposals, find, options } = setUp();
    const [typo, blank] = checkFigureRows(
      figureRows(
        proposals,
        [
          change(find("kết nạp 218"), { unit: "Đảng bộ huyện Thanh Bìnhh" }),
          { n: find("cho 42 đồng chí").n, decision: "confirm", cells: {} },
        ],
        article.slug,
      ),
      options,
    );
    expect(typo!.ok).toBe(true);
    expect(typo!.notes.join(" ")).toContain(
      "đơn vị “Đảng bộ huyện Thanh Bìnhh” chưa có trong dữ liệu",
    );
    expect(blank!.ok).toBe(false);
    expect(blank!.message).toContain("Việc: Ô bắt buộc đang để trống");
  });

  it("flags a figure the data already holds and does not add it again", () => {
    const { article, proposals, find, newsDir } = setUp();
    const committed = resolve(ROOT, "data");
    const row = figureRow(
      find("kết nạp 218"),
      { n: 0, decision: "confirm", cells: {} },
      article.slug,
    )!;
    const [check] = checkFigureRows([row], { article, dataDir: committed, newsDir });
    expect(check!.existing?.place).toBe("data/ket-nap.csv:5");
    expect(check!.ok).toBe(true);
    expect(check!.message).toBe("Đã có trong data/ket-nap.csv:5; không thêm lần nữa.");
    expect(figureTexts([row], committed)).toEqual([]);
    // The same figure from another article (a second capture of the same report) is there too.
    const again = { ...row, cells: { ...row.cells, source: "bai-khac", id: "bai-khac-ket-nap" } };
    const [other] = checkFigureRows([again], {
      article: { ...article, slug: "bai-khac" },
      dataDir: committed,
      newsDir,
    });
    expect(other!.existing?.place).toBe("data/ket-nap.csv:5");
    // Confirmed twice in one form, the row is still added once.
    const { dataDir } = setUp();
    const twice = figureTexts([row, { ...row, n: 1 }], dataDir);
    const diff = datasetDiff(
      "ket-nap",
      readFileSync(join(dataDir, "ket-nap.csv"), "utf8"),
      twice[0]!.text,
    );
    expect(diff.added).toHaveLength(1);
    const [once, again2] = checkFigureRows([row, { ...row, n: row.n + 1 }], {
      article,
      dataDir,
      newsDir,
    });
    expect(once!.message).toBe("Đúng quy tắc của data:check; sẽ thêm vào data/ket-nap.csv.");
    expect(again2!.message).toBe(
      `Đã có trong data/ket-nap.csv (cùng dòng với số liệu ${row.n + 1}); không thêm lần nữa.`,
    );
    expect(proposals.length).toBeGreaterThan(3);
  });

  it("takes two rows that do not yet say what they count for two figures, not one", () => {
    const { dataDir } = setUp();
    const blank = {
      unit: "Đảng bộ huyện Thanh Bình",
      period: "2022",
      period_kind: "year",
      count: "1",
      activity: "",
      source: "thanh-binh-xay-dung-dang-sat-voi-thuc-tien",
    };
    const merged = mergeFigureRows(
      [
        { n: 4, dataset: "cong-tac-to-chuc", cells: { ...blank, id: "tb-a" } },
        { n: 5, dataset: "cong-tac-to-chuc", cells: { ...blank, id: "tb-b" } },
      ],
      dataDir,
    );
    expect([...merged[0]!.added.keys()]).toEqual([4, 5]);
    expect(merged[0]!.already.size).toBe(0);
  });

  it("refuses a change that drops the source's qualifier (“trên 90%” is not 90%)", () => {
    const article = KHOI_LANG_SON();
    const dataDir = dataBefore(article.slug, { "chi-tieu": (line) => line.includes(",trên,") });
    const options = { article, dataDir, newsDir: newsWith(article) };
    const { proposals } = proposeFigures(article, { dataDir });
    const ninety = proposals.find((p) => p.quote.includes("trên 90% quần chúng"))!;
    // The text names the target; the editor fills the blank the proposal marked.
    const target = { target: "Triển khai nghị quyết, chỉ thị đến quần chúng" };
    const kept = { n: ninety.n, decision: "confirm" as const, cells: target };
    const dropped = change(ninety, { qualifier: "", value: "90", cells: target });
    const [ok] = checkFigureRows(figureRows(proposals, [kept], article.slug), options);
    expect(ok!.ok).toBe(true);
    const [bad] = checkFigureRows(figureRows(proposals, [dropped], article.slug), options);
    expect(bad!.ok).toBe(false);
    expect(bad!.message).toContain("Đoạn trích có chữ chỉ mức");
  });
});
