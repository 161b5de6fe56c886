// A voter is a browser: an HttpOnly first-party cookie with a random id, of which the database
// keeps only the SHA-256, so colleagues behind one office address can each vote.
import { createHash, randomUUID } from "node:crypto";
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import type { PollStore } from "../store/polls.ts";

export const VOTER_COOKIE = "voter";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The browser keeps its id for 400 days (the longest a browser allows). */
const MAX_AGE_SECONDS = 400 * 24 * 3600;

const hashed = (id: string) => createHash("sha256").update(id).digest("base64url");

/** The browser's own id when it sent a well-formed one. */
const cookieId = (c: Context): string | undefined => {
  const id = getCookie(c, VOTER_COOKIE);
  return id && UUID.test(id) ? id : undefined;
};

/** The browser's random id, hashed: the database never sees the cookie value itself. */
export function voterOf(c: Context): string | undefined {
  const id = cookieId(c);
  return id ? hashed(id) : undefined;
}

/** The option this browser chose in `pollId`, or null. */
export async function votedIn(
  c: Context,
  store: PollStore,
  pollId: string,
): Promise<string | null> {
  const voter = voterOf(c);
  return voter ? ((await store.voteOf(pollId, voter)) ?? null) : null;
}

/** The voter of a vote about to be recorded: this browser's id, or a new one. */
export function newVote(c: Context): { voter: string; remember: (secure: boolean) => void } {
  const known = cookieId(c);
  const id = known ?? randomUUID();
  return {
    voter: hashed(id),
    // A new browser gets its cookie only once its vote is recorded.
    remember: (secure) => {
      if (known) return;
      setCookie(c, VOTER_COOKIE, id, {
        path: "/",
        httpOnly: true,
        sameSite: "Lax",
        secure,
        maxAge: MAX_AGE_SECONDS,
      });
    },
  };
}
