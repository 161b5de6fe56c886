// The comment form's token: when the form was shown, signed, so a bot cannot claim it waited.
import { createHmac, timingSafeEqual } from "node:crypto";

/** A form older than this is refused as expired (the reader reloads the page). */
const MAX_AGE_MS = 24 * 3600 * 1000;

export type TokenCheck = "ok" | "missing" | "invalid" | "too-fast";

const sign = (secret: string, issued: string): string =>
  createHmac("sha256", secret).update(`comment-form:${issued}`).digest("base64url");

export function issueFormToken(secret: string, now: number): string {
  const issued = String(now);
  return `${issued}.${sign(secret, issued)}`;
}

export function checkFormToken(
  secret: string,
  token: unknown,
  now: number,
  minSeconds: number,
): TokenCheck {
  if (token === undefined || token === "") return "missing";
  if (typeof token !== "string" || token.length > 100) return "invalid";
  const [issued = "", mac = ""] = token.split(".");
  const expected = Buffer.from(sign(secret, issued));
  const given = Buffer.from(mac);
  if (!/^\d{1,15}$/.test(issued) || given.length !== expected.length) return "invalid";
  if (!timingSafeEqual(given, expected)) return "invalid";
  const age = now - Number(issued);
  if (age < 0 || age > MAX_AGE_MS) return "invalid";
  return age < minSeconds * 1000 ? "too-fast" : "ok";
}
