// /binh-chon/: the built poll page with live results and an outcome message filled in, where a
// vote sent without JavaScript lands (and a refused one is answered).
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { escapeHtml } from "../../lib/html.ts";
import { featuredPoll, type PollDefinition } from "../../lib/polls/schema.ts";
import {
  FORM_OUTCOMES,
  POLL_PAGE_PATH,
  renderResultsHtml,
  type FormOutcome,
  type PollResults,
} from "../../lib/polls/view.ts";
import type { Site } from "../site/site.ts";
import type { PollStore } from "../store/polls.ts";
import { pollResults } from "./results.ts";
import { votedIn } from "./voter.ts";

const PAGE_FILE = `${POLL_PAGE_PATH.slice(1)}index.html`;

export type PollPageRequest = {
  /** The poll to show; the featured one when unknown or left out. */
  pollId?: string;
  outcome?: FormOutcome;
  /** The page the reader came from (already checked to be one of ours). */
  from?: string;
  status?: ContentfulStatusCode;
  headers?: Record<string, string>;
};

export type PollPage = (c: Context, request: PollPageRequest) => Promise<Response>;

/** The live block: the outcome, the question, the bars, and the way back. */
function liveHtml(results: PollResults, outcome?: FormOutcome, from?: string): string {
  const message = outcome
    ? `<p class="poll-status" role="status">${FORM_OUTCOMES[outcome]}</p>`
    : "";
  const link = from ? `<p><a href="${escapeHtml(from)}">Trở lại trang bạn đang đọc</a></p>` : "";
  return (
    `${message}<h2 class="poll-question">${escapeHtml(results.question)}</h2>` +
    `${renderResultsHtml(results)}<p class="poll-live-note">Số liệu trực tiếp lúc bạn mở trang.</p>${link}`
  );
}

export function pollPage(d: {
  store: PollStore;
  polls: Map<string, PollDefinition>;
  site: Site;
  now: () => number;
}): PollPage {
  return async (c, { pollId, outcome, from, status, headers }) => {
    const at = new Date(d.now());
    const poll = d.polls.get(pollId ?? "") ?? featuredPoll([...d.polls.values()], at);
    if (!poll) return d.site.notFound(c);
    const results = await pollResults(d.store, poll, at, await votedIn(c, d.store, poll.id));
    const live = liveHtml(results, outcome, from);
    return d.site.fill(c, PAGE_FILE, { "poll-live": live }, { status, headers });
  };
}
