// Downloads in Chromium: clicking the CSV, CSV-for-Excel and JSON links on a dataset page saves files whose
// content is the dataset (CSV with BOM for spreadsheets, JSON that parses).
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../helpers/browser.ts";
import { startServer, type RunningServer } from "../helpers/server.ts";
import { loadAllDatasets } from "../../src/lib/data/index.ts";

let server: RunningServer;
let browser: Browser;
let page: Page;
const { datasets } = loadAllDatasets();

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const context = await browser.newContext({ acceptDownloads: true });
  page = await context.newPage();
  await page.goto(`${server.url}/du-lieu/xep-loai/`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function download(name: RegExp) {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    // The dataset's own links (charts on the page offer downloads of their plotted rows too).
    page.locator(".downloads").getByRole("link", { name }).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

describe("dataset downloads", () => {
  it("CSV link saves the dataset as UTF-8 with BOM", async () => {
    const { name, bytes } = await download(/^CSV chuẩn$/);
    expect(name).toBe("xep-loai.csv");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8").slice(1);
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "id,unit,province,district,period,period_kind,group,rating,qualifier,count,rated,percent,derived,source,quote,note",
    );
    expect(lines).toHaveLength(datasets["xep-loai"].rows.length + 1);
    expect(text).toContain(
      'tb-2022-co-so-xuat-sac,Đảng bộ huyện Thanh Bình,Đồng Tháp,Thanh Bình,2022,year,"Chi bộ, đảng bộ cơ sở",hoan-thanh-xuat-sac,,5,30,16.7,0,',
    );
  });

  it("CSV for Excel in Vietnamese saves `;` cells with decimal commas, BOM and no sep= line", async () => {
    const { name, bytes } = await download(/^CSV cho Excel tiếng Việt$/);
    expect(name).toBe("xep-loai-excel.csv");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8").slice(1);
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "id;unit;province;district;period;period_kind;group;rating;qualifier;count;rated;percent;derived;source;quote;note",
    );
    expect(lines).toHaveLength(datasets["xep-loai"].rows.length + 1);
    expect(text).toContain(
      "tb-2022-co-so-xuat-sac;Đảng bộ huyện Thanh Bình;Đồng Tháp;Thanh Bình;2022;year;Chi bộ, đảng bộ cơ sở;hoan-thanh-xuat-sac;;5;30;16,7;0;",
    );
  });

  it("JSON link saves the same rows", async () => {
    const { name, bytes } = await download(/^JSON$/);
    expect(name).toBe("xep-loai.json");
    const json = JSON.parse(bytes.toString("utf8"));
    expect(json.rows.map((r: { id: string }) => r.id)).toEqual(
      datasets["xep-loai"].rows.map((r) => r.id),
    );
    expect(json.rows.find((r: { id: string }) => r.id === "tb-2022-co-so-tot").percent).toBe(83.33);
  });
});
