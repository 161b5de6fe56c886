// One article-form request's figures, as the article page runs them: shown first with nothing
// decided, then posted back with three figures confirmed from the fieldset's own fields; the rows
// pass data:check and become the files of the publication.
import { afterEach, describe, expect, it } from "vitest";
import { figureFiles } from "../../../src/server/newsroom/figure-files.ts";
import { figuresStep } from "../../../src/server/newsroom/figures-step.ts";
import { cleanUp, dataBefore, newsWith, THANH_BINH } from "./figure-fixture.ts";
import { posted } from "./form-fields.ts";

afterEach(cleanUp);

describe("figuresStep", () => {
  it("shows the proposals, then checks and publishes the three figures the editor confirms", () => {
    const article = THANH_BINH();
    const ALL = () => true;
    const dataDir = dataBefore(article.slug, { "ket-nap": ALL, "huy-hieu": ALL });
    const options = { dataDir, newsDir: newsWith(article) };
    const first = figuresStep(undefined, article, options);
    expect(first).toMatchObject({ ok: true, rows: [], checks: [], problems: [] });
    const form = posted(first.html);
    const pick = (words: string) => first.figures.proposals.find((p) => p.quote.includes(words))!.n;
    for (const n of [pick("kết nạp 218"), pick("chính thức 54"), pick("cho 42 đồng chí")])
      form[`figure.${n}.decision`] = ["confirm"];
    form[`figure.${pick("cho 42 đồng chí")}.cell.action`] = ["de-nghi-tang"];
    const second = figuresStep(form, article, options);
    expect(second.problems).toEqual([]);
    expect(second.rows.map((r) => [r.dataset, r.cells.count])).toEqual([
      ["ket-nap", "218"],
      ["ket-nap", "54"],
      ["huy-hieu", "42"],
    ]);
    expect(second.checks.map((c) => c.ok)).toEqual([true, true, true]);
    expect(second.ok).toBe(true);
    expect(second.html.match(/data-ok="true"/g)).toHaveLength(3);
    const files = figureFiles(second.rows, { article, ...options });
    expect(files.map((f) => f.path)).toEqual(["data/ket-nap.csv", "data/huy-hieu.csv"]);
  });

  it("answers in Vietnamese, without throwing, when the article's frontmatter cannot be read", () => {
    const step = figuresStep(
      { "figure.0.decision": ["confirm"] },
      { slug: "bai-hong", mdx: '---\ntitle: "chưa đóng\n---\n\nCó 12 chi bộ.\n' },
    );
    expect(step).toMatchObject({ ok: false, rows: [], checks: [] });
    expect(step.html).toContain("Chưa đọc được phần đầu của bài");
  });
});
