import { describe, expect, it } from "vitest";
import { extractPage } from "../../../src/lib/search/extract.ts";

const page = (body: string, fields = "") =>
  `<!doctype html><html lang="vi"><body><header><nav>Trang chủ</nav></header><main>${body}</main>${fields}</body></html>`;

describe("extractPage", () => {
  it("reads only what is marked data-search-body, its first <h1> as the title", () => {
    const found = extractPage(
      page(
        `<p>Không tìm phần này</p><article data-search-body><h1>Tiêu đề &amp; bài</h1>` +
          `<p>Đoạn <strong>một</strong>.</p><p>Đoạn hai</p></article>`,
      ),
    )!;
    expect(found.title).toBe("Tiêu đề & bài");
    expect(found.text).toBe("Đoạn một. Đoạn hai");
  });

  it("leaves out charts' drawings, tables, controls, footers and hidden helpers", () => {
    const found = extractPage(
      page(
        `<article data-search-body><h1>T</h1><figure><svg><text>6.001</text></svg>` +
          `<figcaption>Chú thích ảnh</figcaption><details class="chart__details">Bảng số</details></figure>` +
          `<header class="article-header"><p class="meta">Cập nhật ngày</p></header>` +
          `<footer>Chân trang</footer><span class="visually-hidden">ẩn</span><script>x()</script></article>`,
      ),
    )!;
    expect(found.text).toBe("Chú thích ảnh");
  });

  it("reads the kind, the date line and the filter values wherever they are", () => {
    const found = extractPage(
      page(
        `<article data-search-body><h1>T</h1></article>`,
        `<div hidden><span data-search-meta="kind">bai-viet</span>` +
          `<span data-search-meta="date">Cập nhật ngày: 17/06/2013</span>` +
          `<span data-search-meta="published">2013-06-17</span>` +
          `<span data-search-filter="tinh">Đồng Tháp</span>` +
          `<span data-search-filter="chu-de">Tổ chức cơ sở đảng</span>` +
          `<span data-search-filter="chu-de">Đảng viên</span>` +
          `<span data-search-filter="nam">2013</span><span data-search-filter="khac">x</span></div>`,
      ),
    )!;
    expect(found.meta).toEqual({
      kind: "bai-viet",
      date: "Cập nhật ngày: 17/06/2013",
      published: "2013-06-17",
    });
    expect(found.filters).toEqual({
      tinh: ["Đồng Tháp"],
      "chu-de": ["Tổ chức cơ sở đảng", "Đảng viên"],
      nam: ["2013"],
    });
  });

  it("joins several marked parts, the title itself marked, as a dataset page does", () => {
    const found = extractPage(
      page(
        `<h1 data-search-body>Kết nạp</h1><p data-search-body>Mô tả</p><p>Không</p>` +
          `<section data-search-body><h2>Nguồn</h2><p>Bài A</p></section>`,
      ),
    )!;
    expect(found.title).toBe("Kết nạp");
    expect(found.text).toBe("Mô tả Nguồn Bài A");
  });

  it("reads each body row of a data-search-rows table as a line, its cells joined", () => {
    const found = extractPage(
      page(
        `<h1 data-search-body>Đảng viên</h1><section data-search-rows><h2>Bảng số liệu</h2>` +
          `<table><caption>2 dòng</caption><thead><tr><th>Đơn vị</th><th>Số</th></tr></thead>` +
          `<tbody><tr><th>Đảng bộ huyện <span>Tuyên Hóa</span></th><td>6.001</td><td></td>` +
          `<td><q>hiện có 6.001</q><a href="/x/">Bài nguồn</a></td></tr>` +
          `<tr><th>Đảng bộ tỉnh</th><td class="visually-hidden">ẩn</td><td>12</td></tr></tbody></table></section>`,
      ),
    )!;
    expect(found.rows).toEqual([
      "Đảng bộ huyện Tuyên Hóa · 6.001 · “hiện có 6.001” Bài nguồn",
      "Đảng bộ tỉnh · 12",
    ]);
    // The table is not part of the text.
    expect(found.text).toBe("");
  });

  it('keeps a part marked data-search-body="find" apart: found, never shown', () => {
    const found = extractPage(
      page(
        `<h1 data-search-body>Kết nạp</h1><p data-search-body>Mô tả</p>` +
          `<section data-search-body="find"><h2>Các cột</h2><p>count — Số</p></section>`,
      ),
    )!;
    expect(found.text).toBe("Mô tả");
    expect(found.hidden).toBe("Các cột count — Số");
  });

  it("is undefined for a page with nothing marked", () => {
    expect(extractPage(page("<h1>Danh sách</h1>"))).toBeUndefined();
  });
});
