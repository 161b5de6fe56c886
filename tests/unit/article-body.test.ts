// The article body renderer (src/lib/content/article-body.ts): the HTML it writes is the HTML
// Astro's MDX (Sätteri, then Astro's JSX runtime) writes for the same body, components become
// slots with their props, and what an article may not hold is a Vietnamese error at its line and
// column, as the article check says before the build.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { satteriHeadingIdsPlugin } from "@astrojs/markdown-satteri";
import { parseFrontmatter } from "astro/markdown";
import * as jsxRuntime from "astro/jsx-runtime";
import { renderJSX } from "astro/runtime/server/jsx.js";
import { evaluate } from "satteri";
import { describe, expect, it } from "vitest";
import {
  ArticleBodyError,
  renderArticleBody,
  textHtml,
} from "../../src/lib/content/article-body.ts";
import { checkArticleText } from "../../src/lib/content/article-check.ts";
import { evaluateLiteral, NotALiteral } from "../../src/lib/content/literal.ts";
import { MDX_FEATURES } from "../../src/lib/content/mdx-features.ts";

const ROOT = join(import.meta.dirname, "../..");
const render = (body: string) => renderArticleBody(body, "bai.mdx");

/** The body as the build wrote it before: compiled by Sätteri, rendered by Astro's JSX runtime. */
async function astroMdx(body: string): Promise<string> {
  const options = {
    ...jsxRuntime,
    hastPlugins: [satteriHeadingIdsPlugin()],
    features: { ...MDX_FEATURES },
  };
  const mod = (await evaluate(body, options as never)) as { default: (props: object) => unknown };
  return String(await renderJSX({} as never, mod.default({})));
}

/** The error a body gives, as "line:column message" lines. */
function issuesOf(body: string): string[] {
  try {
    render(body);
  } catch (error) {
    if (error instanceof ArticleBodyError)
      return error.issues.map((i) => `${i.line}:${i.column} ${i.message}`);
    throw error;
  }
  return [];
}

describe("renderArticleBody: the HTML Astro's MDX writes", () => {
  it.each([
    ["paragraphs", "Đoạn một, 6.001 đảng viên.\n\nĐoạn hai: 16,7%."],
    ["escaped characters", "A & B \\< c > 'x' \"y\" \\{ \\} a &amp; b &#123; &copy; dấu \\\\"],
    ["headings with ids", "# Tiêu đề\n\n## Tiêu đề\n\n### Có `mã` và **đậm**!"],
    ["a GFM table", "| Loại | Số |\n|:-|-:|\n| Đảng bộ | 28 |\n| Chi bộ | 19 |"],
    ["lists and tasks", "- x\n- [ ] y\n- [x] z\n\n1. a\n2. b\n\n3. c"],
    ["quotes and inline marks", "> trích *nghiêng* **đậm** `mã` ~~gạch~~"],
    [
      "links, images, breaks",
      '[x](http://a.b?c=1&d=2 "t") ![ảnh](http://x/y.png)\n\na  \nb\n\n***',
    ],
    ["autolinks and footnotes", "http://vi.wikipedia.org\n\nChú thích[^1]\n\n[^1]: Ghi chú."],
    ["code", "```js\nconst a = 1 < 2;\n```\n\n    thụt lề"],
    ["an HTML tag as JSX", "Trên<br />dưới\n\n<br />"],
  ])("%s", async (_, body) => {
    expect(textHtml(render(body))).toBe(await astroMdx(body));
  });

  it("every committed article's text, components aside", async () => {
    const dir = join(ROOT, "content/news");
    for (const name of readdirSync(dir).filter((n) => n.endsWith(".mdx"))) {
      const { content } = parseFrontmatter(readFileSync(join(dir, name), "utf8"), {
        frontmatter: "empty-with-spaces",
      });
      // Without its components (whose HTML the page writes), the rest must match MDX's.
      const text = content
        .replace(/^import .*$/gm, "")
        .replace(/<(Chart|DataFigure|PhotoCaption)\b[^>]*\/>/g, "")
        .replace(/<\/?(DataFigure|PhotoCaption)\b[^>]*>/g, "");
      expect(textHtml(render(text)), name).toBe(await astroMdx(text));
    }
  });
});

describe("renderArticleBody: components as slots", () => {
  it("an inline <DataFigure> inside its paragraph", () => {
    expect(render('Có <DataFigure row="dang-vien#th-dang-vien">6.001</DataFigure> người.')).toEqual(
      [
        "<p>Có ",
        { component: "DataFigure", props: { row: "dang-vien#th-dang-vien" }, children: ["6.001"] },
        " người.</p>",
      ],
    );
  });

  it("a <Chart> with level={2} between paragraphs, the line breaks kept", () => {
    expect(render('A.\n\n<Chart id="to-chuc" level={2} />\n\nB.')).toEqual([
      "<p>A.</p>\n",
      { component: "Chart", props: { id: "to-chuc", level: 2 }, children: [] },
      "\n<p>B.</p>",
    ]);
  });

  it("a <PhotoCaption> with Markdown children", () => {
    expect(render("<PhotoCaption>**Ảnh**: [báo](http://x.vn) & \\{</PhotoCaption>")).toEqual([
      {
        component: "PhotoCaption",
        props: {},
        children: ['<strong>Ảnh</strong>: <a href="http://x.vn">báo</a> &amp; {'],
      },
    ]);
  });

  it("literal props: strings, numbers, booleans, arrays and objects", () => {
    const [chart] = render(
      `<Chart id='a' level={-2} wide hide={false} show={["x", 1]} o={{ a: "b", "c d": null }} />`,
    );
    expect(chart).toEqual({
      component: "Chart",
      props: {
        id: "a",
        level: -2,
        wide: true,
        hide: false,
        show: ["x", 1],
        o: { a: "b", "c d": null },
      },
      children: [],
    });
  });

  it("drops the known components' own import lines, and the line break after them", () => {
    const body = 'import Chart from "../../src/components/charts/Chart.astro";\n\nA.';
    expect(render(body)).toEqual(["<p>A.</p>"]);
  });
});

describe("renderArticleBody: what an article may not hold", () => {
  it("an expression, in Vietnamese at its line and column", () => {
    expect(issuesOf("Đoạn một.\n\nHai {1 + 1} ba.")).toEqual([
      "3:5 Dấu “{” trong lời bài bị đọc là mã MDX; muốn hiện đúng như bài thì viết \\{",
    ]);
  });

  it("an unknown component, with the nearest known name", () => {
    expect(issuesOf("A.\n\n<Photocaption>x</Photocaption>")[0]).toMatch(
      /^3:1 Thành phần “<Photocaption>” không có \(có phải “<PhotoCaption>”\?\)/,
    );
  });

  it("a prop that is code", () => {
    expect(issuesOf('<Chart id={"a" + "b"} />')).toEqual([
      "1:1 Thuộc tính “id” của “<Chart>” là mã; trong bài chỉ ghi giá trị: chữ trong ngoặc kép, số, true/false, hoặc danh sách [ … ] của chúng; ví dụ: level={2}",
    ]);
    expect(issuesOf("<Chart {...x} />")[0]).toMatch(/^1:1 Thuộc tính/);
  });

  it("any other import or export", () => {
    expect(issuesOf('import x from "y"\n\nexport const a = 1')).toEqual([
      '1:1 Dòng “import x from "y"” không dùng được trong bài: bài không chạy mã. <Chart>, <DataFigure>, <PhotoCaption> dùng được mà không cần import; xoá dòng này',
      "3:1 Dòng “export const a = 1” không dùng được trong bài: bài không chạy mã. <Chart>, <DataFigure>, <PhotoCaption> dùng được mà không cần import; xoá dòng này",
    ]);
  });

  it("MDX that does not parse, said as the preview says it", () => {
    expect(issuesOf("Đoạn một.\n\n<PhotoCaption>Ảnh: chú thích\n\nĐoạn hai.")).toEqual([
      "3:1 thẻ <PhotoCaption> chưa được đóng: thêm </PhotoCaption> ở cuối đoạn của nó",
    ]);
  });

  it("the error names the file", () => {
    expect(() => renderArticleBody("{x}", "content/news/bai.mdx")).toThrow(
      /^content\/news\/bai\.mdx:1:1 /,
    );
  });
});

describe("the article check and the renderer agree", () => {
  const head = readFileSync(
    join(ROOT, "content/news/tuyen-hoa-cung-co-to-chuc-co-so-dang.mdx"),
    "utf8",
  );
  const front = head.slice(0, head.indexOf("\n---", 4) + 4);
  it.each([
    ["A \\{ b \\} c \\< d.", true],
    ['<Chart id="x" level={2} />', true],
    ['import Chart from "../../src/components/charts/Chart.astro";\n\n<Chart id="x" />', true],
    ["<PhotoCaption>Ảnh: *BT*</PhotoCaption>", true],
    ["Hai {1 + 1} ba.", false],
    ["{x}", false],
    ["<Bang>x</Bang>", false],
    ['import Foo from "./Foo.astro"', false],
    ["export const a = 1", false],
  ])("%s", (body, accepted) => {
    const text = `${front}\n\n${body}\n`;
    const checked = checkArticleText("bai.mdx", text).filter((i) => i.key !== "component-prop");
    const { content } = parseFrontmatter(text, { frontmatter: "empty-with-spaces" });
    const rendered = issuesOf(content);
    expect(checked.length === 0, "article check").toBe(accepted);
    expect(rendered.length === 0, "renderer").toBe(accepted);
    // The renderer points where the check points (the check also names an expression's "}").
    const places = checked.map((c) => `${c.line}:${c.column}`);
    for (const issue of rendered) expect(places).toContain(issue.split(" ")[0]);
  });
});

describe("evaluateLiteral", () => {
  it.each([
    ["2", 2],
    ["-1.5e2", -150],
    ['"a\\"b"', 'a"b'],
    ["'x'", "x"],
    ["true", true],
    ["null", null],
    ['[1, "a", [false]]', [1, "a", [false]]],
    ['{ a: 1, "b": [2] }', { a: 1, b: [2] }],
  ])("%s", (code, value) => {
    expect(evaluateLiteral(code)).toEqual(value);
  });

  it.each(["x", "1 + 1", "f()", "`t`", "[1,", "{a}", "undefined", "{...a}", "1 2"])(
    "%s is code",
    (code) => {
      expect(() => evaluateLiteral(code)).toThrow(NotALiteral);
    },
  );

  it("a __proto__ key stays a plain key", () => {
    const value = evaluateLiteral('{ "__proto__": { "polluted": 1 } }') as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(["__proto__"]);
  });
});
