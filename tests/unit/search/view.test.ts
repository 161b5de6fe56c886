import { describe, expect, it } from "vitest";
import type { SearchHit, SearchOutcome } from "../../../src/lib/search/engine.ts";
import { parseSearchRequest } from "../../../src/lib/search/request.ts";
import {
  optionLabel,
  renderResults,
  renderSearchForm,
  safeExcerpt,
  sortFilterOptions,
  statusText,
} from "../../../src/lib/search/view.ts";

const request = (query: string) => parseSearchRequest(new URLSearchParams(query));
const hit = (n: number, over: Partial<SearchHit> = {}): SearchHit => ({
  url: `/tin-tuc/bai-${n}/`,
  title: `Bài ${n}`,
  kind: "bai-viet",
  date: "Không ghi ngày đăng",
  excerpt: "kết <mark>nạp</mark>",
  ...over,
});
const outcome = (query: string, total: number, hits: SearchHit[]): SearchOutcome => ({
  request: request(query),
  total,
  hits,
});

describe("search view", () => {
  it("safeExcerpt(excerpt) keeps <mark> and turns any other tag into text", () => {
    expect(safeExcerpt("a <mark>b</mark> <img src=x onerror=alert(1)>")).toBe(
      "a <mark>b</mark> &lt;img src=x onerror=alert(1)>",
    );
  });

  it("renderResults(outcome) escapes the query, titles and links", () => {
    const html = renderResults(
      outcome(`q=<script>"`, 1, [hit(1, { title: "<b>x</b>", url: '/a/"onmouseover="x' })]),
    );
    expect(html).toContain("“&lt;script&gt;&quot;”");
    expect(html).toContain("&lt;b&gt;x&lt;/b&gt;");
    expect(html).toContain('href="/a/&quot;onmouseover=&quot;x"');
    expect(html).not.toContain("<script>");
  });

  it("renderResults(outcome) counts in Vietnamese and offers the next ten while there are more", () => {
    const hits = Array.from({ length: 10 }, (_, i) => hit(i + 1));
    const html = renderResults(outcome("q=dang&tinh=Lạng Sơn", 1234, hits));
    expect(html).toContain("Tìm thấy 1.234 kết quả cho “dang” (đã lọc).");
    expect(html).toContain(
      'href="/tim-kiem/?q=dang&amp;tinh=L%E1%BA%A1ng+S%C6%A1n&amp;trang=2#kq-11"',
    );
    expect(html).toContain("Xem thêm kết quả (10 tiếp theo)");
    expect(renderResults(outcome("q=dang", 10, hits))).not.toContain("Xem thêm");
  });

  it("renderResults(outcome) shows a dataset as a data page, an article with its date line", () => {
    const html = renderResults(
      outcome("q=x", 2, [
        hit(1, { date: "Cập nhật ngày: 28/02/2023 05:40:48" }),
        hit(2, { kind: "du-lieu", date: undefined, url: "/du-lieu/ket-nap/" }),
      ]),
    );
    expect(html).toContain('<p class="meta">Cập nhật ngày: 28/02/2023 05:40:48</p>');
    expect(html).toContain(
      '<a href="/du-lieu/ket-nap/">Bài 2</a></h2><p class="meta">Trang dữ liệu</p>',
    );
  });

  it("statusText(outcome) says when words the last one starts were counted", () => {
    expect(statusText({ ...outcome("q=tuyên hó", 4, []), completed: "hó" })).toBe(
      "Tìm thấy 4 kết quả cho “tuyên hó”, kể cả các từ bắt đầu bằng “hó”.",
    );
  });

  it("renderResults(outcome) with nothing found says what to try, and offers the words without filters", () => {
    const plain = renderResults(outcome("q=bóng đá", 0, []));
    expect(plain).toContain(
      '<p class="search-hint">Thử kiểm tra chính tả, bớt một vài từ, hoặc gõ không dấu.</p>',
    );
    const filtered = renderResults(outcome("q=bóng&tinh=Lạng Sơn&nam=2013", 0, []));
    expect(filtered).toContain('<a href="/tim-kiem/?q=b%C3%B3ng">Tìm lại không lọc</a>');
    expect(renderResults(outcome("q=dang", 1, [hit(1)]))).not.toContain("search-hint");
  });

  it("statusText(outcome) says when nothing was found, and an empty query shows nothing", () => {
    expect(statusText(outcome("q=bóng đá", 0, []))).toBe(
      "Không tìm thấy kết quả nào cho “bóng đá”.",
    );
    expect(renderResults(outcome("", 0, []))).toBe('<p class="search-status" role="status"></p>');
  });

  it("renderSearchForm(options, request) is a GET form with the request's values selected", () => {
    const options = sortFilterOptions({
      tinh: ["Lạng Sơn", "Đồng Tháp", "Lạng Sơn"],
      nam: ["2013", "2023"],
    });
    expect(options).toEqual({
      tinh: ["Đồng Tháp", "Lạng Sơn"],
      "chu-de": [],
      nam: ["2023", "2013"],
    });
    const html = renderSearchForm(options, request('q=a"b&tinh=Lạng Sơn'));
    expect(html).toContain('action="/tim-kiem/" method="get"');
    expect(html).toContain('value="a&quot;b"');
    expect(html).toContain('<option value="Lạng Sơn" selected>Lạng Sơn</option>');
    expect(html).toContain('<option value="Đồng Tháp">Đồng Tháp</option>');
    // The year is the year the article was published, not the year its figures are for.
    expect(html).toContain('<label for="search-nam">Năm đăng bài</label>');
  });

  it("renderSearchForm(options, request, counts) gives each value the results it would leave", () => {
    const options = sortFilterOptions({ tinh: ["Lạng Sơn", "Đồng Tháp"], nam: ["2013"] });
    const html = renderSearchForm(options, request("q=dang&tinh=Lạng Sơn"), {
      tinh: { "Lạng Sơn": 1234, "Đồng Tháp": 0 },
      "chu-de": {},
      nam: { "2013": 2 },
    });
    expect(html).toContain('<option value="Lạng Sơn" selected>Lạng Sơn (1.234)</option>');
    expect(html).toContain('<option value="Đồng Tháp">Đồng Tháp (0)</option>');
    expect(html).toContain('<option value="2013">2013 (2)</option>');
    expect(html).toContain('<option value="">Tất cả</option>');
  });

  it("optionLabel(value, counts) reads own counts only: an unknown value counts 0", () => {
    expect(optionLabel("constructor", { "Lạng Sơn": 2 })).toBe("constructor (0)");
    expect(optionLabel("Lạng Sơn", { "Lạng Sơn": 2 })).toBe("Lạng Sơn (2)");
    expect(optionLabel("Lạng Sơn", undefined)).toBe("Lạng Sơn");
  });
});
