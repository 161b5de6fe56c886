// The five source documents (verbatim copies in tests/fixtures/seeds/) and how each of their lines is
// used: page furniture, title, kicker, date line, byline, photo caption, or article paragraph.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

export const SEEDS_DIR = resolve(import.meta.dirname, "../fixtures/seeds");
export const NEWS_DIR = resolve(import.meta.dirname, "../../content/news");

export type SeedArticle = {
  file: string;
  slug: string;
  title: string;
  /** Line printed above the title. */
  kicker?: string;
  /** The date line as printed, and the day it gives as dd/mm/yyyy (plus hh:mm when it has a time). */
  dateLine?: { line: string; day: string; time?: string };
  /** Byline lines as printed, and what they become in frontmatter. */
  byline: string[];
  author?: { name: string; role?: string };
  /** The outlet's mark before the lead, kept in the text and recorded in frontmatter. */
  mark?: string;
  /** Lines captured with the page that are not article text: menus, poll, counter, links. */
  furniture: string[];
  /** Photo captions (each appears once; the capture may repeat it as image alt text). */
  captions: string[];
};

export const SEEDS: SeedArticle[] = [
  {
    file: "000_17e719cbb9119ebf.txt",
    slug: "tuyen-hoa-cung-co-to-chuc-co-so-dang",
    title:
      "Tăng cường xây dựng, củng cố tổ chức cơ sở đảng đáp ứng yêu cầu, nhiệm vụ trong giai đoạn mới",
    byline: ["Bùi Thanh Chuyên", "( PBT TT Huyện ủy, Chủ tịch HĐND huyện)"],
    author: { name: "Bùi Thanh Chuyên", role: "PBT TT Huyện ủy, Chủ tịch HĐND huyện" },
    furniture: [
      "ĐẤU THẦU - MUA SẮM CÔNG",
      "Bình chọn",
      "Theo bạn thông tin nội dung website thế nào ?",
      "Phong phú đa dạng",
      "Dễ sử dụng",
      "Hữu ích",
      "126 người đã tham gia bình chọn",
      "Thống kê truy cập",
      "Số lượng và lượt người truy cập",
      "• Online 6",
      "• Hôm nay 14",
      "• Tổng 6.264.685",
      "Xem với cỡ chữ : A- A A+",
      "Các tin khác",
    ],
    captions: [],
  },
  {
    file: "001_49afc080ee8d0b53.txt",
    slug: "lang-son-thi-dua-lam-tot-cong-tac-to-chuc-xay-dung-dang",
    title: "Thi đua làm tốt công tác tổ chức xây dựng Đảng",
    byline: [],
    furniture: ["Phản hồi", "Các tin khác"],
    captions: [
      "Ngành tổ chức xây dựng Đảng tỉnh Lạng Sơn đã có nhiều đóng góp vào việc chuẩn bị, tổ chức thành công Đại hội đại biểu Đảng bộ tỉnh Lạng Sơn lần thứ XVII. (Ảnh: HP).",
      "Kết nạp đảng viên tại Đảng bộ Cục Quản lý thị trường tỉnh Lạng Sơn. (Ảnh: TT).",
    ],
  },
  {
    file: "002_4d62aba777d98992.txt",
    slug: "khoi-cac-co-quan-tinh-lang-son-xay-dung-dang-la-then-chot",
    title: "Khi xây dựng Đảng là then chốt",
    kicker: "Đảng bộ Khối các cơ quan tỉnh:",
    dateLine: { line: "Thứ sáu, 12/08/2022", day: "12/08/2022" },
    byline: ["HẢI YẾN"],
    author: { name: "HẢI YẾN" },
    mark: "LSO",
    furniture: [],
    captions: ["Đảng viên học tập lý luận chính trị tại Đảng bộ Khối các cơ quan tỉnh – Ảnh: BT"],
  },
  {
    file: "003_8adcdb0704ca77db.txt",
    slug: "cao-lanh-doi-moi-phuong-thuc-lanh-dao-to-chuc-co-so-dang",
    title: "Đổi mới phương thức lãnh đạo, kiện toàn và nâng cao chất lượng tổ chức cơ sở đảng",
    dateLine: { line: "Cập nhật ngày: 17/06/2013 04:36:39", day: "17/06/2013", time: "04:36:39" },
    byline: ["Dũng Chinh"],
    author: { name: "Dũng Chinh" },
    furniture: ["Gửi bình luận của bạn"],
    captions: [],
  },
  {
    file: "004_bff571ff9cb4532b.txt",
    slug: "thanh-binh-xay-dung-dang-sat-voi-thuc-tien",
    title: "Huyện Thanh Bình thực hiện công tác xây dựng Đảng sát với thực tiễn đơn vị, địa phương",
    dateLine: { line: "Cập nhật ngày: 28/02/2023 05:40:48", day: "28/02/2023", time: "05:40:48" },
    byline: ["TIẾN ĐẠT"],
    author: { name: "TIẾN ĐẠT" },
    mark: "ĐTO",
    furniture: ["< Trở về trang trước", "Gửi bình luận của bạn"],
    captions: [
      "Đồng chí Phan Văn Thắng - Phó Bí thư Thường trực Tỉnh ủy (thứ 2, từ phải sang) và đồng chí Cao Thanh Xuân - Tỉnh ủy viên, Bí thư Huyện ủy Thanh Bình (bìa phải) kiểm tra thực tế tình hình hoạt động của Hợp tác xã Dịch vụ nông nghiệp Thống Nhất (xã Tân Mỹ, huyện Thanh Bình)",
    ],
  },
];

/** Whitespace differences (runs, no-break spaces, indentation) are layout, not text. */
export function normalize(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The source's non-blank lines, normalised, in order. */
export function sourceLines(seed: SeedArticle): string[] {
  return readFileSync(resolve(SEEDS_DIR, seed.file), "utf8")
    .split("\n")
    .map(normalize)
    .filter((line) => line !== "");
}

export type Block = { kind: "paragraph" | "caption"; text: string };

/**
 * The article body as the source gives it: every line that is not furniture, title, kicker,
 * date line or byline, in order; a caption repeated on the next line (image alt + caption) once.
 */
export function sourceBlocks(seed: SeedArticle): Block[] {
  const outside = new Set(
    [...seed.furniture, seed.title, seed.kicker, seed.dateLine?.line, ...seed.byline]
      .filter((line): line is string => line !== undefined)
      .map(normalize),
  );
  const captions = new Set(seed.captions.map(normalize));
  const blocks: Block[] = [];
  for (const line of sourceLines(seed)) {
    if (outside.has(line)) continue;
    const kind = captions.has(line) ? "caption" : "paragraph";
    const last = blocks.at(-1);
    if (kind === "caption" && last?.kind === "caption" && last.text === line) continue;
    blocks.push({ kind, text: line });
  }
  return blocks;
}

/** Paragraphs only, without captions. */
export function sourceParagraphs(seed: SeedArticle): string[] {
  return sourceBlocks(seed)
    .filter((block) => block.kind === "paragraph")
    .map((block) => block.text);
}
