// A reader's comment or feedback: the fields, their limits, and every refusal's words.
import { z } from "zod";
import { formatNumber } from "../format.ts";
import { fieldWithControl, isBlank, withoutInvisible } from "../odd-text.ts";
import { COMMENT_LIMITS, HONEYPOT_FIELD } from "./constants.ts";

export {
  COMMENT_LIMITS,
  COMMENTS_PAGE_PATH,
  FEEDBACK_PAGE_PATH,
  HONEYPOT_FIELD,
  PRIVACY_PATH,
} from "./constants.ts";

/** Every refusal (code → status, what the reader is told to do). Nothing is stored for any. */
export const REFUSALS = {
  "bai-viet": [400, "Không có bài viết này; mời bạn gửi bình luận từ trang bài viết."],
  ten: [400, `Mời bạn ghi tên (tối đa ${COMMENT_LIMITS.name} ký tự).`],
  email: [400, "Địa chỉ email chưa đúng; mời bạn sửa lại hoặc để trống ô này."],
  "noi-dung": [400, `Mời bạn viết nội dung (tối đa ${formatNumber(COMMENT_LIMITS.text)} ký tự).`],
  "dong-y": [400, "Mời bạn đánh dấu ô đồng ý về dữ liệu cá nhân rồi gửi lại."],
  "o-an": [
    400,
    "Chưa gửi được. Nếu bạn là người đọc, mời bạn để trống ô «Trang web (để trống)» rồi gửi lại.",
  ],
  "xem-lai": [
    400,
    "Để chống thư rác, mời bạn đọc lại nội dung dưới đây rồi bấm «Gửi» một lần nữa.",
  ],
  "qua-nhanh": [400, "Bạn gửi nhanh quá; mời bạn đợi vài giây rồi bấm «Gửi» lại."],
  "lien-ket": [
    400,
    `Nội dung có quá nhiều liên kết (tối đa ${COMMENT_LIMITS.links}); mời bạn bớt liên kết rồi gửi lại.`,
  ],
  trung: [
    409,
    "Nội dung này đã được gửi trước đó và đang chờ duyệt hoặc đã được xử lý; bạn không cần gửi lại.",
  ],
  "qua-nhieu": [
    429,
    "Địa chỉ mạng của bạn đã gửi nhiều lần trong thời gian ngắn; mời bạn thử lại sau.",
  ],
  "khac-trang": [
    403,
    "Nội dung được gửi từ một trang khác nên không được nhận. Mời bạn mở lại trang trên cổng thông tin rồi gửi.",
  ],
  "qua-dai": [413, "Nội dung quá dài; mời bạn rút gọn rồi gửi lại."],
  "ky-tu": [
    400,
    "Biểu mẫu có ký tự điều khiển không hiển thị được; mời bạn xoá ký tự đó rồi gửi lại.",
  ],
} as const satisfies Record<string, readonly [number, string]>;

export type RefusalCode = keyof typeof REFUSALS;

/** The fields a refusal may name, as the form labels them. */
const FIELD_LABELS: Record<string, string> = {
  name: "Họ và tên",
  email: "Email",
  text: "Nội dung",
  article: "Bài viết",
};

/** The message for a refusal; 429 says when to come back, "ky-tu" which field to fix. */
export function refusalMessage(code: RefusalCode, retryMinutes?: number, field?: string): string {
  if (code === "ky-tu" && field !== undefined && Object.hasOwn(FIELD_LABELS, field)) {
    return `Ô «${FIELD_LABELS[field]}» có ký tự điều khiển không hiển thị được; mời bạn xoá ký tự đó rồi gửi lại.`;
  }
  if (code === "qua-nhieu" && retryMinutes !== undefined) {
    return `Địa chỉ mạng của bạn đã gửi nhiều lần trong thời gian ngắn; mời bạn thử lại sau khoảng ${formatNumber(retryMinutes)} phút.`;
  }
  return REFUSALS[code][1];
}

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;
// Schemes, "www." and bare domains with a path all count as links.
const LINK = /\b(?:https?:\/\/|www\.)|\b[a-z0-9-]+\.(?:com|net|org|info|vn|ru|xyz|top)\b/gi;

export function countLinks(text: string): number {
  return text.match(LINK)?.length ?? 0;
}

/** Line ends unified, trailing spaces and runs of blank lines trimmed; the text otherwise as written. */
export function normaliseText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** What two texts share when they are "the same comment": case, spacing, punctuation and
 * invisible characters ignored. */
export function duplicateKey(text: string): string {
  return normaliseText(withoutInvisible(text))
    .toLowerCase()
    .replace(/[\s\p{P}]+/gu, " ")
    .trim();
}

const field = (max: number) => z.string().max(max * 4);

/** Raw request fields (form or JSON); only own properties are ever read into it. */
export const submissionSchema = z.object({
  article: field(200).optional(),
  name: field(COMMENT_LIMITS.name).optional(),
  email: field(COMMENT_LIMITS.email).optional(),
  text: field(COMMENT_LIMITS.text).optional(),
  consent: z.union([z.boolean(), z.string()]).optional(),
  token: z.string().optional(),
  [HONEYPOT_FIELD]: z.string().optional(),
});

export type Submission = {
  /** Slug, or null for feedback about the site. */
  article: string | null;
  name: string;
  email: string | null;
  text: string;
};

export type Checked =
  { ok: true; value: Submission } | { ok: false; code: RefusalCode; field?: string };

/** Every field a form or the API sends, checked for control characters before anything else. */
const TEXT_FIELDS = ["article", "name", "email", "text", "token", HONEYPOT_FIELD] as const;

/** The content checks, in the order a reader fixes them; spam checks come after (server). */
export function checkSubmission(
  raw: Record<string, unknown>,
  isArticle: (slug: string) => boolean,
  /** The form must carry the ticked box; an API client may leave it out (it shows the line itself). */
  options: { consentRequired: boolean } = { consentRequired: true },
): Checked {
  const parsed = submissionSchema.safeParse(raw);
  if (!parsed.success) {
    const path = String(parsed.error.issues[0]?.path[0] ?? "text");
    const byField: Record<string, RefusalCode> = {
      article: "bai-viet",
      name: "ten",
      email: "email",
      consent: "dong-y",
      token: "xem-lai",
      [HONEYPOT_FIELD]: "o-an",
    };
    return { ok: false, code: Object.hasOwn(byField, path) ? byField[path]! : "noi-dung" };
  }
  const f = parsed.data;
  const controlled = fieldWithControl(f, TEXT_FIELDS);
  if (controlled !== undefined) return { ok: false, code: "ky-tu", field: controlled };
  const article = f.article?.trim() || null;
  if (article !== null && !isArticle(article)) return { ok: false, code: "bai-viet" };
  const name = (f.name ?? "").normalize("NFC").replace(/\s+/g, " ").trim();
  if (isBlank(name) || [...name].length > COMMENT_LIMITS.name) return { ok: false, code: "ten" };
  const email = (f.email ?? "").trim() || null;
  if (email !== null && (email.length > COMMENT_LIMITS.email || !EMAIL.test(email))) {
    return { ok: false, code: "email" };
  }
  const text = normaliseText(f.text ?? "");
  if (isBlank(text) || [...text].length > COMMENT_LIMITS.text) {
    return { ok: false, code: "noi-dung" };
  }
  const consentLeftOut = f.consent === undefined && !options.consentRequired;
  const consented =
    f.consent === true || f.consent === "on" || f.consent === "1" || f.consent === "true";
  if (!consented && !consentLeftOut) {
    return { ok: false, code: "dong-y" };
  }
  return { ok: true, value: { article, name, email, text } };
}
