// The figures of a real capture (seed 004, Thanh Bình) in the newsroom, against the datasets as they
// stood before its admissions, badges, inspections and organisational work were entered: what the
// text states is proposed as printed, a qualifier is kept, no date is made up, and what the data
// already holds is shown with its file:line.
import { afterEach, describe, expect, it } from "vitest";
import { proposeFigures, type FigureProposal } from "../../../src/lib/newsroom/figures.ts";
import { normaliseText } from "../../../src/lib/data/sources.ts";
import {
  BEFORE_TB,
  cleanUp,
  dataBefore,
  KHOI_LANG_SON,
  ROOT,
  THANH_BINH,
} from "./figure-fixture.ts";

afterEach(cleanUp);

const byQuote = (proposals: FigureProposal[], words: string) => {
  const found = proposals.filter((p) => p.quote.includes(words));
  expect(found, words).toHaveLength(1);
  return found[0]!;
};

describe("proposeFigures on the Thanh Bình capture", () => {
  it("proposes each stated figure with its quote, numbers as printed and the sentence's own period", () => {
    const article = THANH_BINH();
    const { proposals, dataIssues } = proposeFigures(article, {
      dataDir: dataBefore(article.slug, BEFORE_TB),
    });
    expect(dataIssues).toBe(0);
    const text = normaliseText(article.mdx);
    for (const p of proposals) {
      expect(text).toContain(normaliseText(p.quote));
      for (const n of p.numbers) expect(p.quote + p.sentence).toContain(n.token);
      expect(p.row.source).toBe(article.slug);
    }
    const admitted = byQuote(proposals, "kết nạp 218 đảng viên mới");
    expect(admitted).toMatchObject({
      dataset: "ket-nap",
      period: "2022",
      periodKind: "year",
      periodWords: "Năm 2022",
      qualifier: null,
      existing: null,
      unknown: [],
    });
    expect(admitted.numbers.map((n) => n.token)).toEqual(["218", "100"]);
    // The body's 7th block as the editor sees it (the photo caption is the 2nd).
    expect(admitted.paragraph).toBe(7);
    expect(admitted.row).toMatchObject({
      count: "218",
      percent_of_target: "100",
      measure: "ket-nap",
    });
    // The source gives a percentage, never the planned number: the target stays blank.
    expect(admitted.row.target ?? "").toBe("");
    const badges = byQuote(proposals, "đề nghị tặng Huy hiệu Đảng cho 71 đồng chí");
    expect(badges.row).toMatchObject({ count: "71", action: "de-nghi-tang" });
    expect(badges.unknown).toEqual([]);
    // “Trong đó, tặng Huy hiệu 30 năm tuổi Đảng cho 42 đồng chí”: “tặng” alone does not say which.
    const thirty = byQuote(proposals, "30 năm tuổi Đảng cho 42 đồng chí");
    expect(thirty.row).toMatchObject({ years: "30", count: "42" });
    expect(thirty.unknown).toEqual([{ column: "action", title: "Việc" }]);
  });

  it("invents no date: a sentence without time words is “as reported” on the article's own day", () => {
    const article = THANH_BINH();
    const { proposals } = proposeFigures(article, { dataDir: dataBefore(article.slug, BEFORE_TB) });
    const party = byQuote(proposals, "213/213 chi bộ");
    expect(party).toMatchObject({
      period: "2023-02-28",
      periodKind: "as_reported",
      periodWords: null,
    });
    expect(party.notes.join(" ")).toContain("không lấy năm của câu khác");
    const undated = proposeFigures(
      { ...article, mdx: article.mdx.replace(/^published: .*\n/m, "") },
      { dataDir: dataBefore(article.slug, BEFORE_TB) },
    );
    const same = byQuote(undated.proposals, "213/213 chi bộ");
    expect(same).toMatchObject({ period: "", periodKind: "as_of_undated" });
  });

  it("shows the figures the datasets already hold, with file:line", () => {
    const article = THANH_BINH();
    const { cited, proposals } = proposeFigures(article, {
      dataDir: dataBefore(article.slug, BEFORE_TB),
    });
    // “có 8/40 tập thể hoàn thành xuất sắc nhiệm vụ”: a rating row already holds it.
    const eight = cited.find((c) => c.token === "8");
    expect(eight?.rows.map((r) => r.place)).toEqual(["data/xep-loai.csv:2"]);
    expect(proposals.some((p) => p.quote.includes("8/40"))).toBe(false);
    // Against the committed data every number of the article is already there.
    const all = proposeFigures(article, { dataDir: `${ROOT}/data` });
    expect(all.proposals).toEqual([]);
    const admitted = all.cited.find((c) => c.token === "218");
    expect(admitted?.rows[0]?.place).toMatch(/^data\/ket-nap\.csv:\d+$/);
  });

  it("keeps the qualifier the source writes (“trên 90%”, “trên 17.985”)", () => {
    const article = KHOI_LANG_SON();
    const dataDir = dataBefore(article.slug, {
      "chi-tieu": (line) => line.includes(",trên,"),
      "giao-duc-dao-tao": (line) => line.includes("17.985"),
    });
    const { proposals } = proposeFigures(article, { dataDir });
    const ninety = byQuote(proposals, "trên 90% quần chúng");
    expect(ninety).toMatchObject({ dataset: "chi-tieu", qualifier: "trên" });
    expect(ninety.row).toMatchObject({ percent: "90", qualifier: "trên" });
    const listeners = proposals.find((p) => p.row.participants === "17.985")!;
    expect(listeners.qualifier).toBe("trên");
    expect(listeners.row).toMatchObject({
      sessions: "213",
      session_unit: "buổi",
      participants_qualifier: "trên",
    });
  });
});
