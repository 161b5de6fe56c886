// The built data pages and downloads: every dataset has a page, a CSV (BOM, formulas neutralised),
// a CSV for Excel in Vietnamese (`;`, decimal comma) and a JSON file, and the page's table holds exactly the CSV's rows plus the source's gaps.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { bodyOf, elementHtml, textOf } from "../helpers/html.ts";
import { DIST } from "../helpers/server.ts";
import { DATASET_IDS, DATASETS, loadAllDatasets } from "../../src/lib/data/index.ts";
import { columnsOf } from "../../src/lib/data/present.ts";
import { derivedRows } from "../../src/lib/data/derived.ts";

const { datasets } = loadAllDatasets();
const read = (...path: string[]) => readFileSync(resolve(DIST, ...path), "utf8");

describe("/du-lieu/", () => {
  const body = bodyOf(read("du-lieu", "index.html"));
  const text = textOf(body);

  it("links every dataset with its row count", () => {
    for (const id of DATASET_IDS) {
      expect(body).toContain(`href="/du-lieu/${id}/"`);
      expect(text).toContain(DATASETS[id].title);
    }
    const table = elementHtml(body, "tbody")[0] ?? "";
    const counts = [...table.matchAll(/<td class="num"[^>]*>(\d+)<\/td>/g)].map((m) =>
      Number(m[1]),
    );
    expect(counts).toEqual(DATASET_IDS.map((id) => datasets[id].rows.length));
  });

  it("lists the years that have figures, not a span", () => {
    // ket-nap has 2014 (Khối các cơ quan), 2020 (Lạng Sơn) and 2022 (Thanh Bình).
    const row = elementHtml(elementHtml(body, "tbody")[0] ?? "", "tr").find((r) =>
      r.includes('href="/du-lieu/ket-nap/"'),
    );
    expect(textOf(row ?? "")).toContain("2014, 2020, 2022");
    expect(text).not.toMatch(/\d{4}–\d{4}/);
  });

  it("names the article that has no figures", () => {
    expect(text).toContain("Bài không có số liệu");
    expect(body).toContain(
      'href="/tin-tuc/cao-lanh-doi-moi-phuong-thuc-lanh-dao-to-chuc-co-so-dang/"',
    );
  });
});

describe.each(DATASET_IDS.map((id) => [id] as const))("/du-lieu/%s/", (id) => {
  const dataset = datasets[id];
  const columns = Object.keys(DATASETS[id].schema.shape);
  const html = read("du-lieu", id, "index.html");
  const body = bodyOf(html);
  const csv = read("du-lieu", `${id}.csv`);
  const parsed = Papa.parse<string[]>(csv.replace(/^\ufeff/, ""), { skipEmptyLines: true });
  // The source's rows, then the derived remainders (data/derived.ts), in every download.
  const downloadIds = [...dataset.rows, ...derivedRows(id, dataset.rows).map((d) => d.row)].map(
    (r) => r.id,
  );

  it("is a Vietnamese page with the dataset's title, description and last change date", () => {
    expect(html).toMatch(/<html[^>]*\slang="vi"/);
    const text = textOf(body);
    expect(text).toContain(DATASETS[id].title);
    expect(text).toContain(DATASETS[id].description);
    expect(text).toMatch(
      /Cập nhật lần cuối \d{2}\/\d{2}\/\d{4} \(theo (lịch sử git|thời điểm sửa tệp)\)/,
    );
  });

  it("shows an accessible table with one row per CSV row, plus one per gap", () => {
    // The dataset's own table (charts on the page bring tables of their own).
    const table = /<table class="dataset-table"[\s\S]*?<\/table>/.exec(body)?.[0] ?? "";
    expect(table).toMatch(/<caption\b/);
    expect(table).toMatch(/<th scope="col"/);
    const rows = elementHtml(elementHtml(table, "tbody")[0] ?? "", "tr");
    // Derived remainders (data/derived.ts) are rows of the table and of the downloads alike.
    const derived = derivedRows(id, dataset.rows);
    expect(rows).toHaveLength(dataset.rows.length + derived.length);
    expect(parsed.data.length - 1).toBe(dataset.rows.length + derived.length);
    for (const row of dataset.rows) expect(table).toContain(`id="${row.id}"`);
    expect(rows.filter((r) => r.includes("Không rõ:"))).toHaveLength(derived.length);
    expect(derived.length).toBeGreaterThanOrEqual(dataset.gaps.length);
  });

  it("links its sources and both downloads", () => {
    for (const slug of new Set(dataset.rows.map((r) => r.source))) {
      expect(body).toContain(`href="/tin-tuc/${slug}/"`);
      expect(existsSync(resolve(DIST, "tin-tuc", slug, "index.html"))).toBe(true);
    }
    expect(body).toContain(`href="/du-lieu/${id}.csv"`);
    expect(body).toContain(`href="/du-lieu/${id}.json"`);
    expect(body).toContain(`href="/du-lieu/${id}-excel.csv"`);
    const text = textOf(body);
    expect(text).toContain("CSV cho Excel tiếng Việt");
    expect(text).toContain("CSV chuẩn");
  });

  it("offers a CSV for Excel in Vietnamese: BOM, no sep= line, `;` cells, decimal commas, same rows", () => {
    const excel = read("du-lieu", `${id}-excel.csv`);
    expect(excel.startsWith("\ufeff")).toBe(true);
    expect(excel).not.toMatch(/^\ufeff?sep=/i);
    const cells = Papa.parse<string[]>(excel.slice(1), { delimiter: ";", skipEmptyLines: true });
    expect(cells.errors).toEqual([]);
    expect(cells.data[0]).toEqual(columns);
    expect(cells.data.slice(1).map((r) => r[0])).toEqual(downloadIds);
    const decimals = columnsOf(DATASETS[id].schema).filter(
      (c) => c.kind === "decimal" || c.kind === "percent",
    );
    for (const [index, row] of dataset.rows.entries()) {
      for (const column of decimals) {
        const value = (row as Record<string, unknown>)[column.name];
        const cell = cells.data[index + 1]![columns.indexOf(column.name)];
        expect(cell).toBe(typeof value === "number" ? String(value).replace(".", ",") : "");
      }
    }
    for (const line of cells.data)
      for (const cell of line) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("offers a CSV with BOM, every column, every row, and no cell that runs as a formula", () => {
    expect(csv.startsWith("\ufeff")).toBe(true);
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual(columns);
    expect(parsed.data.slice(1).map((r) => r[0])).toEqual(downloadIds);
    for (const cells of parsed.data)
      for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("offers JSON with the same rows and the computed gaps", () => {
    const json = JSON.parse(read("du-lieu", `${id}.json`));
    expect(json.dataset).toBe(id);
    expect(json.columns.map((c: { name: string }) => c.name)).toEqual(columns);
    const derived = derivedRows(id, dataset.rows).map((d) => d.row);
    expect(json.rows.map((r: { id: string }) => r.id)).toEqual(
      [...dataset.rows, ...derived].map((r) => r.id),
    );
    for (const row of json.rows.slice(dataset.rows.length)) expect(row.derived).toBe(true);
    expect(json.gaps).toEqual(dataset.gaps);
  });
});

describe("/du-lieu/ket-nap/ charts", () => {
  it("sets its single values side by side as one row of key figures, not a stack of blocks", () => {
    const body = bodyOf(read("du-lieu", "ket-nap", "index.html"));
    const start = body.indexOf('class="dataset-charts__numbers');
    expect(start).toBeGreaterThan(0);
    const row = body.slice(start, body.indexOf("</section>", start));
    // Three periods and levels, each a number: Thanh Bình 2022, Lạng Sơn 2020, the bloc 2014.
    expect(row.match(/class="chart__number-unit"/g)?.length).toBe(3);
  });
});

describe("figures as readers see them", () => {
  // The number cells themselves, not the page text: every figure is also in the row's quote.
  const numberCells = (page: string, rowId: string) => {
    const row = new RegExp(`<tr id="${rowId}"[^>]*>([\\s\\S]*?)</tr>`).exec(page)?.[1] ?? "";
    return [...row.matchAll(/<td class="num"[^>]*>([\s\S]*?)<\/td>/g)].map((m) => textOf(m[1]!));
  };

  it("writes numbers the Vietnamese way and states the gaps", () => {
    const members = bodyOf(read("du-lieu", "dang-vien", "index.html"));
    expect(numberCells(members, "th-dang-vien")).toEqual(["6.001"]);
    expect(numberCells(members, "ls-dang-vien")).toEqual(["66.024"]);
    expect(numberCells(members, "kcq-dang-vien")).toEqual(["3.912"]);
    expect(numberCells(members, "kcq-dang-vien-chinh-thuc")).toEqual(["3.618"]);
    expect(numberCells(members, "kcq-dang-vien-du-bi")).toEqual(["294"]);
    const ratings = bodyOf(read("du-lieu", "xep-loai", "index.html"));
    expect(numberCells(ratings, "tb-2022-co-so-xuat-sac")).toEqual(["5", "30", "16,7%"]);
    expect(numberCells(ratings, "tb-2022-co-so-tot")).toEqual(["25", "30", "83,33%"]);
    expect(numberCells(ratings, "tb-2022-ca-nhan-xuat-sac")).toEqual(["5", "140", "3,6%"]);
    expect(numberCells(ratings, "tb-2022-ca-nhan-tot")).toEqual(["135", "140", "96,4%"]);
    expect(read("du-lieu", "xep-loai-excel.csv")).toContain(";5;30;16,7;0;");
    // A qualifier stays in the cell of the figure it qualifies, never in a column of its own.
    const training = bodyOf(read("du-lieu", "giao-duc-dao-tao", "index.html"));
    expect(numberCells(training, "kcq-2014-tuyen-truyen-thoi-su")).toEqual(["213", "trên 17.985"]);
    const organisations = textOf(bodyOf(read("du-lieu", "to-chuc-dang", "index.html")));
    expect(organisations).toContain("Không rõ: 5 (nguồn không nêu");
    expect(organisations).toContain("Không rõ: 1 (nguồn không nêu");
  });

  it("keeps the original site's counter total for the server's baseline", () => {
    const json = JSON.parse(read("du-lieu", "trang-goc.json"));
    const total = json.rows.find((r: { metric: string }) => r.metric === "total");
    expect(total.count).toBe(6264685);
  });
});
