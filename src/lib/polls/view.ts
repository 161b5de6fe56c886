// Poll results as readers see them: one renderer for the build, the server and the browser.
import { formatNumber, formatShare } from "../format.ts";
import { escapeHtml } from "../html.ts";

export type PollOptionResult = { id: string; label: string; votes: number };

/** The JSON body of GET /api/polls/:id (and of a 201/409 vote answer). */
export type PollResults = {
  id: string;
  question: string;
  options: PollOptionResult[];
  /** People who voted on the original site; their choices are unknown. */
  priorParticipants: number;
  /** People who voted here (one vote each), so also the sum of `options[].votes`. */
  participantsHere: number;
  /** priorParticipants + participantsHere. */
  participants: number;
  opensAt: string | null;
  closesAt: string | null;
  open: boolean;
  /** The option this browser chose, or null. */
  votedOptionId: string | null;
};

/** Who took part, honestly: earlier participants' choices are unknown. */
export function participantsText(r: PollResults): string {
  const here = `${formatNumber(r.participantsHere)} người bình chọn tại đây`;
  if (r.priorParticipants === 0) return `${here}.`;
  return (
    `${formatNumber(r.priorParticipants)} người đã bình chọn trên trang cũ ` +
    `(không rõ chọn phương án nào) + ${here}.`
  );
}

/** Below this many votes cast here, options show counts only: "1 phiếu · 100%" says too much. */
export const SHARES_FROM_VOTES = 20;

/** Bars with counts of the votes cast here, and their shares once there are enough votes. */
export function renderBarsHtml(r: PollResults): string {
  const total = r.participantsHere;
  const shares = total >= SHARES_FROM_VOTES;
  const items = r.options
    .map((o) => {
      const share = total > 0 ? o.votes / total : 0;
      const width = (share * 100).toFixed(1);
      const mine = o.id === r.votedOptionId ? " poll-option--mine" : "";
      return (
        `<li class="poll-option${mine}"><span class="poll-option__label">${escapeHtml(o.label)}</span> ` +
        `<span class="poll-option__figure">${formatNumber(o.votes)} phiếu` +
        `${shares ? ` · ${formatShare(share)}` : ""}</span>` +
        `<span class="poll-option__bar" aria-hidden="true"><span style="width:${width}%"></span></span></li>`
      );
    })
    .join("");
  return `<ul class="poll-results">${items}</ul>`;
}

/** Bars, then who took part (and, while votes are few, why there are no percentages). */
export function renderResultsHtml(r: PollResults): string {
  const few =
    r.participantsHere > 0 && r.participantsHere < SHARES_FROM_VOTES
      ? ` Tỉ lệ phần trăm hiện khi có từ ${formatNumber(SHARES_FROM_VOTES)} phiếu.`
      : "";
  return `${renderBarsHtml(r)}<p class="poll-note">${escapeHtml(participantsText(r) + few)}</p>`;
}

/** The page a no-JavaScript vote lands on (POST, then 303 here with `ket-qua`). */
export const POLL_PAGE_PATH = "/binh-chon/";

/** `?ket-qua=` codes after a form vote and what readers are told. */
export const FORM_OUTCOMES = {
  "da-ghi": "Cảm ơn bạn, phiếu bình chọn đã được ghi nhận.",
  "da-binh-chon": "Bạn đã bình chọn trước đó; mỗi trình duyệt chỉ bình chọn một lần.",
  "da-dong": "Cuộc bình chọn này không nhận phiếu (chưa mở hoặc đã kết thúc).",
  "chua-chon": "Bạn chưa chọn phương án nào; mời bạn chọn rồi gửi lại.",
  "qua-nhieu":
    "Có quá nhiều lượt gửi từ địa chỉ mạng của bạn trong một phút; phiếu chưa được ghi. Mời bạn thử lại sau ít phút.",
  "khac-trang":
    "Phiếu được gửi từ một trang khác nên không được ghi. Mời bạn mở lại trang của cổng thông tin rồi bình chọn.",
  "khong-co":
    "Không có cuộc bình chọn này (có thể đường dẫn đã cũ); phiếu chưa được ghi. Mời bạn bình chọn ở cuộc bình chọn dưới đây.",
} as const;

export type FormOutcome = keyof typeof FORM_OUTCOMES;

/** Only a same-site path may be a return address (no "//host" or "/\host" tricks). */
export function safeReturnPath(value: unknown): string | undefined {
  return typeof value === "string" && value.length <= 300 && /^\/(?![/\\])[^\s\\]*$/.test(value)
    ? value
    : undefined;
}

/** The API's `error` for a poll that has not opened yet (403), so the widget can say so. */
export const NOT_OPEN_ERROR = "poll is not open yet";

/** What the enhanced widget tells readers; the server's own (English) error never reaches them. */
export const VOTE_MESSAGES = {
  unavailable: "Hiện không xem được số liệu trực tiếp; mời bạn thử lại sau.",
  closed: "Cuộc bình chọn đã kết thúc.",
  notOpen: "Cuộc bình chọn chưa bắt đầu.",
  tooFast: "Bạn thao tác quá nhanh, vui lòng thử lại sau ít phút.",
  refused: "Chưa ghi được phiếu; mời bạn tải lại trang rồi bình chọn lại.",
} as const;

/** Why the widget takes no votes: the API decided `open`; the dates only pick the words. */
export function closedMessage(r: Pick<PollResults, "opensAt">, now: Date): string {
  return r.opensAt !== null && Date.parse(r.opensAt) > now.getTime()
    ? VOTE_MESSAGES.notOpen
    : VOTE_MESSAGES.closed;
}

/** Said wherever only the build's figures are shown (no JavaScript, static host, API down). */
export const NO_LIVE_FIGURES = "Hiện không xem được số liệu trực tiếp.";

/**
 * Reader text for a vote the API did not take (any status but 201/409). `body` is the parsed
 * JSON, or undefined when the answer was not JSON (a proxy's or static host's error page).
 */
export function refusalMessage(status: number, body: unknown): string {
  if (typeof body !== "object" || body === null) return VOTE_MESSAGES.unavailable;
  if (status >= 500 || status === 404 || status === 405) return VOTE_MESSAGES.unavailable;
  if (status === 429) return VOTE_MESSAGES.tooFast;
  if (status === 403) {
    return (body as { error?: unknown }).error === NOT_OPEN_ERROR
      ? VOTE_MESSAGES.notOpen
      : VOTE_MESSAGES.closed;
  }
  return VOTE_MESSAGES.refused;
}
