// The newsroom's article page at /quan-tri/bai-viet/moi/ over real HTTP and a real SQLite file: a
// bien-tap pastes a captured page and gets the form filled from it; preview and publish check the
// MDX our template writes, messages beside the fields; publish hands it to the publisher and
// redirects to the publication; the figures slot sits inside the form. Nothing is written to the
// news folder (tests/helpers/article-page.ts checks). The publisher here records what it is given
// (the contract of publication.ts); the real one queues, builds and commits (its own tests).
import { describe, expect, it } from "vitest";
import { checkArticleText } from "../../src/lib/content/article-check.ts";
import { readCapture } from "../../src/lib/content/capture.ts";
import { proposedSummary } from "../../src/lib/content/capture-mdx.ts";
import { slugify } from "../../src/lib/slug.ts";
import {
  articlePageApps,
  CAPTURE,
  fieldBlock,
  filled,
  PAGE,
  valueOf,
} from "../helpers/article-page.ts";
import { decodeEntities } from "../helpers/html.ts";

describe("the article page", () => {
  const { submitted, previewed, warmed, get, signIn, post } = articlePageApps();

  it("shows a bien-tap the paste box and the form, with the frontmatter's names and no script", async () => {
    const bt = await signIn("bt");
    expect(await (await get("/quan-tri/", bt.cookie)).text()).toContain(
      `<a href="${PAGE}">Viết bài mới</a>`,
    );
    const before = warmed.count;
    const res = await get(PAGE, bt.cookie);
    expect(res.status).toBe(200);
    // Opening the form starts the preview's renderer, so the first preview is quick.
    expect(warmed.count).toBe(before + 1);
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
    // What the reader set aside is listed, so staff can see no body line was lost.
    expect(capture.furniture.length).toBeGreaterThan(0);
    for (const line of capture.furniture) {
      expect(decodeEntities(html)).toContain(`<li>Dòng ${line.line}: ${line.text}</li>`);
    }
    expect(valueOf(html, "captured")).toBe(CAPTURE.replace(/\r\n?/g, "\n"));
  });

  it("says at once when the slug proposed from the title is an article's already", async () => {
    const bt = await signIn("bt");
    const captured =
      "Thanh Bình xây dựng Đảng sát với thực tiễn\n\nĐoạn đầu của bài, đủ dài để là một câu của bài viết này.";
    const res = await post(bt, [
      ["action", "read"],
      ["captured", captured],
    ]);
    expect(res.status).toBe(200);
    const html = decodeEntities(await res.text());
    expect(valueOf(html, "slug")).toBe("thanh-binh-xay-dung-dang-sat-voi-thuc-tien");
    expect(fieldBlock(html, "f-slug")).toContain(
      "Đã có bài tên “thanh-binh-xay-dung-dang-sat-voi-thuc-tien”",
    );
    expect(fieldBlock(html, "f-unit")).not.toContain("đang để trống");
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
    expect(html).toContain(
      `<iframe class="preview" sandbox="allow-same-origin" title="Xem trước bài viết" srcdoc="`,
    );
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

  it("shows why the preview could not render, in its words, nothing sent", async () => {
    const bt = await signIn("bt");
    const res = await post(bt, [...filled({ slug: "loi-xem-truoc" }), ["action", "preview"]]);
    expect(res.status).toBe(200);
    const html = decodeEntities(await res.text());
    expect(html).toContain("content/news/loi-xem-truoc.mdx:3:1 Lỗi dựng thử.");
    expect(html).not.toContain("<iframe");
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
        // The last two marks typed with decomposed letters, as some keyboards send them.
        body: [
          "Đoạn một.",
          "[Biểu đồ: to-chuc-huyen-tuyen-hoa]",
          "[Biểu đồ của bài: ket-nap]".normalize("NFD"),
          "[Ảnh] Ảnh chụp hội nghị".normalize("NFD"),
        ].join("\n\n"),
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
    expect(text).toContain(`<PhotoCaption>${"Ảnh chụp hội nghị".normalize("NFD")}</PhotoCaption>`);
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
});
