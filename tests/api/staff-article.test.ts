// The newsroom's article page at /quan-tri/bai-viet/moi/ over real HTTP and a real SQLite file: a
// bien-tap pastes a captured page and gets the form filled from it; preview and publish check the
// MDX our template writes; publish hands it to the publisher and redirects to the publication.
// A kiem-duyet, a form without its CSRF token, a path-escaping slug, an existing slug and MDX
// injection attempts are refused or written as text; nothing is ever written to the news folder.
// The publisher here records what it is given (the contract of publication.ts); the real one
// queues, builds and commits (its own tests).
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseFrontmatter } from "astro/markdown";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkArticleText } from "../../src/lib/content/article-check.ts";
import { readCapture } from "../../src/lib/content/capture.ts";
import { proposedSummary } from "../../src/lib/content/capture-mdx.ts";
import { contentDir } from "../../src/lib/data/paths.ts";
import { slugify } from "../../src/lib/slug.ts";
import type { FiguresSlot } from "../../src/server/newsroom/article-routes.ts";
import type { ArticlePreview } from "../../src/server/newsroom/preview-types.ts";
import type {
  Publication,
  PublicationRequest,
  Publisher,
} from "../../src/server/newsroom/publication.ts";
import { hashPassword } from "../../src/server/staff/password.ts";
import { decodeEntities } from "../helpers/html.ts";
import { compileMdxBody } from "../helpers/mdx.ts";
import { SEEDS_DIR } from "../helpers/seeds.ts";
import { cookiesOf, csrfOf } from "../helpers/staff-http.ts";
import { BACKENDS } from "../helpers/stores.ts";
import { startApp, type TestApp } from "./harness.ts";

const PASSWORD = "mat-khau-du-dai-1";
const PAGE = "/quan-tri/bai-viet/moi/";
const CAPTURE = readFileSync(join(SEEDS_DIR, "004_bff571ff9cb4532b.txt"), "utf8");
const SQLITE = BACKENDS.find((b) => b.kind === "sqlite")!;

/** The value an input or textarea of the page holds, decoded. */
function valueOf(html: string, name: string): string | undefined {
  const input = new RegExp(`<input [^>]*name="${name}"[^>]*value="([^"]*)"`).exec(html);
  if (input) return decodeEntities(input[1]!);
  const area = new RegExp(`<textarea [^>]*name="${name}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html);
  return area ? decodeEntities(area[1]!) : undefined;
}

/** The field's block: its label, its marks, its messages. */
const fieldBlock = (html: string, id: string) =>
  decodeEntities(new RegExp(`<label for="${id}">[\\s\\S]*?</div>`).exec(html)?.[0] ?? "");

/** Every file of a folder and its hash: what a page that only checks must never change. */
const snapshot = (dir: string) =>
  readdirSync(dir).map((name) => [
    name,
    createHash("sha256")
      .update(readFileSync(join(dir, name)))
      .digest("hex"),
  ]);

/** A filled form: the capture's fields and what it cannot know. */
function filled(fields: Record<string, string> = {}): [string, string][] {
  const capture = readCapture(CAPTURE);
  const title = capture.title!.text;
  const base: Record<string, string> = {
    title,
    published: "2023-02-28T05:40:48",
    publishedLabel: "Cập nhật ngày",
    "source.outlet": "ĐTO",
    "source.mark": "ĐTO",
    "locality.province": "Đồng Tháp",
    "locality.district": "Thanh Bình",
    unit: "Đảng bộ huyện Thanh Bình",
    "author.name": "TIẾN ĐẠT",
    summary: proposedSummary(capture)!,
    slug: "bai-thu-moi",
    body: "Đoạn một.\n\n[Ảnh] Chú thích ảnh\n\nĐoạn có [6.001](dang-vien#th-dang-vien) đảng viên.",
    ...fields,
  };
  return [...Object.entries(base), ["topics", "phat-trien-dang-vien"]];
}

describe("the article page", () => {
  let t: TestApp;
  let off: TestApp;
  let ip = 0;
  const newsDir = mkdtempSync(join(tmpdir(), "newsroom-news-"));
  cpSync(contentDir(), newsDir, { recursive: true });
  const before = snapshot(newsDir);
  const submitted: PublicationRequest[] = [];
  const previewed: { mdx: string; slug: string }[] = [];
  const publisher: Publisher = {
    submit(request) {
      submitted.push(request);
      const id = `p${submitted.length}`;
      return { ...request, id, state: "waiting", submittedAt: new Date().toISOString() };
    },
    get: (): Publication | undefined => undefined,
  };
  const preview: ArticlePreview = async (mdx, slug) => {
    previewed.push({ mdx, slug });
    return { ok: true, html: `<!doctype html><title>x</title><h1>Bản xem trước "${slug}"</h1>` };
  };

  /** The figures slot as another module fills it: its fieldset, a problem, a dataset file. */
  const figures: FiguresSlot = ({ action, slug, mdx, form }) => ({
    html: `<fieldset id="so-lieu"><legend>Số liệu của bài ${slug} (${action}, ${mdx.split("\n")[1]})</legend></fieldset>`,
    problems: form["so-lieu.loi"]
      ? [{ field: "so-lieu", message: "Dòng số liệu chưa xác nhận." }]
      : [],
    files: [{ path: "data/dang-vien.csv", text: "id\n" }],
  });

  beforeAll(async () => {
    t = await startApp({
      backend: SQLITE,
      trustProxy: 1,
      articlePage: { publisher, preview, newsDir, figures },
    });
    off = await startApp({
      backend: SQLITE,
      trustProxy: 1,
      articlePage: {
        publisher: null,
        newsroomOff: "không có git trong thư mục nội dung.",
        newsDir,
      },
    });
    const hash = await hashPassword(PASSWORD);
    for (const app of [t, off]) {
      await app.stores.staff.putStaffAccount("bt", hash, new Date(), "bien-tap");
      await app.stores.staff.putStaffAccount("kd", hash, new Date());
    }
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await off?.close();
    expect(snapshot(newsDir)).toEqual(before);
    rmSync(newsDir, { recursive: true, force: true });
  });

  const headers = (cookie: string) => ({ cookie, "x-forwarded-for": `10.9.0.${ip++ % 250}` });
  const get = (path: string, cookie: string, app = t) =>
    fetch(`${app.url}${path}`, { headers: headers(cookie), redirect: "manual" });
  async function signIn(username: string, app = t) {
    const page = await fetch(`${app.url}/quan-tri/`);
    const res = await fetch(`${app.url}/quan-tri/dang-nhap`, {
      method: "POST",
      headers: { ...headers(cookiesOf(page)), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrf: csrfOf(await page.text()), username, password: PASSWORD }),
      redirect: "manual",
    });
    const cookie = cookiesOf(res);
    return { cookie, csrf: csrfOf(await (await get("/quan-tri/", cookie, app)).text()), app };
  }
  type Who = Awaited<ReturnType<typeof signIn>>;
  const post = (who: Who, fields: [string, string][], csrf = who.csrf) =>
    fetch(`${who.app.url}${PAGE}`, {
      method: "POST",
      headers: { ...headers(who.cookie), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams([["csrf", csrf], ...fields]),
      redirect: "manual",
    });

  it("shows a bien-tap the paste box and the form, with the frontmatter's names and no script", async () => {
    const bt = await signIn("bt");
    expect(await (await get("/quan-tri/", bt.cookie)).text()).toContain(
      `<a href="${PAGE}">Viết bài mới</a>`,
    );
    const res = await get(PAGE, bt.cookie);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`<textarea id="f-captured" name="captured"`);
    expect(html).toContain(`<button name="action" value="read">`);
    for (const name of [
      "title",
      "kicker",
      "published",
      "publishedLabel",
      "source.outlet",
      "source.mark",
      "locality.province",
      "locality.district",
      "unit",
      "author.name",
      "author.role",
      "summary",
      "slug",
      "body",
    ]) {
      expect(valueOf(html, name), name).toBe("");
    }
    expect(html).toContain(`<input type="checkbox" name="topics" value="phat-trien-dang-vien">`);
    expect(html).toContain(`<button name="action" value="preview">Xem trước</button>`);
    expect(html).toContain(`<button name="action" value="publish">Đăng bài</button>`);
    // The site's values as choices.
    expect(html).toContain(`<datalist id="ds-provinces"><option value="Đồng Tháp">`);
    expect(html).toContain(`<option value="Đảng bộ huyện Thanh Bình">`);
    expect(html).not.toContain("<script");
  });

  it("reads a pasted page with article:new's reader and fills every field it can, marking the rest", async () => {
    const bt = await signIn("bt");
    const res = await post(bt, [
      ["action", "read"],
      ["captured", CAPTURE],
    ]);
    expect(res.status).toBe(200);
    const html = await res.text();
    const capture = readCapture(CAPTURE);
    expect(valueOf(html, "title")).toBe(capture.title!.text);
    expect(valueOf(html, "published")).toBe("2023-02-28T05:40:48");
    expect(valueOf(html, "publishedLabel")).toBe("Cập nhật ngày");
    expect(valueOf(html, "source.outlet")).toBe("ĐTO");
    expect(valueOf(html, "source.mark")).toBe("ĐTO");
    expect(valueOf(html, "author.name")).toBe("TIẾN ĐẠT");
    expect(valueOf(html, "summary")).toBe(proposedSummary(capture));
    expect(valueOf(html, "slug")).toBe(slugify(capture.title!.text));
    expect(valueOf(html, "unit")).toBe("");
    expect(valueOf(html, "locality.province")).toBe("");
    expect(fieldBlock(html, "f-unit")).toContain("Cần điền");
    expect(fieldBlock(html, "f-locality-province")).toContain("Cần điền");
    expect(fieldBlock(html, "f-title")).toContain(
      `Lấy từ dòng ${capture.title!.line} của trang đã chép`,
    );
    const body = valueOf(html, "body")!;
    expect(body.split("\n\n")).toHaveLength(capture.blocks.length);
    expect(body).toContain("[Ảnh] Đồng chí Phan Văn Thắng");
    expect(body.startsWith("ĐTO - Trong năm qua")).toBe(true);
    expect(valueOf(html, "captured")).toBe(CAPTURE.replace(/\r\n?/g, "\n"));
  });

  it("says plainly why a paste without a title or body cannot be read (400)", async () => {
    const bt = await signIn("bt");
    const res = await post(bt, [
      ["action", "read"],
      ["captured", "   "],
    ]);
    expect(res.status).toBe(400);
    expect(decodeEntities(await res.text())).toContain("Chưa dán trang nào");
  });

  it("previews through the preview it is given, in a sandboxed frame, with the MDX it would publish", async () => {
    const bt = await signIn("bt");
    const res = await post(bt, [...filled(), ["action", "preview"]]);
    const html = await res.text();
    expect(res.status, html).toBe(200);
    expect(html).toContain(`<iframe class="preview" sandbox title="Xem trước bài viết" srcdoc="`);
    // Still no script; the site's own styles and images load in the frame (it takes this policy).
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain(
      "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
    );
    expect(csp).not.toContain("script-src");
    expect((await get(PAGE, bt.cookie)).headers.get("content-security-policy")).toContain(
      "default-src 'none'; style-src 'unsafe-inline';",
    );
    expect(html).toContain("&lt;h1&gt;Bản xem trước &quot;bai-thu-moi&quot;&lt;/h1&gt;");
    const last = previewed.at(-1)!;
    expect(last.slug).toBe("bai-thu-moi");
    expect(checkArticleText("content/news/bai-thu-moi.mdx", last.mdx)).toEqual([]);
    expect(last.mdx).toContain(
      `Đoạn có <DataFigure row="dang-vien#th-dang-vien">6\\.001</DataFigure> đảng viên.`,
    );
    expect(last.mdx).toContain(`<PhotoCaption>Chú thích ảnh</PhotoCaption>`);
    expect(submitted).toEqual([]);
  });

  it("shows the check's messages beside the fields left empty (400), nothing sent", async () => {
    const bt = await signIn("bt");
    const fields = filled({ unit: "", "locality.province": "", summary: "" }).filter(
      ([k]) => k !== "topics",
    );
    const res = await post(bt, [...fields, ["action", "publish"]]);
    expect(res.status).toBe(400);
    const html = decodeEntities(await res.text());
    expect(fieldBlock(html, "f-unit")).toContain("Trường “unit” đang để trống, cần điền");
    expect(fieldBlock(html, "f-locality-province")).toContain(
      "Trường “locality.province” đang để trống",
    );
    expect(fieldBlock(html, "f-summary")).toContain("Trường “summary” đang để trống");
    expect(html).toContain("Trường “topics”: chưa chọn chủ đề nào");
    expect(html).toContain("chưa có gì được ghi hay đăng");
    expect(submitted).toEqual([]);
  });

  it("says when a value is new to the site", async () => {
    const bt = await signIn("bt");
    const res = await post(bt, [...filled({ unit: "Đảng bộ xã Mới" }), ["action", "preview"]]);
    const html = decodeEntities(await res.text());
    expect(fieldBlock(html, "f-unit")).toContain("giá trị mới, chưa có bài nào dùng");
    expect(fieldBlock(html, "f-locality-province")).not.toContain("giá trị mới");
  });

  it("publishes: the publisher gets content/news/<slug>.mdx from the template, the editor a 303", async () => {
    const bt = await signIn("bt");
    const res = await post(bt, [
      ...filled({
        body: "Đoạn một.\n\n[Biểu đồ: to-chuc-huyen-tuyen-hoa]\n\n[Biểu đồ của bài: ket-nap]",
        published: "28/02/2023 05:40:48",
      }),
      ["action", "publish"],
    ]);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/quan-tri/xuat-ban/viec/p${submitted.length}/`);
    const request = submitted.at(-1)!;
    expect(request).toMatchObject({
      kind: "article",
      title: readCapture(CAPTURE).title!.text,
      username: "bt",
    });
    expect(request.files.map((f) => f.path)).toEqual([
      "content/news/bai-thu-moi.mdx",
      "data/dang-vien.csv",
    ]);
    const text = request.files[0]!.text!;
    expect(checkArticleText("content/news/bai-thu-moi.mdx", text)).toEqual([]);
    expect(text).toContain(`<Chart id="to-chuc-huyen-tuyen-hoa" level={2} />`);
    expect(text).toContain(`<Chart dataset="ket-nap" source="bai-thu-moi" level={2} />`);
    // The date as the page prints it, written in the frontmatter's form.
    expect(text).toContain(`published: "2023-02-28T05:40:48"\npublishedLabel: "Cập nhật ngày"`);
  });

  it("puts the figures fieldset inside the form on every action; its problems stop a publication", async () => {
    const bt = await signIn("bt");
    const read = await (
      await post(bt, [
        ["action", "read"],
        ["captured", CAPTURE],
      ])
    ).text();
    expect(read).toMatch(
      /<\/textarea>(?:(?!<\/form>)[\s\S])*<fieldset id="so-lieu"><legend>Số liệu của bài huyen-thanh-binh[^<]*\(read, title: "Huyện Thanh Bình/,
    );
    const count = submitted.length;
    const res = await post(bt, [...filled(), ["so-lieu.loi", "1"], ["action", "publish"]]);
    expect(res.status).toBe(400);
    expect(decodeEntities(await res.text())).toContain("Dòng số liệu chưa xác nhận.");
    expect(submitted).toHaveLength(count);
  });

  it("refuses in Vietnamese a chart, a dataset or a row the site does not have (400)", async () => {
    const bt = await signIn("bt");
    const count = submitted.length;
    const body =
      "Đoạn.\n\n[Biểu đồ: khong-co]\n\n[Biểu đồ của bài: khong-co]\n\nCó [5](dang-vien#khong-co) và [6](khong-co#x).";
    const res = await post(bt, [...filled({ body }), ["action", "publish"]]);
    expect(res.status).toBe(400);
    const html = decodeEntities(await res.text());
    expect(html).toContain("Đoạn 2: không có biểu đồ mã “khong-co”");
    expect(html).toContain("Đoạn 3: không có biểu đồ nào vẽ từ bộ dữ liệu “khong-co”");
    expect(html).toContain("bộ dữ liệu “dang-vien” không có dòng mã “khong-co”");
    expect(html).toContain("không có bộ dữ liệu “khong-co”");
    expect(submitted).toHaveLength(count);
  });

  const ATTEMPTS = [
    "{process.exit(1)}",
    "<script>alert(1)</script>",
    'import x from "y"',
    "export const a = 1",
    "<Chart id={1+1} />",
    "<Bogus />",
  ];

  it.each(ATTEMPTS)(
    "writes %j as text in title, summary, unit and body; the server keeps running",
    async (attempt) => {
      const bt = await signIn("bt");
      const fields = filled({
        title: attempt,
        summary: attempt,
        unit: attempt,
        body: `${attempt}\n\nTrước ${attempt} sau\n\n[Ảnh] ${attempt}`,
      });
      const res = await post(bt, [...fields, ["action", "publish"]]);
      expect(res.status).toBe(303);
      const text = submitted.at(-1)!.files[0]!.text!;
      const { frontmatter, content } = parseFrontmatter(text);
      expect(frontmatter).toMatchObject({ title: attempt, summary: attempt, unit: attempt });
      const body = await compileMdxBody(content);
      expect(body.code).toEqual([]);
      expect(body.expressionProps).toEqual([]);
      expect(body.components).toEqual(["PhotoCaption"]);
      expect(body.blocks.map((b) => b.text)).toEqual([attempt, `Trước ${attempt} sau`, attempt]);
      expect((await get(PAGE, bt.cookie)).status).toBe(200);
    },
  );

  it.each(["../x", "a/b", "..", "Bài Mới", "a--b", "x".repeat(121)])(
    "refuses the slug %j (400, Vietnamese), nothing sent",
    async (slug) => {
      const bt = await signIn("bt");
      const count = submitted.length;
      const res = await post(bt, [...filled({ slug }), ["action", "publish"]]);
      expect(res.status).toBe(400);
      const html = decodeEntities(await res.text());
      expect(html).toMatch(/Tên tệp “[^”]*” không hợp lệ|Ô “slug” dài quá 120 ký tự/);
      expect(submitted).toHaveLength(count);
    },
  );

  it("refuses a slug an article already has, and says to choose another", async () => {
    const bt = await signIn("bt");
    const slug = "thanh-binh-xay-dung-dang-sat-voi-thuc-tien";
    const res = await post(bt, [...filled({ slug }), ["action", "publish"]]);
    expect(res.status).toBe(400);
    expect(fieldBlock(decodeEntities(await res.text()), "f-slug")).toContain(
      `Đã có bài tên “${slug}” (content/news/${slug}.mdx); không ghi đè. Nếu là bài khác, chọn tên khác, vd. ${slug}-2.`,
    );
  });

  it("says the newsroom is off, and why, when there is no publisher (503); preview still checks", async () => {
    const bt = await signIn("bt", off);
    const res = await post(bt, [...filled(), ["action", "publish"]]);
    expect(res.status).toBe(503);
    const html = decodeEntities(await res.text());
    expect(html).toContain("Phòng biên tập đang tắt trên máy chủ này");
    expect(html).toContain("Lý do: không có git trong thư mục nội dung.");
    const shown = await post(bt, [...filled(), ["action", "preview"]]);
    expect(shown.status).toBe(200);
    expect(decodeEntities(await shown.text())).toContain("Máy chủ này chưa có phần xem trước bài");
  });

  it("refuses a kiem-duyet (403, Vietnamese) on the page and every action", async () => {
    const kd = await signIn("kd");
    expect(await (await get("/quan-tri/", kd.cookie)).text()).not.toContain(PAGE);
    const page = await get(PAGE, kd.cookie);
    expect(page.status).toBe(403);
    expect(decodeEntities(await page.text())).toContain("không có quyền viết và đăng bài, số liệu");
    for (const action of ["read", "preview", "publish"]) {
      const res = await post(kd, [...filled(), ["captured", CAPTURE], ["action", action]]);
      expect(res.status).toBe(403);
      expect(decodeEntities(await res.text())).toContain("vai trò Kiểm duyệt");
    }
  });

  it("refuses a form without its session's CSRF token (403), and a signed-out visitor", async () => {
    const bt = await signIn("bt");
    const count = submitted.length;
    for (const csrf of ["", "sai", (await signIn("kd")).csrf]) {
      const res = await post(bt, [...filled(), ["action", "publish"]], csrf);
      expect(res.status).toBe(403);
      expect(decodeEntities(await res.text())).toContain("Biểu mẫu đã cũ hoặc không hợp lệ");
    }
    const signedOut = await post({ ...bt, cookie: "" }, [...filled(), ["action", "publish"]]);
    expect(signedOut.status).toBe(403);
    expect(submitted).toHaveLength(count);
    const page = await get(PAGE, "");
    expect([page.status, page.headers.get("location")]).toEqual([303, "/quan-tri/"]);
  });

  it("refuses a body over 1 MB with a Vietnamese page (413), and an unknown action (400)", async () => {
    const bt = await signIn("bt");
    const res = await post(bt, [
      ["captured", "x".repeat(1024 * 1024 + 10)],
      ["action", "read"],
    ]);
    expect(res.status).toBe(413);
    expect(decodeEntities(await res.text())).toContain("Bài gửi lên quá lớn");
    const odd = await post(bt, [...filled(), ["action", "xoa"]]);
    expect(odd.status).toBe(400);
    expect(decodeEntities(await odd.text())).toContain("Không rõ thao tác");
  });
});
