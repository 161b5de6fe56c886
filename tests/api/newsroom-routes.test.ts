// The newsroom's pages and actions over real HTTP, a real content checkout (a temporary git
// repository) and real builds: a bien-tap checks a dataset upload and presses "Đăng"; the
// publication's page shows its state (and its JSON for the script), the history lists the commit
// by that member with its files and +/− lines and links to an escaped diff; "Hoàn tác" makes a
// revert commit. A kiem-duyet gets 403 on every page and action; a form without its CSRF token
// gets 403; with PUBLISH_DIR not a git checkout the newsroom says why (503) and the rest runs.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULTS } from "../../src/server/config.ts";
import type { RunningPublisher } from "../../src/server/newsroom/publisher.ts";
import { openNewsroom } from "../../src/server/newsroom/setup.ts";
import { hashPassword } from "../../src/server/staff/password.ts";
import { asExcelVi } from "../helpers/excel-csv.ts";
import { startNewsroomServer, type Checkout, type NewsroomServer } from "../helpers/newsroom.ts";
import {
  openNewsroomFixture,
  STAFF_PASSWORD,
  type NewsroomFixture,
} from "../helpers/newsroom-fixture.ts";
import { cookiesOf, csrfOf } from "../helpers/staff-http.ts";
import { writeFakeDist } from "./harness.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const BASE = "/quan-tri/xuat-ban/";
const BUILD_MINUTES = 6;

type Member = { cookie: string; csrf: string };

/** Sign-in and requests as a browser sends them (cookies, one address per request). */
function client(base: () => string) {
  let ip = 0;
  const headers = (cookie: string) => ({ cookie, "x-forwarded-for": `10.9.0.${ip++ % 250}` });
  const get = (path: string, cookie: string, accept = "text/html") =>
    fetch(`${base()}${path}`, { headers: { ...headers(cookie), accept }, redirect: "manual" });
  const post = (path: string, who: Member, fields: Record<string, string>, csrf = true) =>
    fetch(`${base()}${path}`, {
      method: "POST",
      headers: { ...headers(who.cookie), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...(csrf ? { csrf: who.csrf } : {}), ...fields }),
      redirect: "manual",
    });
  async function signIn(username: string): Promise<Member> {
    const page = await fetch(`${base()}/quan-tri/`);
    const res = await post(
      "/quan-tri/dang-nhap",
      { cookie: cookiesOf(page), csrf: csrfOf(await page.text()) },
      { username, password: STAFF_PASSWORD },
    );
    const cookie = cookiesOf(res);
    return { cookie, csrf: csrfOf(await (await get("/quan-tri/", cookie)).text()) };
  }
  function upload(who: Member, fields: Record<string, string>, file?: Uint8Array) {
    const body = new FormData();
    for (const [k, v] of Object.entries({ csrf: who.csrf, dataset: "dang-vien", ...fields }))
      body.append(k, v);
    if (file) body.append("tep", new Blob([Uint8Array.from(file)], { type: "text/csv" }), "t.csv");
    return fetch(`${base()}/quan-tri/du-lieu/`, {
      method: "POST",
      headers: headers(who.cookie),
      body,
      redirect: "manual",
    });
  }
  return { get, post, signIn, upload };
}

/** Two biên tập and a kiểm duyệt. */
const MEMBERS = { bt: "bien-tap", bt2: "bien-tap", kd: undefined } as const;

async function addMembers(server: NewsroomServer): Promise<void> {
  const hash = await hashPassword(STAFF_PASSWORD);
  for (const [name, role] of Object.entries(MEMBERS))
    await server.stores.staff.putStaffAccount(name, hash, new Date(), role);
}

describe("newsroom pages with a content checkout", () => {
  let newsroom: NewsroomFixture;
  let checkout: Checkout;
  let server: NewsroomServer;
  let publisher: RunningPublisher;
  const http = client(() => server.url);

  beforeAll(async () => {
    newsroom = await openNewsroomFixture({
      buildTimeoutMs: BUILD_MINUTES * 60_000,
      members: MEMBERS,
    });
    ({ checkout, server } = newsroom);
    publisher = newsroom.publisher();
  }, 20 * 60_000);
  afterAll(() => newsroom?.close("idle"));

  const committed = () => readFileSync(join(checkout.publishDir, "data/dang-vien.csv"), "utf8");
  /** One row's note longer (a figure would have to change in its articles' <DataFigure> too). */
  const NOTE_END = "không nói “đến hết năm”).";
  const original = readFileSync(join(ROOT, "data/dang-vien.csv"), "utf8");
  const edited = () => original.replace(NOTE_END, `${NOTE_END} Ghi chú thêm để thử.`);

  it(
    "a checked upload published with “Đăng”: state page, JSON, history, diff; then “Hoàn tác”",
    async () => {
      const bt = await http.signIn("bt");
      const start = checkout.head();
      const checked = await http.upload(bt, { action: "preview" }, asExcelVi(edited()));
      const html = await checked.text();
      expect(checked.status).toBe(200);
      expect(html).toContain(`<button name="action" value="publish">Đăng</button>`);
      const key = /name="upload" value="([^"]+)"/.exec(html)![1]!;
      // Another member cannot publish this member's checked file; nor can a form without CSRF.
      const other = await http.upload(await http.signIn("bt2"), { action: "publish", upload: key });
      expect(other.status).toBe(400);
      expect(await other.text()).toContain("không phải của bạn");
      const noCsrf = await http.upload({ ...bt, csrf: "" }, { action: "publish", upload: key });
      expect(noCsrf.status).toBe(403);

      const sent = await http.upload(bt, { action: "publish", upload: key });
      expect(sent.status).toBe(303);
      const jobUrl = sent.headers.get("location")!;
      expect(jobUrl).toMatch(/^\/quan-tri\/xuat-ban\/viec\/[0-9a-f]{16}\/$/);
      // The key is used up: a second press publishes nothing.
      expect((await http.upload(bt, { action: "publish", upload: key })).status).toBe(400);
      const waiting = await http.get(jobUrl, bt.cookie);
      const page = await waiting.text();
      expect(page).toMatch(/Trạng thái: <strong data-publication-label>(Chờ|Đang dựng)<\/strong>/);
      expect(page).toContain(`<script type="module" src="${BASE}trang-thai.js"></script>`);
      expect(waiting.headers.get("content-security-policy")).toContain("script-src 'self'");
      const script = await http.get(`${BASE}trang-thai.js`, bt.cookie);
      expect(script.headers.get("content-type")).toContain("text/javascript");
      expect(await script.text()).not.toContain(": StateAnswer");

      await publisher.idle();
      const done = await (await http.get(jobUrl, bt.cookie)).text();
      expect(done).toContain("Trạng thái: <strong data-publication-label>Đã đăng</strong>");
      expect(done).toContain(`<a data-link="page" href="/du-lieu/dang-vien/">Xem trên trang</a>`);
      const state = await (
        await http.get(`${jobUrl}trang-thai`, bt.cookie, "application/json")
      ).json();
      const commit = checkout.head();
      expect(state).toEqual({
        state: "published",
        label: "Đã đăng",
        links: { diff: `${BASE}${commit}/`, page: "/du-lieu/dang-vien/" },
      });
      expect(checkout.git("log", "--format=%an %s", `${start}..HEAD`).trim()).toBe(
        "bt Cập nhật số liệu: Đảng viên",
      );
      expect(committed()).toBe(edited());

      // An upload is compared with the checkout (now holding the longer note), not the project.
      const again = await http.upload(bt, { action: "preview" }, asExcelVi(original));
      const againHtml = await again.text();
      expect(againHtml).toContain("<h3>Ô thay đổi (1 dòng)</h3>");
      expect(againHtml).toContain(`<code>ls-dang-vien</code>`);

      const history = await (await http.get(BASE, bt.cookie)).text();
      expect(history).toContain(`<a href="${BASE}${commit}/">Cập nhật số liệu: Đảng viên</a>`);
      expect(history).toContain("<code>data/dang-vien.csv</code> <span");
      expect(history).toContain(">+1 −1</span>");
      expect(history).toMatch(/<time datetime="[^"]+">\d\d\/\d\d\/\d{4} \d\d:\d\d<\/time>/);
      const diff = await (await http.get(`${BASE}${commit}/`, bt.cookie)).text();
      expect(diff).toContain(`<p><bdi>bt</bdi> · <time datetime=`);
      expect(diff).toContain(`commit <code>${commit}</code>`);
      expect(diff).toContain("-ls-dang-vien,");
      expect(diff).toContain(`+ls-dang-vien,`);
      expect(diff).toContain(`${NOTE_END} Ghi chú thêm để thử.&quot;`);

      const undo = await http.post(`${BASE}hoan-tac`, bt, { commit, action: "undo" });
      expect(undo.status).toBe(303);
      await publisher.idle();
      const undone = await (await http.get(undo.headers.get("location")!, bt.cookie)).text();
      expect(undone).toContain("Đã đăng</strong>");
      expect(checkout.git("log", "-1", "--format=%an %s").trim()).toBe(
        "bt Hoàn tác: Cập nhật số liệu: Đảng viên",
      );
      expect(committed()).toBe(original);
      const after = await (await http.get(BASE, bt.cookie)).text();
      expect(after).toContain("Đã hoàn tác (");
      // Undoing it twice is refused; nothing is queued.
      const twice = await http.post(`${BASE}hoan-tac`, bt, { commit, action: "undo" });
      expect(twice.status).toBe(400);
      expect(publisher.list().length).toBe(2);
      const log = (await server.stores.staff.staffLog(10)).map((e) => `${e.actor} ${e.action}`);
      expect(log).toEqual(["bt published", "bt undo", "bt published", "bt publish"]);
    },
    BUILD_MINUTES * 2 * 60_000,
  );

  it("a kiem-duyet gets 403 in Vietnamese on every newsroom page and action", async () => {
    const kd = await http.signIn("kd");
    const commit = checkout.head();
    const id = publisher.list()[0]!.id;
    const pages = [
      BASE,
      `${BASE}trang-thai.js`,
      `${BASE}viec/${id}/`,
      `${BASE}${commit}/`,
      "/quan-tri/du-lieu/",
    ];
    for (const path of pages) {
      const res = await http.get(path, kd.cookie);
      expect(res.status, path).toBe(403);
      expect(await res.text()).toContain("không có quyền viết và đăng bài, số liệu");
    }
    const json = await http.get(`${BASE}viec/${id}/trang-thai`, kd.cookie, "application/json");
    expect([json.status, ((await json.json()) as { error: string }).error]).toEqual([
      403,
      expect.stringContaining("không có quyền"),
    ]);
    const undo = await http.post(`${BASE}hoan-tac`, kd, { commit, action: "undo" });
    expect(undo.status).toBe(403);
    const upload = await http.upload(kd, { action: "publish", upload: "x" });
    expect(upload.status).toBe(403);
    expect(publisher.list().length).toBe(2);
  });

  it("a form without its CSRF token gets 403 and changes nothing; signed out, pages go to sign-in", async () => {
    const bt = await http.signIn("bt");
    const head = checkout.head();
    const res = await http.post(`${BASE}hoan-tac`, bt, { commit: head, action: "undo" }, false);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("Biểu mẫu đã cũ hoặc không hợp lệ");
    expect(publisher.list().length).toBe(2);
    const out = await http.get(BASE, "");
    expect([out.status, out.headers.get("location")]).toEqual([303, "/quan-tri/"]);
    const unknown = await http.get(`${BASE}viec/0000000000000000/`, bt.cookie);
    expect(unknown.status).toBe(404);
    const notNewsroom = await http.post(`${BASE}hoan-tac`, bt, { commit: "0".repeat(40) });
    expect(notNewsroom.status).toBe(400);
    // The first commit of the checkout is not a publication: neither its diff nor its undo.
    const first = checkout.git("rev-list", "--max-parents=0", "HEAD").trim();
    expect((await http.get(`${BASE}${first}/`, bt.cookie)).status).toBe(404);
    expect((await http.post(`${BASE}hoan-tac`, bt, { commit: first })).status).toBe(400);
    expect(checkout.head()).toBe(head);
    // A publication that failed is listed above the history, linked to its page and message.
    const refused = publisher.submit({
      kind: "article",
      title: "<b>Bài lạ</b>",
      username: "bt",
      files: [{ path: "src/pages/index.astro", text: "x" }],
    });
    const history = await (await http.get(BASE, bt.cookie)).text();
    expect(history).toContain(
      `<li><a href="${BASE}viec/${refused.id}/">Lỗi: <bdi>&lt;b&gt;Bài lạ&lt;/b&gt;</bdi></a>`,
    );
    const job = await (await http.get(`${BASE}viec/${refused.id}/`, bt.cookie)).text();
    expect(job).toContain("Không được ghi «src/pages/index.astro»");
    expect(checkout.head()).toBe(head);
  });
});

describe("newsroom off: PUBLISH_DIR is not a git checkout", () => {
  let dir: string;
  let server: NewsroomServer;
  const http = client(() => server.url);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "portal-newsroom-off-"));
    writeFakeDist(join(dir, "dist"));
    server = await startNewsroomServer(join(dir, "dist"), (stores) =>
      openNewsroom({
        root: ROOT,
        distDir: join(dir, "dist"),
        settings: { ...DEFAULTS.publish, dir },
        staff: stores.staff,
      }),
    );
    await addMembers(server);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("newsroom pages say why (503); the upload check, the site and the API run as before", async () => {
    const bt = await http.signIn("bt");
    const res = await http.get(BASE, bt.cookie);
    expect(res.status).toBe(503);
    const html = await res.text();
    expect(html).toContain("Chưa bật xuất bản trên máy chủ này");
    expect(html).toContain("Thư mục xuất bản không phải một bản git");
    const undo = await http.post(`${BASE}hoan-tac`, bt, { commit: "0".repeat(40) });
    expect(undo.status).toBe(503);
    const kd = await http.get(BASE, (await http.signIn("kd")).cookie);
    expect(kd.status).toBe(403);
    const checked = await http.upload(
      bt,
      { action: "preview" },
      asExcelVi(readFileSync(join(ROOT, "data/dang-vien.csv"), "utf8")),
    );
    expect(checked.status).toBe(200);
    expect(await checked.text()).toContain("Chưa thể đăng số liệu từ trình duyệt");
    expect((await fetch(`${server.url}/`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});
