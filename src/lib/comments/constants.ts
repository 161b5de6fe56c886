// Comment limits, field names, paths and words shared by the build, the server and the browser
// script: no imports, so the script's bundle stays small (no zod).
export const COMMENT_LIMITS = { name: 100, email: 254, text: 2000, links: 2 } as const;

/** Where readers read what is kept and for how long (the /gop-y/ page, README "Comments and moderation"). */
export const PRIVACY_PATH = "/gop-y/#du-lieu";
export const COMMENTS_PAGE_PATH = "/binh-luan/";
export const FEEDBACK_PAGE_PATH = "/gop-y/";
/** The honeypot: hidden from people, filled in by form-filling bots. */
export const HONEYPOT_FIELD = "website";

export const NO_COMMENTS = "Chưa có bình luận nào được duyệt.";

/** What a reader is told once a comment or feedback is committed (the page and the script). */
export const SENT_COMMENT =
  "Cảm ơn bạn. Bình luận đã được gửi và đang chờ duyệt; bình luận hiện dưới bài sau khi được duyệt.";
export const SENT_FEEDBACK = "Cảm ơn bạn. Góp ý đã được gửi tới ban biên tập.";
