// Dataset uploads at /quan-tri/du-lieu/ over real HTTP and a real SQLite file: a bien-tap checks
// a CSV saved from a spreadsheet and sees data:check's problems (400) or only the cells that
// change; nothing is written to data/. A kiem-duyet, a form without its CSRF token, an oversized
// file and a dataset id that is not one are all refused, in Vietnamese.
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataDir } from "../../src/lib/data/paths.ts";
import { hashPassword } from "../../src/server/staff/password.ts";
import { asExcelVi } from "../helpers/excel-csv.ts";
import { cookiesOf, csrfOf } from "../helpers/staff-http.ts";
import { BACKENDS } from "../helpers/stores.ts";
import { startApp, type TestApp } from "./harness.ts";

const PASSWORD = "mat-khau-du-dai-1";
const PAGE = "/quan-tri/du-lieu/";
const NOT_YET = "Chưa thể đăng số liệu từ trình duyệt";
const committed = readFileSync(join(dataDir(), "dang-vien.csv"), "utf8");
const lines = committed.trimEnd().split("\n");
/** The three kcq-dang-vien rows, whose period is empty in the committed file. */
const KCQ =
  /^(kcq-dang-vien[a-z-]*,Đảng bộ Khối các cơ quan tỉnh Lạng Sơn,Lạng Sơn,),,as_of_undated/gm;

/** One figure changed (6.001 → 47, a number its quote holds), one row added, one removed. */
function edited(): string {
  const rows = lines
    .map((l) => (l.startsWith("th-dang-vien,") ? l.replace(",6.001,", ",47,") : l))
    .filter((l) => !l.startsWith("ls-dang-vien,"));
  rows.push(lines[1]!.replace("th-dang-vien,", "th-dang-vien-moi,"));
  return `${rows.join("\n")}\n`;
}

/** Every file under data/ and its hash: what an upload must never change. */
const dataSnapshot = () =>
  readdirSync(dataDir())
    .filter((name) => name.endsWith(".csv"))
    .map((name) => [
      name,
      createHash("sha256")
        .update(readFileSync(join(dataDir(), name)))
        .digest("hex"),
    ]);

describe("dataset upload on sqlite", () => {
  let t: TestApp;
  let ip = 0;
  const clock = Date.parse("2026-12-01T03:00:00Z");
  const before = dataSnapshot();
  beforeAll(async () => {
    t = await startApp({
      backend: BACKENDS.find((b) => b.kind === "sqlite")!,
      now: () => clock,
      trustProxy: 1,
    });
    const hash = await hashPassword(PASSWORD);
    await t.stores.staff.putStaffAccount("bt", hash, new Date(clock), "bien-tap");
    await t.stores.staff.putStaffAccount("kd", hash, new Date(clock));
  }, 60_000);
  afterAll(() => t.close());

  const headers = (cookie: string) => ({ cookie, "x-forwarded-for": `10.8.0.${ip++ % 250}` });
  const get = (path: string, cookie: string) =>
    fetch(`${t.url}${path}`, { headers: headers(cookie), redirect: "manual" });
  async function signIn(username: string) {
    const page = await fetch(`${t.url}/quan-tri/`);
    const res = await fetch(`${t.url}/quan-tri/dang-nhap`, {
      method: "POST",
      headers: { ...headers(cookiesOf(page)), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrf: csrfOf(await page.text()), username, password: PASSWORD }),
      redirect: "manual",
    });
    const cookie = cookiesOf(res);
    return { cookie, csrf: csrfOf(await (await get("/quan-tri/", cookie)).text()) };
  }
  function upload(
    who: { cookie: string; csrf: string },
    file: Uint8Array | string,
    fields: Record<string, string> = {},
    name = "bang-tinh.csv",
  ) {
    const body = new FormData();
    for (const [k, v] of Object.entries({
      csrf: who.csrf,
      dataset: "dang-vien",
      action: "preview",
      ...fields,
    }))
      body.append(k, v);
    const bytes = typeof file === "string" ? file : Uint8Array.from(file);
    body.append("tep", new Blob([bytes], { type: "text/csv" }), name);
    return fetch(`${t.url}${PAGE}`, {
      method: "POST",
      headers: headers(who.cookie),
      body,
      redirect: "manual",
    });
  }

  it("shows a bien-tap the datasets and a form that needs no script", async () => {
    const bt = await signIn("bt");
    expect(await (await get("/quan-tri/", bt.cookie)).text()).toContain(
      `<a href="${PAGE}">Cập nhật số liệu</a>`,
    );
    const res = await get(PAGE, bt.cookie);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`<form method="post" action="${PAGE}" enctype="multipart/form-data">`);
    expect(html).toContain(`<input type="hidden" name="csrf" value="${bt.csrf}">`);
    expect(html).toContain(`<input id="tep" type="file" name="tep"`);
    expect(html).toContain(`<button name="action" value="preview">Kiểm tra</button>`);
    expect(html).toContain("Đảng viên (dang-vien)");
    expect(html).not.toContain("<script");
    const signedOut = await get(PAGE, "");
    expect([signedOut.status, signedOut.headers.get("location")]).toEqual([303, "/quan-tri/"]);
  });

  it("(a) the committed file saved by Excel vi-VN (BOM, semicolons, CRLF, sep=) changes nothing", async () => {
    const res = await upload(await signIn("bt"), asExcelVi(committed, { sepLine: true }));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Tệp không thay đổi gì so với dữ liệu đang đăng.");
    expect(html).toContain(NOT_YET);
    expect(html).not.toContain("<h3>");
  });

  it("(a) a committed date that Excel vi-VN saved as dd/mm/yyyy changes nothing either", async () => {
    // A committed copy whose rows carry a date (the real data has none) in a folder of its own.
    const dir = mkdtempSync(join(tmpdir(), "upload-data-"));
    const dated = committed.replaceAll(KCQ, "$1,2022-08-12,as_reported");
    writeFileSync(join(dir, "dang-vien.csv"), dated);
    process.env.DATA_DIR = dir;
    try {
      const excel = asExcelVi(dated.replaceAll(",2022-08-12,", ",12/08/2022,"));
      expect(excel.toString("utf8")).toContain(";12/08/2022;");
      const res = await upload(await signIn("bt"), excel);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain("Tệp không thay đổi gì so với dữ liệu đang đăng.");
      expect(html).toContain("đã được đổi về yyyy-mm-dd, dòng 4, 5, 6.");
    } finally {
      delete process.env.DATA_DIR;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("(b) one changed figure, one added and one removed row are exactly the diff", async () => {
    const res = await upload(await signIn("bt"), asExcelVi(edited()));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(
      `<h3>Dòng thêm (1)</h3><ul><li><code>th-dang-vien-moi</code> · Tổng số đảng viên</li></ul>`,
    );
    expect(html).toContain(
      `<h3>Dòng bỏ (1)</h3><ul><li><code>ls-dang-vien</code> · Tổng số đảng viên</li></ul>`,
    );
    const body = /<tbody>(.*?)<\/tbody>/.exec(html)?.[1];
    expect(body).toBe(
      `<tr><td><code>th-dang-vien</code></td><td>Số đảng viên</td><td><del>6.001</del></td><td><ins>47</ins></td></tr>`,
    );
    expect(html).toContain(NOT_YET);
  });

  it("(c) a file with an error gets data:check's message at line:column, 400", async () => {
    const res = await upload(
      await signIn("bt"),
      asExcelVi(edited().replace(",47,", ",-3,"), { sepLine: true }),
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain(
      "<strong>bang-tinh.csv:3:8 Số âm không hợp lệ cho số đếm: cột “count” = “-3” (negative-count)</strong>",
    );
    expect(html).toContain("có 1 lỗi; không có gì thay đổi");
    expect(html).not.toContain(NOT_YET);
  });

  it("escapes a file name sent as markup", async () => {
    const res = await upload(await signIn("bt"), committed, {}, `<img src=x onerror=alert(1)>.csv`);
    const html = await res.text();
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;.csv");
  });

  it("refuses a kiem-duyet (403, Vietnamese) on the page and the upload", async () => {
    const kd = await signIn("kd");
    expect(await (await get("/quan-tri/", kd.cookie)).text()).not.toContain(PAGE);
    const page = await get(PAGE, kd.cookie);
    expect(page.status).toBe(403);
    expect(await page.text()).toContain("không có quyền viết và đăng bài, số liệu");
    const res = await upload(kd, committed);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("vai trò Kiểm duyệt");
  });

  it("refuses a form without its session's CSRF token, or signed out (403)", async () => {
    const bt = await signIn("bt");
    for (const csrf of ["", "sai", (await signIn("kd")).csrf]) {
      const res = await upload({ ...bt, csrf }, committed);
      expect(res.status).toBe(403);
      expect(await res.text()).toContain("Biểu mẫu đã cũ hoặc không hợp lệ");
    }
    expect((await upload({ cookie: "", csrf: bt.csrf }, committed)).status).toBe(403);
  });

  it("refuses a file over 5 MB with a Vietnamese 413", async () => {
    const big = `${committed}${"x".repeat(5 * 1024 * 1024)}`;
    const res = await upload(await signIn("bt"), big);
    expect(res.status).toBe(413);
    expect(await res.text()).toContain("Tệp quá lớn: chỉ nhận tệp đến 5 MB");
  });

  it("refuses a dataset id that is not one, a missing file and an unknown action (400)", async () => {
    const bt = await signIn("bt");
    for (const dataset of ["__proto__", "constructor", "../x", "dang-vien.csv", ""]) {
      const res = await upload(bt, committed, { dataset });
      expect(res.status, dataset).toBe(400);
      expect(await res.text()).toContain("mời chọn một bộ trong danh sách");
    }
    const empty = await upload(bt, "");
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Chưa chọn tệp CSV");
    const xlsx = await upload(bt, Buffer.from("PK\x03\x04\x14\x00\x06\x00"), {}, "so-lieu.xlsx");
    expect(xlsx.status).toBe(400);
    expect(await xlsx.text()).toContain("là bảng tính Excel (.xlsx), không phải CSV");
    const unknown = await upload(bt, committed, { action: "delete" });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("Không rõ thao tác");
    // "Đăng" exists now; on this server the newsroom is off, and the page says so.
    const publish = await upload(bt, committed, { action: "publish" });
    expect(publish.status).toBe(503);
    expect(await publish.text()).toContain("Máy chủ này chưa bật xuất bản; không có gì thay đổi.");
    // A form posted without its file part: a Vietnamese page, not English JSON.
    const plain = await fetch(`${t.url}${PAGE}`, {
      method: "POST",
      headers: { ...headers(bt.cookie), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrf: bt.csrf, dataset: "dang-vien", action: "preview" }),
      redirect: "manual",
    });
    expect(plain.status).toBe(400);
    expect(await plain.text()).toContain("Tệp phải được gửi bằng biểu mẫu “Cập nhật số liệu”");
  });

  it("wrote nothing under data/", () => {
    expect(dataSnapshot()).toEqual(before);
  });
});
