// `npm run article:new` on captures shaped like other sites' pages: furniture under the title,
// between paragraphs and after the body; "Nguồn:"/"Theo …" source lines; bylines in capitals and in
// mixed case. Each body is asserted exactly, and every changed message word for word.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseFrontmatter } from "astro/markdown";
import { afterAll, describe, expect, it } from "vitest";
import { readCapture } from "../../src/lib/content/capture.ts";
import { LIST_HEADINGS, MENU_WORDS } from "../../src/lib/content/capture-furniture.ts";
import { noBodyMessage } from "../../src/lib/content/capture-messages.ts";
import { mdxBlocks } from "../helpers/mdx.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const CAPTURES = "tests/fixtures/captures";
const dir = mkdtempSync(join(tmpdir(), "article-new-captures-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function articleNew(name: string) {
  const result = spawnSync(
    process.execPath,
    [resolve(ROOT, "src/cli/article-new.ts"), `${CAPTURES}/${name}`],
    { cwd: ROOT, env: { ...process.env, NEWS_DIR: dir }, encoding: "utf8" },
  );
  const created = /Đã tạo (\S+)\.mdx/.exec(result.stdout)?.[1];
  const mdx = created ? readFileSync(`${created}.mdx`, "utf8") : "";
  const { frontmatter, content } = parseFrontmatter(mdx);
  return { ...result, data: frontmatter as Record<string, unknown>, content };
}

/** The capture's own lines, byte for byte, by line number (1-based). */
const lineOf = (name: string, n: number) =>
  readFileSync(resolve(ROOT, CAPTURES, name), "utf8").split("\n")[n - 1]!;

describe("furniture under the title, a capitals byline, then a “Nguồn:” line", () => {
  const run = articleNew("furniture-under-title.txt");

  it("keeps the two paragraphs exactly; the menu words under the title are left out", () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.data.title).toBe("Đảng bộ xã Quảng Hợp nâng cao chất lượng sinh hoạt chi bộ");
    expect(mdxBlocks(run.content)).toEqual([
      {
        kind: "paragraph",
        text: "Đảng bộ xã Quảng Hợp hiện có 12 chi bộ trực thuộc với 356 đảng viên.",
      },
      {
        kind: "paragraph",
        text: "Các chi bộ duy trì sinh hoạt định kỳ hằng tháng, chú trọng sinh hoạt chuyên đề.",
      },
    ]);
    expect(run.stdout).toContain(
      "  bỏ ra (không phải lời bài): dòng 1 “TRANG CHỦ”; dòng 2 “XÂY DỰNG ĐẢNG”; dòng 5 “Phản hồi”; dòng 6 “In bài”; dòng 7 “Chia sẻ”; dòng 16 “Nguồn: Báo Quảng Bình”; dòng 17 “Gửi bình luận của bạn”",
    );
  });

  it("the byline in capitals is the author; the source line is the outlet, never the author", () => {
    expect(run.data.author).toEqual({ name: "MINH ĐỨC" });
    expect(run.data.source).toEqual({ outlet: "Báo Quảng Bình" });
    expect(run.data.published).toBe("2024-03-04T09:15:00");
    expect(run.stdout.split("\n")).toContain(
      `  nguồn (dòng 16): “Nguồn: Báo Quảng Bình” → source.outlet: "Báo Quảng Bình" (không phải tác giả)`,
    );
    expect(run.stdout).not.toContain("Cần kiểm tra lại");
    expect(run.stdout).not.toContain("- source.outlet:");
  });
});

describe("furniture between paragraphs, a mixed-case byline, then “Theo …”", () => {
  const run = articleNew("furniture-between.txt");

  it("keeps each paragraph and caption exactly, around share links, a related list and a credit", () => {
    expect(run.status, run.stderr).toBe(0);
    expect(mdxBlocks(run.content)).toEqual([
      {
        kind: "paragraph",
        text: "Chi bộ thôn Đông vừa tổ chức lễ kết nạp 3 đảng viên mới là đoàn viên thanh niên của thôn.",
      },
      {
        kind: "paragraph",
        text: "Lễ kết nạp được tổ chức trang trọng, đúng quy định của Điều lệ Đảng và hướng dẫn của cấp trên.",
      },
      { kind: "caption", text: "Quang cảnh lễ kết nạp đảng viên tại nhà văn hóa thôn Đông" },
      {
        kind: "paragraph",
        text: "Bí thư Chi bộ giao nhiệm vụ cho từng đảng viên mới ngay sau buổi lễ kết nạp.",
      },
    ]);
    const capture = readCapture(
      readFileSync(resolve(ROOT, CAPTURES, "furniture-between.txt"), "utf8"),
    );
    for (const block of capture.blocks)
      expect(block.text).toBe(lineOf("furniture-between.txt", block.line));
    expect(capture.furniture.map((f) => f.line)).toEqual([5, 7, 8, 9, 14, 17, 20]);
  });

  it("the mixed-case byline is the author and is listed to check; the domain is the outlet", () => {
    expect(run.data.author).toEqual({ name: "Nguyễn Thị Hồng Nhung" });
    expect(run.data.source).toEqual({ outlet: "baoquangbinh.vn" });
    const lines = run.stdout.split("\n");
    expect(lines).toContain(
      `  nguồn (dòng 20): “Theo baoquangbinh.vn” → source.outlet: "baoquangbinh.vn" (không phải tác giả)`,
    );
    const at = lines.indexOf("Cần kiểm tra lại:");
    expect(lines.slice(at, at + 2)).toEqual([
      "Cần kiểm tra lại:",
      "  - tác giả đoán từ dòng 19 “Nguyễn Thị Hồng Nhung”: dòng ngắn cuối bài, không viết hoa toàn bộ như tên tác giả thường in; đối chiếu bản gốc, nếu không phải tên tác giả thì bỏ author và đưa dòng này vào lời bài",
    ]);
  });
});

describe("furniture after the body: print links, reply form, related list, footer", () => {
  const run = articleNew("furniture-after.txt");

  it("keeps the body exactly, the byline with its role, and nothing of the page after it", () => {
    expect(run.status, run.stderr).toBe(0);
    expect(mdxBlocks(run.content)).toEqual([
      {
        kind: "paragraph",
        text: "Đảng ủy Khối doanh nghiệp tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2023.",
      },
      { kind: "paragraph", text: "Hội nghị đề ra nhiệm vụ trọng tâm của năm 2024." },
    ]);
    expect(run.data.author).toEqual({ name: "Trần Quốc Bảo", role: "Phóng viên" });
    expect(run.data.published).toBe("2024-01-20");
    // A footer sentence after the body starts the page's tail: it never becomes a paragraph.
    expect(run.content).not.toMatch(/Bản quyền|Địa chỉ|Họ và tên|Tin cùng chuyên mục/);
    expect(run.stdout.split("\n")).toContain("  - source.outlet: tên báo/trang nguồn như bài ghi");
  });
});

describe("a breadcrumb before the kicker, “(Theo Báo …)” and no byline", () => {
  const run = articleNew("source-no-byline.txt");

  it("keeps the body exactly, takes the outlet, writes no author and says so", () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.data.kicker).toBe("Đảng bộ huyện Lộc Bình:");
    expect(run.data.title).toBe("Tập trung phát triển đảng viên ở thôn, bản");
    expect(mdxBlocks(run.content).map((b) => b.text)).toEqual([
      "Đảng bộ huyện Lộc Bình tập trung tạo nguồn phát triển đảng viên ở các thôn, bản vùng sâu.",
      "Nhiều chi bộ đã xóa được tình trạng thôn, bản không có đảng viên.",
    ]);
    expect(run.data).not.toHaveProperty("author");
    expect(run.data.source).toEqual({ outlet: "Báo Lạng Sơn" });
    expect(run.stdout.split("\n")).toContain(
      "  - bài không ghi tác giả; dòng 10 “(Theo Báo Lạng Sơn)” là nguồn (source.outlet), không phải tác giả: kiểm tra lại với bản gốc",
    );
  });
});

describe("no body: the error names the line that stopped it", () => {
  it("a related list after the title: file:line of its heading, word for word", () => {
    const run = articleNew("no-body.txt");
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      "tests/fixtures/captures/no-body.txt:5:1 Không thấy đoạn văn nào của bài sau tiêu đề (dòng 1): dòng 5 “Tin liên quan” được coi là phần trang (danh sách tin khác, khung bình chọn, cuối trang) nên các dòng ngắn sau nó bị bỏ ra. Nếu lời bài nằm sau dòng này, xóa dòng này trong tệp chép rồi chạy lại.",
    );
  });

  it.each([
    [
      "Tiêu đề bài\nPhản hồi\nIn bài\n",
      "bai.txt:2:1 Không thấy đoạn văn nào của bài sau tiêu đề (dòng 1): từ dòng 2 “Phản hồi” trở đi chỉ có phần trang (menu, chia sẻ, in bài, dòng nguồn); kiểm tra tệp đã chép có lời bài.",
    ],
    [
      "Tiêu đề bài\n\n\nẢnh chụp hội nghị\n",
      "bai.txt:4:1 Không thấy đoạn văn nào của bài sau tiêu đề (dòng 1): các dòng sau tiêu đề đều là chú thích ảnh (không ra câu, đứng chỗ ảnh); kiểm tra tệp đã chép có lời bài.",
    ],
    [
      "\nTiêu đề bài\n",
      "bai.txt:2:1 Không thấy đoạn văn nào của bài sau tiêu đề (dòng 2): tệp hết ở dòng 2; kiểm tra tệp đã chép có lời bài.",
    ],
  ])("%j", (text, message) => {
    const capture = readCapture(text);
    expect(capture.blocks.some((b) => b.kind === "paragraph")).toBe(false);
    expect(noBodyMessage(capture, "bai.txt")).toBe(message);
  });
});

describe("the documented furniture list", () => {
  it("data/README.md names every menu word and list heading the tool recognises", () => {
    const readme = readFileSync(resolve(ROOT, "data/README.md"), "utf8");
    const section =
      /### Trang chép từ nơi khác\n([\s\S]*?)\n## /.exec(readme)?.[1]?.replace(/\s+/g, " ") ?? "";
    for (const word of [...MENU_WORDS, ...LIST_HEADINGS]) expect(section).toContain(`“${word}”`);
  });

  it.each([
    "Chia sẻ: Facebook | Zalo",
    "[In bài] [Gửi email]",
    "Bản in | Lên đầu trang",
    "https://baoquangbinh.vn/xay-dung-dang/202403/bai.htm",
    "Ảnh: Hải Yến",
    "(Ảnh minh họa)",
  ])("%j is furniture anywhere in the body", (line) => {
    const capture = readCapture(`Tiêu đề\n\nĐoạn một của bài.\n${line}\nĐoạn hai của bài.\n`);
    expect(capture.blocks.map((b) => b.text)).toEqual(["Đoạn một của bài.", "Đoạn hai của bài."]);
    expect(capture.furniture).toEqual([{ text: line, line: 4 }]);
  });

  it.each([
    "Theo đó, đối với tập thể lãnh đạo quản lý, có 8/40 tập thể hoàn thành xuất sắc nhiệm vụ.",
    "Theo báo cáo của Huyện ủy",
    "Chia sẻ kinh nghiệm sinh hoạt chi bộ",
  ])("%j stays in the body", (line) => {
    const capture = readCapture(`Tiêu đề\n\nĐoạn một của bài.\n${line}\nĐoạn hai của bài.\n`);
    expect(capture.blocks.map((b) => b.text)).toContain(line);
    expect(capture.outlet).toBeUndefined();
  });
});
