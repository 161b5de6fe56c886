// <Chart> and <DataFigure> props: one schema each, with Vietnamese messages naming the prop and what
// to write; the article check runs the same schemas over the props written in an article.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CHART, DATA_FIGURE, parseProps } from "../../../src/lib/charts/component-props.ts";
import { propProblems } from "../../../src/lib/charts/component-tags.ts";
import { checkArticleText } from "../../../src/lib/content/article-check.ts";

const failure = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected the props to be refused");
};

describe("parseProps(CHART, props)", () => {
  it("gives a chart by id or by dataset, level 3 unless written", () => {
    expect(parseProps(CHART, { id: "ket-nap", level: 2 })).toEqual({ id: "ket-nap", level: 2 });
    expect(parseProps(CHART, { dataset: "ket-nap", source: "bai" })).toEqual({
      dataset: "ket-nap",
      source: "bai",
      level: 3,
    });
  });

  it("refuses a misspelt prop, naming it, the nearest right name and an example", () => {
    expect(failure(() => parseProps(CHART, { datset: "ket-nap" }))).toBe(
      '<Chart datset="ket-nap">: thuộc tính lạ “datset” (có phải “dataset”?); <Chart> chỉ có id, dataset, source, unit, level. Ví dụ: <Chart id="to-chuc-huyen-tuyen-hoa" level={2} /> hoặc <Chart dataset="ket-nap" source="thanh-binh-xay-dung-dang-sat-voi-thuc-tien" />',
    );
  });

  it.each([
    [{ id: "ket-nap", level: "2" }, "thuộc tính “level”: cần 2, 3 hoặc 4", "viết level={2}"],
    [{ id: "ket-nap", level: 5 }, "thuộc tính “level”: cần 2, 3 hoặc 4", "<Chart id="],
    [
      { dataset: "ket-nâp" },
      "không có biểu đồ nào vẽ từ bộ dữ liệu “ket-nâp”",
      "(có phải “ket-nap”?)",
    ],
    [{ dataset: "giao-duc-dao-tao" }, "“giao-duc-dao-tao”", "có biểu đồ: to-chuc-dang, dang-vien"],
    [{ id: 7 }, "thuộc tính “id”: cần mã biểu đồ trong ngoặc kép", "/bieu-do/<mã>/"],
    [{ id: "" }, "thuộc tính “id”: đang để trống", "Ví dụ:"],
    [{ level: 2 }, '<Chart level={2}>: cần id="<mã biểu đồ>" hoặc dataset="', "Ví dụ:"],
    [
      { id: "ket-nap", source: "bai" },
      "thuộc tính “source”: id đã chọn đúng một biểu đồ; bỏ source",
      "Ví dụ:",
    ],
  ])("refuses %j: %s", (props, says, andSays) => {
    const message = failure(() => parseProps(CHART, props));
    expect(message).toContain(says);
    expect(message).toContain(andSays);
  });
});

describe("parseProps(DATA_FIGURE, props)", () => {
  it("splits the row reference into its dataset and row id", () => {
    expect(parseProps(DATA_FIGURE, { row: "dang-vien#th-dang-vien" })).toEqual({
      row: { ref: "dang-vien#th-dang-vien", dataset: "dang-vien", id: "th-dang-vien" },
    });
  });

  it.each([
    [{ row: "dang-vien" }, "thuộc tính “row”: “dang-vien” thiếu id của dòng sau dấu #"],
    [
      { row: "dang-vin#th" },
      "thuộc tính “row”: không có bộ dữ liệu “dang-vin” (có phải “dang-vien”?)",
    ],
    [{}, 'thuộc tính “row”: cần "<tên tệp trong data/, bỏ .csv>#<id của dòng>"'],
    [{ row: "dang-vien#x", rows: "y" }, "thuộc tính lạ “rows” (có phải “row”?)"],
  ])("refuses %j: %s", (props, says) => {
    const message = failure(() => parseProps(DATA_FIGURE, props));
    expect(message).toContain(says);
    expect(message).toContain('Ví dụ: <DataFigure row="dang-vien#th-dang-vien">6.001</DataFigure>');
  });
});

describe("propProblems(body, firstLine)", () => {
  it("finds nothing wrong in right tags, over several lines or with code it cannot judge", () => {
    const body = [
      'Có <DataFigure row="dang-vien#th-dang-vien">6.001</DataFigure> đảng viên.',
      "",
      '<Chart id="x" level={2} />',
      '<Chart\n  dataset="ket-nap"\n  source={"bai"}\n/>',
      "<Chart id={chartId} />",
      '\\<Chart datset="chữ, không phải thẻ">',
    ].join("\n");
    expect(propProblems(body, 10)).toEqual([]);
  });

  it("names the line and column of the wrong prop, in the component's own words", () => {
    const body = 'Chữ.\n\n<Chart id="x"\n  levle={2} />\n\n<Chart dataset="ket-nap" level="2" />\n';
    expect(propProblems(body, 20)).toEqual([
      {
        line: 23,
        column: 3,
        message: expect.stringMatching(
          /^<Chart id="x" levle=\{2\}>: thuộc tính lạ “levle” \(có phải “level”\?\)/,
        ),
      },
      {
        line: 25,
        column: 26,
        message: expect.stringContaining(
          '<Chart dataset="ket-nap" level="2">: thuộc tính “level”: cần 2, 3 hoặc 4',
        ),
      },
    ]);
  });

  it("points at the tag when no one prop is to blame, leaving code props to the build", () => {
    expect(propProblems("<Chart level={3} />", 1)).toMatchObject([
      { line: 1, column: 1, message: expect.stringContaining('cần id="<mã biểu đồ>"') },
    ]);
    expect(propProblems("<Chart id={x} datset={y} />", 1)).toMatchObject([
      {
        line: 1,
        column: 15,
        message: expect.stringContaining("<Chart id={…} datset={…}>: thuộc tính lạ “datset”"),
      },
    ]);
  });
});

describe("checkArticleText", () => {
  it("reports a wrong prop with the file, line and column", () => {
    const file = "tuyen-hoa-cung-co-to-chuc-co-so-dang.mdx";
    const good = readFileSync(join(import.meta.dirname, "../../../content/news", file), "utf8");
    const lines = good.split("\n").length;
    const issues = checkArticleText("bai.mdx", `${good}\n<Chart id="x" level={7} />\n`);
    expect(issues).toEqual([
      {
        file: "bai.mdx",
        line: lines + 1,
        column: 15,
        key: "component-prop",
        message: expect.stringContaining(
          '<Chart id="x" level={7}>: thuộc tính “level”: cần 2, 3 hoặc 4',
        ),
      },
    ]);
  });
});
