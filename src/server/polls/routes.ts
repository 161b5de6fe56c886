// Polls: GET /api/polls, GET /api/polls/:id, POST /api/polls/:id/votes (JSON, or a form without
// JavaScript, answered with the poll page), and that page itself at /binh-chon/.
import { Hono, type Context } from "hono";
import { isPollOpen, type PollDefinition } from "../../lib/polls/schema.ts";
import {
  FORM_OUTCOMES,
  NOT_OPEN_ERROR,
  POLL_PAGE_PATH,
  safeReturnPath,
  type FormOutcome,
} from "../../lib/polls/view.ts";
import type { FeatureContext } from "../feature.ts";
import { apiJson, seeOther } from "../http/answers.ts";
import { isHttps } from "../http/client.ts";
import { HttpError } from "../http/errors.ts";
import { isFormPost, own, readFields } from "../http/request.ts";
import type { PollStore } from "../store/polls.ts";
import { pollPage, type PollPage } from "./page.ts";
import { pollResults, pollSummary } from "./results.ts";
import { newVote, votedIn } from "./voter.ts";

export type PollDeps = Pick<FeatureContext, "site" | "guard" | "trustProxy" | "now"> & {
  store: PollStore;
  /** The definitions now loaded (SIGHUP replaces their contents in place). */
  polls: Map<string, PollDefinition>;
};

/** Refusals of a no-JavaScript vote that get the poll page (same status) instead of JSON. */
const FORM_REFUSALS: Partial<Record<number, FormOutcome>> = {
  403: "khac-trang",
  404: "khong-co",
  429: "qua-nhieu",
};

export function pollRoutes(d: PollDeps): Hono {
  const page = pollPage(d);
  const find = (id: string): PollDefinition => {
    const poll = d.polls.get(id);
    if (!poll) throw new HttpError(404, "unknown poll");
    return poll;
  };
  const votes = new Hono();
  votes.post("/api/polls/:id/votes", d.guard, (c) => vote(c, d, find(c.req.param("id"))));
  // A reader without JavaScript sees a page saying why, not the API's JSON.
  votes.onError((error, c) => {
    const outcome = error instanceof HttpError ? FORM_REFUSALS[error.status] : undefined;
    if (!outcome || !(error instanceof HttpError) || !isFormPost(c)) throw error;
    const pollId = error.status === 404 ? undefined : c.req.param("id");
    return page(c, { pollId, outcome, status: error.status, headers: error.headers });
  });

  return new Hono()
    .get("/api/polls", (c) => {
      const at = new Date(d.now());
      return apiJson(
        c,
        [...d.polls.values()].map((p) => pollSummary(p, at)),
      );
    })
    .get("/api/polls/:id", async (c) => {
      const poll = find(c.req.param("id"));
      const voted = await votedIn(c, d.store, poll.id);
      return apiJson(c, await pollResults(d.store, poll, new Date(d.now()), voted));
    })
    .route("/", votes)
    .get(POLL_PAGE_PATH, (c) => showPage(c, page));
}

/** GET /binh-chon/?id=…&ket-qua=…&tu=…: where a vote sent without JavaScript lands. */
function showPage(c: Context, page: PollPage): Promise<Response> {
  const outcome = c.req.query("ket-qua");
  return page(c, {
    pollId: c.req.query("id"),
    outcome:
      outcome && Object.hasOwn(FORM_OUTCOMES, outcome) ? (outcome as FormOutcome) : undefined,
    from: safeReturnPath(c.req.query("tu")),
  });
}

/** Records one vote; a form gets a 303 to the poll page, JSON the results (201, or 409 again). */
async function vote(c: Context, d: PollDeps, poll: PollDefinition): Promise<Response> {
  const { kind, fields } = await readFields(c);
  const back = (outcome: FormOutcome) => {
    const query = new URLSearchParams({ id: poll.id, "ket-qua": outcome });
    const from = safeReturnPath(own(fields, "returnTo"));
    if (from) query.set("tu", from);
    return seeOther(c, `${POLL_PAGE_PATH}?${query}#ket-qua`);
  };
  const optionId = own(fields, "optionId");
  if (typeof optionId !== "string" || !poll.options.some((o) => o.id === optionId)) {
    if (kind === "form") return back("chua-chon");
    throw new HttpError(400, "unknown option");
  }
  const at = new Date(d.now());
  if (!isPollOpen(poll, at)) {
    if (kind === "form") return back("da-dong");
    const early = poll.opensAt !== undefined && at.getTime() < Date.parse(poll.opensAt);
    throw new HttpError(403, early ? NOT_OPEN_ERROR : "poll is closed");
  }
  const voter = newVote(c);
  const outcome = await d.store.recordVote(poll.id, voter.voter, optionId, at);
  if (outcome.status === "recorded") voter.remember(isHttps(c, d.trustProxy));
  if (kind === "form") return back(outcome.status === "recorded" ? "da-ghi" : "da-binh-chon");
  const voted = outcome.status === "recorded" ? optionId : outcome.optionId;
  const results = await pollResults(d.store, poll, at, voted);
  return apiJson(c, results, outcome.status === "recorded" ? 201 : 409);
}
