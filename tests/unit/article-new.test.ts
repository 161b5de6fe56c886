// `npm run article:new` on each seed yields the committed article's body and the frontmatter the page
// states; on small captures it finds dates, captions, bylines and furniture; it never overwrites.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseFrontmatter } from "astro/markdown";
import { afterAll, describe, expect, it } from "vitest";
import { articleSchema } from "../../src/lib/content/article-schema.ts";
import { readCapture } from "../../src/lib/content/capture.ts";
import { escapeMdx } from "../../src/lib/content/capture-mdx.ts";
import { mdxBlocks } from "../helpers/mdx.ts";
import { NEWS_DIR, SEEDS, SEEDS_DIR, sourceBlocks } from "../helpers/seeds.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const CAPTURES = resolve(import.meta.dirname, "../fixtures/captures");
const dir = mkdtempSync(join(tmpdir(), "article-new-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function articleNew(file: string, ...args: string[]) {
  return spawnSync(process.execPath, [resolve(ROOT, "src/cli/article-new.ts"), file, ...args], {
    cwd: ROOT,
    env: { ...process.env, NEWS_DIR: dir },
    encoding: "utf8",
  });
}

function written(slug: string) {
  const { frontmatter, content } = parseFrontmatter(readFileSync(join(dir, `${slug}.mdx`), "utf8"));
  return { data: frontmatter as Record<string, unknown>, content };
}

describe.each(SEEDS.map((seed) => [seed.file, seed] as const))("article:new %s", (_, seed) => {
  const slug = `seed-${seed.slug}`;
  const result = articleNew(join(SEEDS_DIR, seed.file), "--slug", slug);

  it("writes the file and says what it decided and what to fill in", () => {
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(`tiêu đề (dòng `);
    expect(result.stdout).toContain("Cần điền tay trước khi build");
    expect(result.stdout).toContain("- unit:");
    expect(result.stdout).toContain("- topics:");
  });

  it("yields the committed article's body, paragraph by paragraph, captions as PhotoCaption", () => {
    const committed = parseFrontmatter(readFileSync(join(NEWS_DIR, `${seed.slug}.mdx`), "utf8"));
    expect(mdxBlocks(written(slug).content)).toEqual(mdxBlocks(committed.content));
    expect(mdxBlocks(written(slug).content)).toEqual(sourceBlocks(seed));
  });

  it("takes title, kicker, date, mark and byline from the page, and nothing it does not state", () => {
    const { data } = written(slug);
    expect(data.title).toBe(seed.title);
    expect(data.kicker).toBe(seed.kicker);
    expect(data.author).toEqual(seed.author);
    expect((data.source as { mark?: string }).mark).toBe(seed.mark);
    if (seed.dateLine) {
      const [day, month, year] = seed.dateLine.day.split("/");
      const time = seed.dateLine.time ? `T${seed.dateLine.time}` : "";
      expect(data.published).toBe(`${year}-${month}-${day}${time}`);
      expect(seed.dateLine.line.startsWith(String(data.publishedLabel))).toBe(true);
    } else {
      expect(data).not.toHaveProperty("published");
      expect(data).not.toHaveProperty("publishedLabel");
    }
    expect(data).not.toHaveProperty("period");
    expect(data.unit).toBe("");
    expect(data.topics).toEqual([]);
  });

  it("passes the article schema once staff fill in what the page does not say", () => {
    const { data } = written(slug);
    const filled = {
      ...data,
      source: { outlet: "Nguồn", ...(data.source as object) },
      locality: { province: "Tỉnh" },
      unit: "Đơn vị",
      summary: data.summary || "Tóm tắt.",
      topics: ["to-chuc-co-so-dang"],
    };
    if ((filled.source as { outlet: string }).outlet === "") filled.source = { outlet: "Nguồn" };
    expect(articleSchema.safeParse(filled).success).toBe(true);
  });
});

describe("article:new on small captures", () => {
  it("no date: no published field, the byline kept, links after 'Các tin khác' left out", () => {
    const result = articleNew(join(CAPTURES, "no-date.txt"));
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("ngày: bài không ghi ngày → không ghi published");
    const { data, content } = written("chi-bo-thon-bac-sinh-hoat-chuyen-de");
    expect(data).not.toHaveProperty("published");
    expect(data.author).toEqual({ name: "Nguyễn Thị Hoa" });
    expect(mdxBlocks(content).map((b) => b.text)).toEqual([
      "Chi bộ thôn Bắc tổ chức sinh hoạt chuyên đề về nâng cao chất lượng sinh hoạt chi bộ.",
      "Buổi sinh hoạt có đông đủ đảng viên tham dự, nhiều ý kiến thẳng thắn, xây dựng.",
    ]);
  });

  it("a weekday date: the day as yyyy-mm-dd, the weekday kept as the label; kicker and capitals byline", () => {
    const result = articleNew(join(CAPTURES, "weekday-date.txt"));
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      `ngày (dòng 1): “Chủ nhật, 05/03/2023” → published: "2023-03-05", publishedLabel: "Chủ nhật"`,
    );
    const { data } = written("nang-cao-chat-luong-sinh-hoat-chi-bo");
    expect(data.published).toBe("2023-03-05");
    expect(data.publishedLabel).toBe("Chủ nhật");
    expect(data.kicker).toBe("Đảng bộ xã Tân Mỹ:");
    expect(data.author).toEqual({ name: "MINH TÂM" });
  });

  it("captions in both forms, repeated alt text once, and a caption where a photo left a gap", () => {
    const result = articleNew(join(CAPTURES, "captions.txt"));
    expect(result.status, result.stderr).toBe(0);
    const { content } = written("hoi-nghi-so-ket-cong-tac-xay-dung-dang");
    expect(mdxBlocks(content)).toEqual([
      { kind: "caption", text: "Đại biểu dự hội nghị sơ kết. (Ảnh: HP)." },
      {
        kind: "paragraph",
        text: "Sáng nay, Đảng ủy xã tổ chức hội nghị sơ kết công tác xây dựng Đảng.",
      },
      { kind: "caption", text: "Đồng chí Bí thư Đảng ủy phát biểu tại hội nghị – Ảnh: BT" },
      {
        kind: "paragraph",
        text: "Hội nghị đánh giá kết quả đạt được và chỉ ra những hạn chế cần khắc phục.",
      },
      {
        kind: "caption",
        text: "Các đại biểu tham quan mô hình kinh tế của đảng viên (xã Tân Mỹ)",
      },
      { kind: "paragraph", text: "Hội nghị thống nhất các giải pháp cho thời gian tới." },
    ]);
    expect(content).toContain(
      "<PhotoCaption>Đồng chí Bí thư Đảng ủy phát biểu tại hội nghị – Ảnh: BT</PhotoCaption>",
    );
    expect(result.stdout).toContain("3 chú thích ảnh (<PhotoCaption>, dòng 2, 7, 12)");
  });

  it("furniture before and after: menus, poll, counter, reading size, back link, comment form", () => {
    const result = articleNew(join(CAPTURES, "furniture.txt"));
    expect(result.status, result.stderr).toBe(0);
    const { data, content } = written("dang-bo-huyen-kien-toan-to-chuc-co-so-dang");
    expect(data.title).toBe("Đảng bộ huyện kiện toàn tổ chức cơ sở đảng");
    expect(data.published).toBe("2024-01-15T08:00:00");
    expect(data.publishedLabel).toBe("Cập nhật ngày");
    expect(data.source).toEqual({ outlet: "ĐTO", mark: "ĐTO" });
    expect(data.author).toEqual({ name: "NGUYỄN VĂN AN" });
    expect(mdxBlocks(content).map((b) => b.text)).toEqual([
      "ĐTO - Đảng bộ huyện tập trung kiện toàn tổ chức cơ sở đảng sau sáp nhập.",
      "Công tác kiện toàn được thực hiện đúng quy định, bảo đảm ổn định.",
    ]);
    for (const line of ["TRANG CHỦ", "12 người đã tham gia bình chọn", "• Tổng 1.234"]) {
      expect(result.stdout).toContain(`“${line}”`);
    }
    expect(content).not.toMatch(/Bình chọn|Online|Xem với cỡ chữ|Trở về|bình luận|tổng kết/);
  });

  it("refuses an existing slug and leaves the file as it was", () => {
    const file = join(CAPTURES, "no-date.txt");
    const target = join(dir, "bai-da-co.mdx");
    writeFileSync(target, "bài đã có");
    const result = articleNew(file, "--slug", "bai-da-co");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `${target}:1:1 Bài này đã có; không ghi đè. Nếu là bài khác, đặt tên khác: npm run article:new -- ${file} --slug bai-da-co-2`,
    );
    expect(readFileSync(target, "utf8")).toBe("bài đã có");
  });

  it("says in Vietnamese when the file is missing or has no title", () => {
    expect(articleNew(join(dir, "khong-co.txt")).stderr).toContain("Không có tệp này");
    const empty = join(dir, "rong.txt");
    writeFileSync(empty, "\n\nCác tin khác\n");
    const result = articleNew(empty);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Không tìm thấy tiêu đề|Không thấy đoạn văn nào/);
  });
});

describe("readCapture and escapeMdx", () => {
  it("keeps a paragraph's own spacing as printed", () => {
    const capture = readCapture("Tiêu đề\n\nMột  hai\u00a0ba.\n");
    expect(capture.blocks).toEqual([{ kind: "paragraph", text: "Một  hai\u00a0ba.", line: 3 }]);
  });

  it("escapes what MDX would read as markup", () => {
    expect(escapeMdx("a {b} <c> *d* 1_2")).toBe("a \\{b\\} \\<c\\> \\*d\\* 1\\_2");
    expect(escapeMdx("- không phải danh sách")).toBe("\\- không phải danh sách");
  });
});

describe("data/README.md walkthrough", () => {
  it("shows what article:new really prints for the practice file (lines with … elide)", () => {
    const readme = readFileSync(resolve(ROOT, "data/README.md"), "utf8");
    const block = /Kết quả mong đợi \(với tệp mẫu\):\n\n```text\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const practice = mkdtempSync(join(tmpdir(), "article-new-walk-"));
    try {
      const result = spawnSync(
        process.execPath,
        [resolve(ROOT, "src/cli/article-new.ts"), "tests/fixtures/captures/furniture.txt"],
        { cwd: ROOT, env: { ...process.env, NEWS_DIR: practice }, encoding: "utf8" },
      );
      const printed = result.stdout.replaceAll(practice, "content/news");
      for (const line of block!.split("\n").filter((l) => l.trim() !== "")) {
        if (line.includes("…")) {
          for (const part of line.split("…").filter((p) => p.trim() !== ""))
            expect(printed).toContain(part.trim());
        } else expect(printed.split("\n")).toContain(line);
      }
    } finally {
      rmSync(practice, { recursive: true, force: true });
    }
  });
});
