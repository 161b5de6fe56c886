// Page furniture of a captured page, wherever it stands (before, between or after the body): a
// documented list of menu and share words plus a few shapes. data/README.md (“Trang chép từ nơi
// khác”) lists the same words for staff; tests/unit/article-new.test.ts keeps the two in step.

/** Whitespace runs (no-break spaces, indentation) are layout, not text. */
export const tidy = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, " ").trim();

/** Headings over lists of other articles: menu words, and list headings (LIST_HEADINGS). */
const RELATED_LISTS = [
  "Tin liên quan",
  "Tin cùng chuyên mục",
  "Tin khác",
  "Các tin khác",
  "Bài liên quan",
  "Xem thêm",
  "Đọc thêm",
  "Tin mới",
  "Tin đọc nhiều",
] as const;

/** Menu, share, print and reply words a news page shows around an article. */
export const MENU_WORDS = [
  "Trang chủ",
  "Phản hồi",
  "In bài",
  "In bài viết",
  "In trang",
  "Bản in",
  "Chia sẻ",
  "Chia sẻ bài viết",
  "Gửi email",
  "Gửi bài",
  "Gửi bình luận",
  "Gửi bình luận của bạn",
  "Bình luận",
  "Ý kiến bạn đọc",
  "Lên đầu trang",
  "Về đầu trang",
  "Quay lại",
  "Trở về trang trước",
  ...RELATED_LISTS,
  "Lưu bài",
  "Nghe bài viết",
  "Cỡ chữ",
  "Facebook",
  "Zalo",
  "Twitter",
  "Email",
  "Tweet",
  "Like",
  "Thích",
] as const;

/** Headings over a list of other articles or a reply form: the short lines under them are furniture too. */
export const LIST_HEADINGS = [
  ...RELATED_LISTS,
  "Gửi bình luận của bạn",
  "Ý kiến bạn đọc",
] as const;

/** Footer and back links: once the body has begun, everything from here on is the page. */
const TAIL = [
  /^< ?Trở về trang trước$/iu,
  /^(Bản quyền|Copyright|©|Giấy phép|Cơ quan chủ quản|Chịu trách nhiệm|Ghi rõ nguồn)/iu,
];

/** Reading tools: always one line of their own. */
const TOOLS = [/^Xem với cỡ chữ/iu, /^Cỡ chữ\b/iu];

/** Page blocks as a start line and an end line (inclusive): the poll and the visit counter. */
export const BLOCKS: [start: RegExp, end: RegExp][] = [
  [/^Bình chọn$/iu, /người đã tham gia bình chọn$/iu],
  [/^Thống kê truy cập$/iu, /^•? ?Tổng:? [\d.]+$/iu],
];

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const WORDS = [...MENU_WORDS].sort((a, b) => b.length - a.length).map(escape);
const MENU_RUN = new RegExp(`(?<![\\p{L}])(?:${WORDS.join("|")})(?![\\p{L}])`, "giu");
const SEPARATORS = /^[\s|·•/\-–—,:;><»«[\]()]*$/u;
const URL = /^(?:https?:\/\/|www\.)\S+$/iu;

/** A short line of nothing but menu words and separators: “Chia sẻ: Facebook | Zalo”, “[In bài]”. */
export function isMenuLine(text: string): boolean {
  if (URL.test(text)) return true;
  if (text.length > 80) return false;
  const rest = text.replace(MENU_RUN, "");
  return rest !== text && SEPARATORS.test(rest);
}

/** “Trang chủ » Tin tức » Xây dựng Đảng”: a breadcrumb, furniture before the title. */
export const isBreadcrumb = (text: string) =>
  text.length <= 100 && (text.match(/\s[|»>›/]\s/gu)?.length ?? 0) >= 1 && !/[.!?]$/.test(text);

export const isListHeading = (text: string) =>
  LIST_HEADINGS.some((h) => h.toLocaleLowerCase("vi") === text.toLocaleLowerCase("vi"));

export const isTail = (text: string) => TAIL.some((p) => p.test(text));
export const isTool = (text: string) => TOOLS.some((p) => p.test(text));

/** “Ảnh: Hải Yến”, “(Ảnh minh họa)”, “Nguồn ảnh: TTXVN”: a photo credit standing on its own line. */
export const isPhotoCredit = (text: string) =>
  /^\(?\s*(?:Ảnh(?: minh h[oọ]a)?|Nguồn ảnh|Ảnh tư liệu)\s*(?::\s*[^.]{1,60})?\s*\)?\.?$/iu.test(text);

/** Words an outlet's name starts with after “Theo” (“Theo Báo Quảng Bình”), not “Theo báo cáo”. */
const OUTLET_START =
  /^(?:Báo(?! cáo)|Tạp chí|Đài|Cổng|Trang|Website|Thông tấn|TTXVN|VOV|VTV|\p{Lu}{2,}\b)/u;
const DOMAIN = /[\p{L}\d-]+\.(?:vn|com|net|org|gov|info)(?:\.vn)?\/?$/iu;

/** A bare line naming an outlet (“Báo Quảng Bình”, “baoquangbinh.vn”): an outlet, never a byline. */
export const looksLikeOutlet = (text: string) =>
  /^(?:Báo(?! cáo)|Tạp chí|Đài|Cổng thông tin|Trang tin|Website|Thông tấn xã|TTXVN)(?![\p{L}])/u.test(text) ||
  DOMAIN.test(text);

/**
 * “Nguồn: Báo Quảng Bình”, “Theo baoquangbinh.vn”, “(Theo Báo Lạng Sơn)”: the outlet the page
 * names as its source, or undefined when the line is not such a source line.
 */
export function sourceLineOutlet(text: string): string | undefined {
  const plain = text.replace(/^\((.*)\)\.?$/u, "$1").trim();
  const named = /^Nguồn\s*:\s*(.+?)\.?$/iu.exec(plain);
  if (named && !/^Nguồn ảnh/iu.test(plain) && named[1]!.length <= 80) return named[1]!.trim();
  const after = /^Theo\s+(.+?)\.?$/u.exec(plain)?.[1]?.trim();
  if (!after || after.includes(",") || after.split(" ").length > 8) return undefined;
  return DOMAIN.test(after) || OUTLET_START.test(after) ? after : undefined;
}
