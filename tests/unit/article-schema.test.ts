import { z } from "zod";
import { describe, expect, it } from "vitest";
import { articleSchema, type ArticleData } from "../../src/lib/content/article-schema.ts";
import {
  UNDATED_TEXT,
  articleDate,
  datetimeAttribute,
  describeDate,
  formatPublished,
  sortArticles,
} from "../../src/lib/content/articles.ts";

const good = {
  title: "Huyện Thanh Bình thực hiện công tác xây dựng Đảng sát với thực tiễn đơn vị, địa phương",
  published: "2023-02-28T05:40:48",
  publishedLabel: "Cập nhật ngày",
  source: { outlet: "ĐTO", mark: "ĐTO" },
  locality: { province: "Đồng Tháp", district: "Thanh Bình" },
  unit: "Đảng bộ huyện Thanh Bình",
  author: { name: "TIẾN ĐẠT" },
  summary: "Năm 2022, BTV Huyện ủy Thanh Bình đã quyết định kết nạp 218 đảng viên mới.",
  topics: ["phat-trien-dang-vien"],
};

/** A copy of `object` without `keys`. */
function without(object: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));
}

/** The schema's complaint, as a build would print it (path and message). */
function complaint(input: unknown): string {
  const result = articleSchema.safeParse(input);
  expect(result.success).toBe(false);
  return z.prettifyError(result.error!);
}

describe("articleSchema", () => {
  it("accepts complete frontmatter", () => {
    expect(articleSchema.parse(good)).toEqual(good);
  });

  it("accepts an undated article with a period, a kicker and no author", () => {
    const undated = without(
      { ...good, period: "đến hết năm 2020", periodYear: 2020, kicker: "Khối:" },
      "published",
      "publishedLabel",
      "author",
    );
    expect(articleSchema.safeParse(undated).success).toBe(true);
  });

  it("rejects a missing title, naming the field", () => {
    expect(complaint(without(good, "title"))).toMatch(/at title/);
  });

  it("rejects a date that is not yyyy-mm-dd[Thh:mm[:ss]], naming the field", () => {
    expect(complaint({ ...good, published: "28/02/2023" })).toMatch(/at published/);
    expect(complaint({ ...good, published: "2023-2-28" })).toMatch(/at published/);
  });

  it("rejects a well-formed date or time that does not exist, naming the field", () => {
    for (const published of [
      "2023-02-30",
      "2023-13-01",
      "2023-02-28T24:00",
      "2023-02-28T05:60:48",
    ]) {
      expect(complaint({ ...good, published })).toMatch(/not a real date or time.*at published/s);
    }
    expect(articleSchema.safeParse({ ...good, published: "2024-02-29T23:59:59" }).success).toBe(
      true,
    );
  });

  it("rejects an unknown topic, naming the field", () => {
    expect(complaint({ ...good, topics: ["tin-vui"] })).toMatch(/at topics\[0\]/);
  });

  it("rejects an unknown key, naming it", () => {
    expect(complaint({ ...good, tags: ["x"] })).toMatch(/"tags"/);
  });

  it("rejects a date label without a date", () => {
    expect(complaint(without(good, "published"))).toMatch(/at publishedLabel/);
  });

  it("rejects a summary over 400 characters and an empty topic list", () => {
    expect(complaint({ ...good, summary: "a".repeat(401) })).toMatch(/at summary/);
    expect(complaint({ ...good, topics: [] })).toMatch(/at topics/);
  });
});

describe("article dates", () => {
  it("articleDate reads the source's local time as Vietnam time (UTC+7)", () => {
    expect(articleDate({ published: "2023-02-28T05:40:48" })?.toISOString()).toBe(
      "2023-02-27T22:40:48.000Z",
    );
    expect(articleDate({ published: "2022-08-12" })?.toISOString()).toBe(
      "2022-08-11T17:00:00.000Z",
    );
    expect(articleDate({})).toBeUndefined();
  });

  it("datetimeAttribute gives an ISO instant with +07:00, or the bare day, for <time>", () => {
    expect(datetimeAttribute({ published: "2013-06-17T04:36:39" })).toBe(
      "2013-06-17T04:36:39+07:00",
    );
    expect(datetimeAttribute({ published: "2022-08-12" })).toBe("2022-08-12");
    expect(datetimeAttribute({})).toBeUndefined();
  });

  it("formatPublished shows the time only when the source gives one, with its seconds", () => {
    expect(formatPublished({ published: "2023-02-28T05:40:48" })).toBe("28/02/2023 05:40:48");
    expect(formatPublished({ published: "2023-02-28T05:40" })).toBe("28/02/2023 05:40");
    expect(formatPublished({ published: "2022-08-12" })).toBe("12/08/2022");
    expect(formatPublished({})).toBeUndefined();
  });

  it("describeDate labels the date as the source does and adds the period", () => {
    expect(
      describeDate({ published: "2023-02-28T05:40:48", publishedLabel: "Cập nhật ngày" }),
    ).toBe("Cập nhật ngày: 28/02/2023 05:40:48");
    expect(
      describeDate({
        published: "2022-08-12",
        publishedLabel: "Ngày ghi trên trang",
        period: "năm 2014",
      }),
    ).toBe("Ngày ghi trên trang: 12/08/2022 · Số liệu năm 2014");
    expect(describeDate({ published: "2022-08-12" })).toBe("12/08/2022");
  });

  it("describeDate says an undated article is undated, never inventing a date", () => {
    expect(describeDate({})).toBe(UNDATED_TEXT);
    expect(describeDate({ period: "đến hết năm 2020" })).toBe(
      "Không ghi ngày đăng · Số liệu đến hết năm 2020",
    );
  });
});

describe("sortArticles", () => {
  const entry = (id: string, extra: Partial<ArticleData>) => ({
    id,
    data: { ...good, published: undefined, publishedLabel: undefined, ...extra } as ArticleData,
  });
  const entries = [
    entry("undated-no-year-b", { title: "Bình" }),
    entry("dated-2013", { published: "2013-06-17T04:36:39" }),
    entry("undated-2020", { periodYear: 2020 }),
    entry("undated-no-year-a", { title: "An" }),
    entry("dated-2023", { published: "2023-02-28T05:40:48" }),
    entry("undated-2024", { periodYear: 2024 }),
    entry("dated-2022", { published: "2022-08-12", periodYear: 2014 }),
  ];

  it("puts dated articles first, newest first, then undated by periodYear, then title", () => {
    expect(sortArticles(entries).map((e) => e.id)).toEqual([
      "dated-2023",
      "dated-2022",
      "dated-2013",
      "undated-2024",
      "undated-2020",
      "undated-no-year-a",
      "undated-no-year-b",
    ]);
  });

  it("orders same-day articles by title in Vietnamese collation and leaves its input alone", () => {
    const sameDay = [
      entry("z", { published: "2022-08-12", title: "Đổi mới" }),
      entry("y", { published: "2022-08-12", title: "Dân vận" }),
    ];
    expect(sortArticles(sameDay).map((e) => e.id)).toEqual(["y", "z"]);
    expect(sameDay.map((e) => e.id)).toEqual(["z", "y"]);
  });
});
