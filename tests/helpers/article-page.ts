// The article page's API tests' setup (staff-article*.test.ts): two apps over real HTTP and SQLite
// (one with a publisher that records what it is given, a preview and a figures slot; one with the
// newsroom off), a copy of content/news/ that must end unchanged, and what the tests read back.
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect } from "vitest";
import { readCapture } from "../../src/lib/content/capture.ts";
import { proposedSummary } from "../../src/lib/content/capture-mdx.ts";
import { contentDir } from "../../src/lib/data/paths.ts";
import type { FiguresSlot } from "../../src/server/newsroom/figures-slot.ts";
import type { ArticlePreview } from "../../src/server/newsroom/preview-types.ts";
import type {
  Publication,
  PublicationRequest,
  Publisher,
} from "../../src/server/newsroom/publication.ts";
import { hashPassword } from "../../src/server/staff/password.ts";
import { startApp, type TestApp } from "../api/harness.ts";
import { decodeEntities } from "./html.ts";
import { SEEDS_DIR } from "./seeds.ts";
import { cookiesOf, csrfOf } from "./staff-http.ts";
import { BACKENDS } from "./stores.ts";

const PASSWORD = "mat-khau-du-dai-1";
export const PAGE = "/quan-tri/bai-viet/moi/";
export const CAPTURE = readFileSync(join(SEEDS_DIR, "004_bff571ff9cb4532b.txt"), "utf8");
const SQLITE = BACKENDS.find((b) => b.kind === "sqlite")!;

/** The value an input or textarea of the page holds, decoded. */
export function valueOf(html: string, name: string): string | undefined {
  const input = new RegExp(`<input [^>]*name="${name}"[^>]*value="([^"]*)"`).exec(html);
  if (input) return decodeEntities(input[1]!);
  const area = new RegExp(`<textarea [^>]*name="${name}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html);
  return area ? decodeEntities(area[1]!) : undefined;
}

/** The field's block: its label, its marks, its messages. */
export const fieldBlock = (html: string, id: string) =>
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
export function filled(fields: Record<string, string> = {}): [string, string][] {
  const capture = readCapture(CAPTURE);
  const base: Record<string, string> = {
    title: capture.title!.text,
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

/** Registers the apps' hooks in the calling describe; the apps exist once beforeAll has run. */
export function articlePageApps() {
  const apps = {} as { t: TestApp; off: TestApp };
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
    list: () => submitted.map((_, i) => publisher.get(`p${i + 1}`)!),
    // Publications of "bai-dang-cho" stay waiting; the rest are done at once.
    get(id): Publication | undefined {
      const request = submitted[Number(id.slice(1)) - 1];
      if (!request) return undefined;
      const waiting = request.files[0]?.path === "content/news/bai-dang-cho.mdx";
      const state = waiting ? "waiting" : "published";
      return { ...request, id, state, submittedAt: new Date().toISOString() };
    },
  };
  const warmed = { count: 0 };
  const render: ArticlePreview = async (mdx, slug) => {
    previewed.push({ mdx, slug });
    if (slug === "loi-xem-truoc")
      return { ok: false, message: "content/news/loi-xem-truoc.mdx:3:1 Lỗi dựng thử." };
    return { ok: true, html: `<!doctype html><title>x</title><h1>Bản xem trước "${slug}"</h1>` };
  };
  const preview = Object.assign(render, { warm: () => void warmed.count++ });
  /** The figures slot as another module fills it: its fieldset, a problem, a dataset file. */
  const figures: FiguresSlot = ({ action, slug, mdx, form }) => ({
    html: `<fieldset id="so-lieu"><legend>Số liệu của bài ${slug} (${action}, ${mdx.split("\n")[1]})</legend></fieldset>`,
    problems: form["so-lieu.loi"]
      ? [{ field: "so-lieu", message: "Dòng số liệu chưa xác nhận." }]
      : [],
    files: [{ path: "data/dang-vien.csv", text: "id\n" }],
  });

  beforeAll(async () => {
    const common = { backend: SQLITE, trustProxy: 1 };
    apps.t = await startApp({ ...common, articlePage: { publisher, preview, newsDir, figures } });
    const newsroomOff = "không có git trong thư mục nội dung.";
    apps.off = await startApp({
      ...common,
      articlePage: { publisher: null, newsroomOff, newsDir },
    });
    const hash = await hashPassword(PASSWORD);
    for (const app of [apps.t, apps.off]) {
      await app.stores.staff.putStaffAccount("bt", hash, new Date(), "bien-tap");
      await app.stores.staff.putStaffAccount("kd", hash, new Date());
    }
  }, 60_000);
  afterAll(async () => {
    await apps.t?.close();
    await apps.off?.close();
    expect(snapshot(newsDir)).toEqual(before);
    rmSync(newsDir, { recursive: true, force: true });
  });

  const headers = (cookie: string) => ({ cookie, "x-forwarded-for": `10.9.0.${ip++ % 250}` });
  const get = (path: string, cookie: string, app = apps.t) =>
    fetch(`${app.url}${path}`, { headers: headers(cookie), redirect: "manual" });
  async function signIn(username: string, app = apps.t) {
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
  return { apps, submitted, previewed, warmed, get, signIn, post };
}
