// The article page with the real publisher, over real HTTP, a content checkout (a temporary git
// repository) and a real build: a biên tập pastes a captured page, fills what it cannot tell,
// confirms a figure, writes braces and a tag into the text, and publishes. One commit by that
// member holds the article and the figure's row; the rebuilt site shows the article, the braces
// and the tag as text, and the figure's row on its dataset's page.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { valueOf } from "../helpers/article-page.ts";
import { textOf } from "../helpers/html.ts";
import type { Checkout, NewsroomServer } from "../helpers/newsroom.ts";
import {
  openNewsroomFixture,
  STAFF_PASSWORD,
  type NewsroomFixture,
} from "../helpers/newsroom-fixture.ts";
import { cookiesOf, csrfOf } from "../helpers/staff-http.ts";
import { posted } from "../unit/newsroom/form-fields.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const PAGE = "/quan-tri/bai-viet/moi/";
const CAPTURE = readFileSync(join(ROOT, "tests/fixtures/captures/tuyen-hoa-2024.txt"), "utf8");
const SLUG = "tuyen-hoa-2024-bien-tap";
const ODD = "Ghi chú {process.exit(1)} và <script>alert(1)</script> giữ nguyên.";

describe("publishing an article from the article page", () => {
  let newsroom: NewsroomFixture;
  let checkout: Checkout;
  let server: NewsroomServer;
  let ip = 0;

  beforeAll(async () => {
    newsroom = await openNewsroomFixture({ buildTimeoutMs: 6 * 60_000 });
    ({ checkout, server } = newsroom);
  }, 20 * 60_000);
  afterAll(() => newsroom?.close("idle"));

  const headers = (cookie: string) => ({ cookie, "x-forwarded-for": `10.7.0.${ip++ % 250}` });
  const post = (cookie: string, body: URLSearchParams) =>
    fetch(`${server.url}${PAGE}`, {
      method: "POST",
      headers: { ...headers(cookie), "content-type": "application/x-www-form-urlencoded" },
      body,
      redirect: "manual",
    });

  it(
    "commits the article and its confirmed figure as the editor, and the site shows them",
    async () => {
      const page = await fetch(`${server.url}/quan-tri/`);
      const signedIn = await fetch(`${server.url}/quan-tri/dang-nhap`, {
        method: "POST",
        headers: {
          ...headers(cookiesOf(page)),
          "content-type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams({
          csrf: csrfOf(await page.text()),
          username: "bt",
          password: STAFF_PASSWORD,
        }),
        redirect: "manual",
      });
      const cookie = cookiesOf(signedIn);
      const csrf = csrfOf(
        await (await fetch(`${server.url}/quan-tri/`, { headers: headers(cookie) })).text(),
      );

      const read = await post(
        cookie,
        new URLSearchParams({ csrf, action: "read", captured: CAPTURE }),
      );
      expect(read.status).toBe(200);
      const html = await read.text();
      const form = html.slice(
        html.indexOf(`<form method="post" action="${PAGE}" class="article">`),
      );
      // What the browser would post: the form as read, what the page cannot tell, one figure confirmed.
      const fields = new URLSearchParams();
      for (const [name, values] of Object.entries(posted(form))) {
        if (!["locality.province", "locality.district", "unit", "slug"].includes(name))
          for (const v of values) fields.append(name, v);
      }
      for (const name of ["title", "summary"]) fields.set(name, valueOf(form, name)!);
      fields.set("body", `${valueOf(form, "body")}\n\n${ODD}`);
      fields.set("locality.province", "Quảng Bình");
      fields.set("locality.district", "Tuyên Hóa");
      fields.set("unit", "Đảng bộ huyện Tuyên Hóa");
      fields.set("slug", SLUG);
      fields.append("topics", "to-chuc-co-so-dang");
      fields.set("figure.1.decision", "confirm");
      fields.set("action", "publish");
      const sent = await post(cookie, fields);
      expect(sent.status, await sent.clone().text()).toBe(303);
      const id = /^\/quan-tri\/xuat-ban\/viec\/([^/]+)\/$/.exec(sent.headers.get("location")!)![1]!;

      const publisher = newsroom.publisher();
      await publisher.idle();
      expect(publisher.get(id)?.state, publisher.get(id)?.message).toBe("published");
      const files = checkout.git("show", "--name-only", "--format=%an", "HEAD").trim().split("\n");
      expect(files[0]).toBe("bt");
      expect(files.slice(1).filter(Boolean).sort()).toEqual([
        `content/news/${SLUG}.mdx`,
        "data/dang-vien.csv",
      ]);
      const built = readFileSync(join(checkout.distDir, "tin-tuc", SLUG, "index.html"), "utf8");
      expect(textOf(built)).toContain(ODD);
      expect(built).not.toContain("<script>alert(1)</script>");
      const dataset = readFileSync(
        join(checkout.distDir, "du-lieu", "dang-vien", "index.html"),
        "utf8",
      );
      expect(dataset).toContain(`/tin-tuc/${SLUG}/`);
    },
    20 * 60_000,
  );
});
