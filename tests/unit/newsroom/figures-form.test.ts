// The figures fieldset of the article form: one item per proposal with decision radios and fields,
// figures already in the data shown as “đã có trong …” without a decision, hostile text escaped, and
// what the browser would post read back by readFigureDecisions to the same decisions.
import { resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { FigureDecision } from "../../../src/lib/newsroom/figure-rows.ts";
import { proposeFigures, type ArticleFigures } from "../../../src/lib/newsroom/figures.ts";
import {
  figureKey,
  figuresFieldset,
  readFigureDecisions,
} from "../../../src/server/newsroom/figures-form.ts";
import { textOf } from "../../helpers/html.ts";
import { posted } from "./form-fields.ts";
import { checkFigureRows } from "../../../src/lib/newsroom/figure-check.ts";
import { figureRows } from "../../../src/lib/newsroom/figure-rows.ts";
import {
  capturedArticle,
  cleanUp,
  dataBefore,
  newsWith,
  ROOT,
  THANH_BINH,
} from "./figure-fixture.ts";

afterEach(cleanUp);

/** The HTML of figure n's item, up to the next figure's. */
function itemOf(html: string, n: number): string {
  const rest = html.slice(html.indexOf(`<li class="figure" id="so-lieu-${n}"`));
  const next = rest.indexOf('<li class="figure" ', 1);
  return next === -1 ? rest : rest.slice(0, next);
}

function figures() {
  const article = THANH_BINH();
  const dataDir = dataBefore(article.slug, {
    "ket-nap": () => true,
    "huy-hieu": () => true,
    "cong-tac-to-chuc": () => true,
  });
  return { article, dataDir, figures: proposeFigures(article, { dataDir }) };
}

describe("figuresFieldset", () => {
  it("lists each proposal with decision, fields and Vietnamese labels; nothing is confirmed by default", () => {
    const { figures: f } = figures();
    const html = figuresFieldset(f);
    const admitted = f.proposals.find((p) => p.quote.includes("kết nạp 218"))!;
    expect(html).toContain(`name="figure.${admitted.n}.decision" value="confirm"`);
    for (const field of ["dataset", "unit", "period", "period_kind", "qualifier", "value", "quote"])
      expect(html).toContain(`name="figure.${admitted.n}.${field}"`);
    expect(html).toContain(`name="figure.${admitted.n}.cell.target"`);
    // Fields fold away when the proposal is complete; a blank the text leaves keeps them open.
    const item = (n: number) => itemOf(html, n);
    expect(item(admitted.n)).toContain('<details class="figure-fields"><summary>');
    const badges = f.proposals.find((p) => p.quote.includes("cho 42 đồng chí"))!;
    expect(item(badges.n)).toContain('<details class="figure-fields" open>');
    expect(textOf(item(badges.n))).toContain("Việc — bài không nêu, cần điền");
    const text = textOf(html);
    expect(text).toContain("Xác nhận");
    expect(text).toContain("Bỏ qua");
    expect(text).toContain("Kỳ: năm 2022 (bài viết “Năm 2022”)");
    const form = posted(html);
    expect(
      readFigureDecisions(form, f.proposals).decisions.every((d) => d.decision === "skip"),
    ).toBe(true);
    // The inspections were left in the data: shown as there, with file:line, and no decision.
    expect(text).toContain("4 (đoạn 8 của bài): đã có trong data/kiem-tra-giam-sat.csv:17");
  });

  it("shows a figure the data holds as “đã có trong …” without a decision, and ignores a forged one", () => {
    const { figures: f } = figures();
    const [first, ...rest] = f.proposals;
    const place = {
      file: "data/ket-nap.csv",
      line: 5,
      id: "tb-ket-nap-2022",
      place: "data/ket-nap.csv:5",
    };
    const withExisting = { ...f, proposals: [{ ...first!, existing: place }, ...rest] };
    const html = figuresFieldset(withExisting);
    expect(textOf(html)).toContain("Đã có trong data/ket-nap.csv:5 (mã tb-ket-nap-2022)");
    expect(html).not.toContain(`name="figure.${first!.n}.decision"`);
    const forged = { [`figure.${first!.n}.decision`]: ["confirm"] };
    expect(readFigureDecisions(forged, withExisting.proposals).decisions).toEqual(
      rest.map((p) => ({ n: p.n, decision: "skip" })),
    );
  });

  it("escapes hostile text and round-trips the editor's changes through readFigureDecisions", () => {
    const { figures: f } = figures();
    const hostile = `<script>alert(1)</script> {process.exit(1)} "><img src=x onerror=alert(1)>`;
    const [first, second, third] = f.proposals;
    const tampered: ArticleFigures = {
      ...f,
      proposals: [
        { ...first!, quote: hostile, notes: [hostile], row: { ...first!.row, unit: hostile } },
        ...f.proposals.slice(1),
      ],
    };
    const changed: Extract<FigureDecision, { decision: "change" }> = {
      n: first!.n,
      decision: "change",
      dataset: "to-chuc-dang",
      unit: hostile,
      period: "2022",
      periodKind: "year",
      qualifier: "khoảng",
      value: "{1+1}",
      quote: hostile,
      cells: { level: "co-so", kind: hostile, note: "</textarea><script>x</script>" },
    };
    const decisions: FigureDecision[] = [
      changed,
      {
        n: second!.n,
        decision: "confirm",
        cells: { activity: "Đại hội chi bộ", object: "chi bộ" },
      },
      { n: third!.n, decision: "skip" },
    ];
    const html = figuresFieldset(tampered, { decisions });
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain(
      "&lt;script&gt;alert(1)&lt;/script&gt; {process.exit(1)} &quot;&gt;&lt;img",
    );
    const read = readFigureDecisions(posted(html), tampered.proposals);
    expect(read.problems).toEqual([]);
    const mine = read.decisions.filter((d) => d.decision !== "skip" || d.n === third!.n);
    const change = mine[0] as Extract<FigureDecision, { decision: "change" }>;
    expect(change).toMatchObject({ ...changed, cells: expect.objectContaining(changed.cells) });
    expect(mine[1]).toMatchObject(decisions[1]!);
    expect(mine[2]).toEqual(decisions[2]);
  });

  it("reads own properties only and says in Vietnamese what it cannot read", () => {
    const { figures: f } = figures();
    const n = f.proposals[0]!.n;
    const form = Object.create({ [`figure.${n}.decision`]: ["confirm"] }) as Record<
      string,
      string[]
    >;
    expect(readFigureDecisions(form, f.proposals).decisions[0]).toEqual({ n, decision: "skip" });
    const bad = readFigureDecisions(
      {
        [`figure.${n}.decision`]: ["change"],
        [`figure.${n}.key`]: [figureKey(f.proposals[0]!)],
        [`figure.${n}.dataset`]: ["__proto__"],
        [`figure.${n}.period_kind`]: ["hom-qua"],
      },
      f.proposals,
    );
    expect(bad.problems).toHaveLength(1);
    expect(bad.problems[0]!.message).toContain(
      `Số liệu ${n + 1}: Bộ dữ liệu: chọn một bộ dữ liệu có sẵn`,
    );
    expect(bad.problems[0]!.message).toContain("Loại kỳ: chọn loại kỳ trong danh sách");
    const odd = readFigureDecisions({ [`figure.${n}.decision`]: ["publish"] }, f.proposals);
    expect(odd.problems[0]!.message).toContain("quyết định “publish” không hợp lệ");
  });

  it("shows data:check's message beside each checked row", () => {
    const { article, dataDir, figures: f } = figures();
    const admitted = f.proposals.find((p) => p.quote.includes("kết nạp 218"))!;
    const fifty = f.proposals.find((p) => p.quote.includes("chính thức 54"))!;
    const decisions: FigureDecision[] = [
      {
        n: admitted.n,
        decision: "change",
        dataset: "ket-nap",
        unit: admitted.row.unit!,
        period: "2022",
        periodKind: "year",
        qualifier: "",
        value: "-3",
        quote: admitted.quote,
        cells: {},
      },
      { n: fifty.n, decision: "confirm", cells: {} },
    ];
    const rows = figureRows(f.proposals, decisions, article.slug);
    const checks = checkFigureRows(rows, { article, dataDir, newsDir: newsWith(article) });
    const html = figuresFieldset(f, { decisions, checks });
    const item = (n: number) => itemOf(html, n);
    expect(item(admitted.n)).toContain('data-ok="false"');
    expect(textOf(item(admitted.n))).toContain("Số âm không hợp lệ cho số đếm");
    expect(textOf(item(fifty.n))).toContain(
      "Đúng quy tắc của data:check; sẽ thêm vào data/ket-nap.csv.",
    );
    // The posted change is kept in the fields, so the editor corrects it rather than retyping.
    expect(posted(html)[`figure.${admitted.n}.value`]).toEqual(["-3"]);
  });

  it("marks a number no dataset fits: no dataset chosen, confirm refused, place from the article", () => {
    // Seed 001 under a new name: “27 biểu hiện suy thoái” is no dataset figure (data/README.md lists
    // it for the committed article only).
    const article = capturedArticle("001_49afc080ee8d0b53.txt", "lang-son-bai-moi", {
      province: "Lạng Sơn",
      unit: "Ngành tổ chức xây dựng Đảng tỉnh Lạng Sơn",
    });
    const f = proposeFigures(article, { dataDir: resolve(ROOT, "data") });
    const loose = f.proposals.find((p) => p.quote.includes("27 biểu hiện"))!;
    expect(loose).toMatchObject({
      dataset: null,
      unknown: [{ column: "dataset", title: "Bộ dữ liệu" }],
    });
    expect(loose.row).toEqual({
      unit: "Ngành tổ chức xây dựng Đảng tỉnh Lạng Sơn",
      province: "Lạng Sơn",
      district: "",
      source: "lang-son-bai-moi",
    });
    const html = figuresFieldset(f);
    expect(html).toContain(`<option value="" selected>— chọn bộ dữ liệu —</option>`);
    expect(textOf(html)).toContain("chưa rõ bộ dữ liệu");
    const read = readFigureDecisions(
      {
        [`figure.${loose.n}.decision`]: ["confirm"],
        [`figure.${loose.n}.key`]: [figureKey(loose)],
      },
      f.proposals,
    );
    expect(read.problems).toEqual([
      {
        n: loose.n,
        message: `Số liệu ${loose.n + 1}: số này chưa có bộ dữ liệu: chọn “Sửa” rồi chọn bộ dữ liệu, hoặc “Bỏ qua”.`,
      },
    ]);
  });

  it("never lets a decision land on another figure after the text was edited", () => {
    const { article, dataDir, figures: f } = figures();
    const admitted = f.proposals.find((p) => p.quote.includes("kết nạp 218"))!;
    const form = posted(figuresFieldset(f));
    form[`figure.${admitted.n}.decision`] = ["confirm"];
    expect(readFigureDecisions(form, f.proposals).decisions).toContainEqual({
      n: admitted.n,
      decision: "confirm",
      cells: expect.any(Object),
    });
    // The editor adds a sentence with a number before it: the numbering of the figures moves on.
    const edited = {
      ...article,
      mdx: article.mdx.replace("Công tác tạo nguồn", "Huyện có 9 chi bộ mới. Công tác tạo nguồn"),
    };
    const moved = proposeFigures(edited, { dataDir }).proposals;
    const read = readFigureDecisions(form, moved);
    const landed = moved.find((p) => p.n === admitted.n)!;
    expect(landed.quote).not.toBe(admitted.quote);
    expect(read.decisions.find((d) => d.n === admitted.n)).toBeUndefined();
    expect(read.problems).toEqual([
      {
        n: admitted.n,
        message: `Số liệu ${admitted.n + 1}: lời bài đã đổi nên số liệu này không còn là số đã chọn: xem lại đề xuất rồi chọn lại.`,
      },
    ]);
  });
});
