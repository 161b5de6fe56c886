// The newsroom's MDX template (src/lib/newsroom/article-mdx.ts): whatever the text, the file it
// writes compiles with Astro's MDX compiler, holds no ES module line, no expression and no
// component outside the known set, shows every field and paragraph exactly as typed, and passes
// the article check once the required fields are filled.
import { parseFrontmatter } from "astro/markdown";
import { describe, expect, it } from "vitest";
import { checkArticleText } from "../../src/lib/content/article-check.ts";
import { escapeMdx } from "../../src/lib/content/capture-mdx.ts";
import { MDX_COMPONENT_NAMES } from "../../src/lib/content/mdx-components.ts";
import {
  articleMdx,
  yamlString,
  type ArticleDraft,
  type DraftFields,
} from "../../src/lib/newsroom/article-mdx.ts";
import { compileMdxBody } from "../helpers/mdx.ts";

/** What a browser might send to make text become code, or markup change what readers see. */
const ATTEMPTS = [
  "{process.exit(1)}",
  "<script>alert(1)</script>",
  'import x from "y"',
  "export const a = 1",
  "<Chart id={1+1} />",
  "<Bogus onClick={() => 1}>x</Bogus>",
  "# không phải tiêu đề",
  "- không phải danh sách",
  "+ cũng không",
  "1. không phải danh sách số",
  "2) cũng không",
  "> không phải trích dẫn",
  "--- ",
  "***",
  "a &amp; b &#123; &copy;",
  "~~gạch~~ *nghiêng* _nghiêng_ **đậm** `mã`",
  "[liên kết](http://x.vn) ![ảnh](x.png)",
  "dấu \\ ngược \\{ và \\\\",
  "=== ",
  "<!-- chú thích -->",
  "Chữ có \u2028 dòng và \u0007 chuông, \ufeff BOM",
  "a | b\n--|--\nc | d",
];

const FIELDS: DraftFields = {
  title: "Huyện Thanh Bình: 218 đảng viên mới",
  kicker: "Đảng bộ huyện:",
  published: "2023-02-28T05:40:48",
  publishedLabel: "Cập nhật ngày",
  source: { outlet: "Báo Đồng Tháp", mark: "ĐTO" },
  locality: { province: "Đồng Tháp", district: "Thanh Bình" },
  unit: "Đảng bộ huyện Thanh Bình",
  author: { name: "TIẾN ĐẠT", role: "PV" },
  summary: "Năm 2022 kết nạp 218 đảng viên mới.",
  topics: ["phat-trien-dang-vien"],
};

/** The text as a reader sees it: one line, spaces collapsed around line breaks, controls gone. */
const shown = (text: string) =>
  text
    .replace(/(?![\t\n\r])\p{Cc}/gu, "")
    .replace(/\s*[\r\n\u2028\u2029]+\s*/g, " ")
    .trim();

async function compiled(draft: ArticleDraft) {
  const text = articleMdx(draft);
  const { frontmatter, content } = parseFrontmatter(text);
  return {
    text,
    data: frontmatter as Record<string, unknown>,
    body: await compileMdxBody(content),
  };
}

describe("articleMdx", () => {
  it.each(ATTEMPTS)("writes %j as text in every field and block", async (attempt) => {
    const draft: ArticleDraft = {
      fields: {
        ...FIELDS,
        title: attempt,
        unit: attempt,
        summary: attempt,
        kicker: attempt,
        author: { name: attempt },
        locality: { province: attempt, district: attempt },
      },
      body: [
        { kind: "paragraph", parts: [{ text: attempt }] },
        { kind: "paragraph", parts: [{ text: `Trước ${attempt} sau` }] },
        { kind: "caption", text: attempt },
        {
          kind: "paragraph",
          parts: [
            { text: attempt.trim() },
            { figure: attempt, row: "dang-vien#th-dang-vien" },
            { text: " đảng viên" },
          ],
        },
      ],
    };
    const { data, body } = await compiled(draft);
    for (const key of ["title", "unit", "summary", "kicker"])
      expect(data[key]).toBe(shown(attempt));
    expect(data.author).toEqual({ name: shown(attempt) });
    expect(data.locality).toEqual({ province: shown(attempt), district: shown(attempt) });
    expect(body.code).toEqual([]);
    expect(body.expressionProps).toEqual([]);
    expect(body.components.sort()).toEqual(["DataFigure", "PhotoCaption"]);
    expect(body.blocks.map((b) => b.text)).toEqual([
      shown(attempt),
      shown(`Trước ${attempt} sau`),
      shown(attempt),
      `${shown(attempt)}${shown(attempt)} đảng viên`,
    ]);
  });

  it("passes the article check, its schema and compiles, with charts and figures in place", async () => {
    const draft: ArticleDraft = {
      fields: { ...FIELDS, period: "năm 2022", periodYear: 2022 },
      body: [
        { kind: "paragraph", parts: [{ text: "ĐTO - Trong năm qua {không phải mã}." }] },
        { kind: "caption", text: "Đồng chí … kiểm tra (Ảnh: TĐ)" },
        {
          kind: "paragraph",
          parts: [
            { text: "Đảng bộ có " },
            { figure: "6.001", row: "dang-vien#th-dang-vien" },
            { text: " đảng viên." },
          ],
        },
        { kind: "chart", id: "to-chuc-huyen-tuyen-hoa" },
        { kind: "chart", dataset: "ket-nap", source: "bai-moi" },
      ],
    };
    const { text, data, body } = await compiled(draft);
    expect(checkArticleText("content/news/bai-moi.mdx", text)).toEqual([]);
    expect(data).toMatchObject({ periodYear: 2022, topics: ["phat-trien-dang-vien"] });
    expect(body.code).toEqual([]);
    // The one expression a template writes: a chart's heading level, a literal number.
    expect(body.expressionProps.map((p) => [p.name, (p.value as { value: string }).value])).toEqual(
      [
        ["level", "2"],
        ["level", "2"],
      ],
    );
    expect(
      body.components.every((n) => (MDX_COMPONENT_NAMES as readonly string[]).includes(n)),
    ).toBe(true);
    expect(body.blocks.map((b) => b.text)).toEqual([
      "ĐTO - Trong năm qua {không phải mã}.",
      "Đồng chí … kiểm tra (Ảnh: TĐ)",
      "Đảng bộ có 6.001 đảng viên.",
      "",
      "",
    ]);
    expect(text).toContain('<Chart id="to-chuc-huyen-tuyen-hoa" level={2} />');
    expect(text).toContain('<Chart dataset="ket-nap" source="bai-moi" level={2} />');
  });

  it("writes empty required fields as empty text, so the check names each one", () => {
    const text = articleMdx({
      fields: { ...FIELDS, unit: "", summary: "", topics: [], source: { outlet: "" } },
      body: [{ kind: "paragraph", parts: [{ text: "Đoạn." }] }],
    });
    const fields = checkArticleText("content/news/x.mdx", text).map((i) => i.message);
    expect(fields.join("\n")).toContain("“unit” đang để trống");
    expect(fields.join("\n")).toContain("“summary” đang để trống");
    expect(fields.join("\n")).toContain("“source.outlet” đang để trống");
    expect(fields.join("\n")).toContain("“topics”: chưa chọn chủ đề nào");
  });

  it("refuses a component prop that is not a name, rather than writing it", () => {
    const body = (b: ArticleDraft["body"][number]) => () =>
      articleMdx({ fields: FIELDS, body: [b] });
    expect(body({ kind: "chart", id: '" onload="x' })).toThrow(/not a name/);
    expect(body({ kind: "chart", id: "{1+1}" })).toThrow(/not a name/);
    expect(body({ kind: "chart", dataset: "ket-nap", source: "../x" })).toThrow(/not a name/);
    expect(body({ kind: "paragraph", parts: [{ figure: "1", row: 'a#b" x="' }] })).toThrow(
      /not a name/,
    );
  });

  it("quotes frontmatter so YAML reads back exactly the text", () => {
    for (const value of [
      'a "b" \\ c',
      "x: y # z",
      "- a",
      "{a}",
      "'q'",
      "\u0085\u2028\ufeff",
      "null",
      "2023",
    ]) {
      const { frontmatter } = parseFrontmatter(`---\nv: ${yamlString(value)}\n---\n`);
      expect((frontmatter as { v: unknown }).v).toBe(shown(value));
    }
  });

  it("escapeMdx: a numbered line start escapes its mark, not its digit", () => {
    expect(escapeMdx("1. Một")).toBe("1\\. Một");
    expect(escapeMdx("import x")).toBe("&#105;mport x");
    expect(escapeMdx("important")).toBe("important");
    expect(escapeMdx("a & b ~")).toBe("a \\& b \\~");
  });
});
