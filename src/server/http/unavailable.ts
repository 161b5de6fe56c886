// What a reader sees when the database fails under a page or a form: a Vietnamese 503 page that
// says nothing was recorded and when to try again, self-contained (no store, no build needed).
import { SECURITY_HEADERS } from "./security.ts";

/** Seconds a client (or a proxy) is asked to wait before trying again. */
export const RETRY_AFTER_SECONDS = 30;

const PAGE =
  '<!doctype html><html lang="vi"><head><meta charset="utf-8">' +
  '<meta name="viewport" content="width=device-width, initial-scale=1">' +
  "<title>Tạm thời gián đoạn · Xây dựng Đảng</title>" +
  "<style>body{font:1.0625rem/1.6 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}h1{font-size:1.5rem}</style>" +
  "</head><body><main><h1>Tạm thời gián đoạn</h1>" +
  "<p>Máy chủ tạm thời chưa kết nối được cơ sở dữ liệu, nên chưa ghi nhận được gì từ yêu cầu này. " +
  "Mời bạn thử lại sau ít phút.</p>" +
  '<p><a href="/">Về trang chủ</a> · <a href="/tin-tuc/">Tin tức</a></p></main></body></html>';

export const UNAVAILABLE_HEADERS: Record<string, string> = {
  ...SECURITY_HEADERS,
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  "retry-after": String(RETRY_AFTER_SECONDS),
  "content-security-policy":
    "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
};

export function unavailablePage(): string {
  return PAGE;
}
