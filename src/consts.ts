// Site-wide names and lists: no magic strings elsewhere.

export const SITE_TITLE = "Xây dựng Đảng — Tin tức và số liệu";
export const SITE_SHORT_TITLE = "Xây dựng Đảng";
export const SITE_DESCRIPTION =
  "Tin tức và số liệu thống kê về công tác xây dựng Đảng ở cơ sở: tổ chức đảng, đảng viên, kết nạp, đánh giá xếp loại, kiểm tra giám sát.";

/** Articles per page on the paginated lists (news, topics, places). */
export const ARTICLES_PER_PAGE = 20;

/** How many of the newest articles the RSS feed carries. */
export const RSS_ITEMS = 50;

/** How many "Các tin khác" links an article shows. */
export const OTHER_NEWS_COUNT = 5;

export const NAV_LINKS = [
  { href: "/", label: "Trang chủ" },
  { href: "/tin-tuc/", label: "Tin tức" },
  { href: "/thong-ke/", label: "Thống kê" },
  { href: "/du-lieu/", label: "Dữ liệu" },
  { href: "/tim-kiem/", label: "Tìm kiếm" },
] as const;

/** Topics an article can carry; the key is the URL segment under /chu-de/. */
export const TOPICS = {
  "to-chuc-co-so-dang": "Tổ chức cơ sở đảng",
  "phat-trien-dang-vien": "Phát triển đảng viên",
  "danh-gia-xep-loai": "Đánh giá, xếp loại chất lượng",
  "kiem-tra-giam-sat": "Kiểm tra, giám sát, kỷ luật",
  "giao-duc-chinh-tri": "Giáo dục chính trị, tư tưởng",
  "thi-dua-khen-thuong": "Thi đua, khen thưởng",
  "cong-tac-can-bo": "Công tác cán bộ",
  "dai-hoi-dang": "Đại hội đảng bộ các cấp",
} as const;

export type TopicId = keyof typeof TOPICS;
export const TOPIC_IDS = Object.keys(TOPICS) as [TopicId, ...TopicId[]];

/** Id of the poll carried over from the original Tuyên Hóa page. */
export const ORIGINAL_POLL_ID = "danh-gia-website";
