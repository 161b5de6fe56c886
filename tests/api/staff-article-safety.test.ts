// The article page's refusals over real HTTP: a chart, dataset or row the site lacks, MDX injection
// attempts (written as text, the server running on), path-escaping and existing slugs, the
// newsroom off, a kiem-duyet, a form without its CSRF token, an oversized post. Nothing is sent
// to the publisher that should not be, and the news folder ends unchanged.
import { parseFrontmatter } from "astro/markdown";
import { describe, expect, it } from "vitest";
import { articlePageApps, CAPTURE, fieldBlock, filled, PAGE } from "../helpers/article-page.ts";
import { decodeEntities } from "../helpers/html.ts";
import { compileMdxBody } from "../helpers/mdx.ts";

describe("the article page refuses", () => {
  const { apps, submitted, get, signIn, post } = articlePageApps();

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

  it("refuses a topic that is not one of the site's, written however it is (400)", async () => {
    const bt = await signIn("bt");
    const count = submitted.length;
    for (const topic of ["__proto__", 'x"\n- import y', "{1}"]) {
      const fields = filled().filter(([k]) => k !== "topics");
      const res = await post(bt, [...fields, ["topics", topic], ["action", "publish"]]);
      expect(res.status).toBe(400);
      expect(decodeEntities(await res.text())).toContain(
        `mã chủ đề “${topic.replace("\n", " ")}” không có`,
      );
    }
    expect(submitted).toHaveLength(count);
  });

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

  it("refuses a slug sent a moment ago and not yet built, so no article overwrites another", async () => {
    const bt = await signIn("bt");
    const first = await post(bt, [...filled({ slug: "bai-dang-cho" }), ["action", "publish"]]);
    expect(first.status).toBe(303);
    const id = /viec\/([^/]+)\//.exec(first.headers.get("location") ?? "")?.[1];
    const count = submitted.length;
    const again = await post(bt, [...filled({ slug: "bai-dang-cho" }), ["action", "publish"]]);
    expect(again.status).toBe(400);
    expect(decodeEntities(await again.text())).toContain(
      `Một bài tên “bai-dang-cho” vừa được gửi đăng (việc ${id}) và đang chờ dựng; không ghi đè.`,
    );
    expect(submitted).toHaveLength(count);
    // Once a publication has finished, its slug is free again as far as the queue goes.
    const done = await post(bt, [...filled({ slug: "bai-da-xong" }), ["action", "publish"]]);
    expect(done.status).toBe(303);
    const next = await post(bt, [...filled({ slug: "bai-da-xong" }), ["action", "publish"]]);
    expect(next.status).toBe(303);
  });

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
    const bt = await signIn("bt", apps.off);
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
