// Every check a comment passes, then the write: throws a Refusal (nothing stored) or resolves
// once the comment is committed, pending moderation.
import { createHash, createHmac } from "node:crypto";
import type { Context } from "hono";
import {
  checkSubmission,
  countLinks,
  COMMENT_LIMITS,
  duplicateKey,
  HONEYPOT_FIELD,
} from "../../lib/comments/submission.ts";
import type { FeatureContext } from "../feature.ts";
import { clientAddress } from "../http/client.ts";
import { own } from "../http/request.ts";
import type { CommentStore } from "../store/comments.ts";
import { checkFormToken } from "./form-token.ts";
import { Refusal } from "./refusal.ts";

const HOUR = 3600_000;
const FIELDS = ["article", "name", "email", "text", "consent", "token", HONEYPOT_FIELD];

export type SubmitDeps = Pick<FeatureContext, "articles" | "trustProxy" | "now"> & {
  store: CommentStore;
  formSecret: () => Promise<string>;
  /** The key of a sender's address (a keyed hash: the database never holds the address). */
  senderKey: (address: string) => Promise<string>;
  /** Comments accepted per address per hour (COMMENT_LIMIT_PER_HOUR); 0: no limit. */
  perHour: number;
  minSeconds: number;
};

/** The sender key: an HMAC of the address with a secret kept in the database. */
export const senderKeyOf = (secret: () => Promise<string>) => async (address: string) =>
  createHmac("sha256", await secret())
    .update(address)
    .digest("base64url");

export async function submitComment(
  d: SubmitDeps,
  c: Context,
  fields: Record<string, unknown>,
  json: boolean,
): Promise<{ id: number; article: string | null }> {
  const raw = Object.fromEntries(
    FIELDS.filter((k) => own(fields, k) !== undefined).map((k) => [k, own(fields, k)]),
  );
  if (typeof raw[HONEYPOT_FIELD] === "string" && raw[HONEYPOT_FIELD] !== "") {
    throw new Refusal("o-an");
  }
  const known = await d.articles();
  // The API's documented body is { article, name, email, text }: consent and the form token
  // are required of forms, and checked for an API client only when it sends them.
  const checked = checkSubmission(raw, (slug) => known.has(slug), { consentRequired: !json });
  if (!checked.ok) throw new Refusal(checked.code, undefined, checked.field);
  const tokenState = checkFormToken(await d.formSecret(), raw.token, d.now(), d.minSeconds);
  if (tokenState === "too-fast") throw new Refusal("qua-nhanh");
  if (tokenState !== "ok" && !(json && tokenState === "missing")) throw new Refusal("xem-lai");
  const value = checked.value;
  if (countLinks(value.text) > COMMENT_LIMITS.links || countLinks(value.name) > 0) {
    throw new Refusal("lien-ket");
  }
  const now = d.now();
  const limit =
    d.perHour > 0
      ? {
          sender: await d.senderKey(clientAddress(c, d.trustProxy)),
          since: new Date(now - HOUR),
          max: d.perHour,
        }
      : undefined;
  const outcome = await d.store.addComment(
    {
      kind: value.article ? "comment" : "feedback",
      ...value,
      textHash: createHash("sha256").update(duplicateKey(value.text)).digest("base64url"),
      at: new Date(now),
    },
    limit,
  );
  if (outcome.status === "limited") {
    const freeAt = Date.parse(outcome.oldest) + HOUR;
    throw new Refusal("qua-nhieu", Math.max(1, Math.ceil((freeAt - now) / 60_000)));
  }
  if (outcome.status === "duplicate") throw new Refusal("trung");
  return { id: outcome.id, article: value.article };
}
