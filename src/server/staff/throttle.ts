// Sign-in throttling: after too many wrong passwords for an account, or from one address, within
// the window, further attempts wait; each attempt is counted before any password is checked.
import { createHmac } from "node:crypto";
import type { Context } from "hono";
import { formatNumber } from "../../lib/format.ts";
import type { StaffSettings } from "../config.ts";
import { clientAddress } from "../http/client.ts";
import type { StaffStore } from "../store/staff.ts";
import type { SecretStore } from "../store/types.ts";

export type Block = { message: string; retryAfterSeconds: number };

/** The client address as a keyed hash: throttling and the log without keeping addresses. */
export async function addressKeyOf(c: Context, secrets: SecretStore, trustProxy: number) {
  return createHmac("sha256", await secrets.secret("staff-address"))
    .update(clientAddress(c, trustProxy))
    .digest("base64url");
}

/** When the account and the address may try again: the latest end of a full window, if any. */
export function blockedUntil(
  failed: { account: string[]; address: string[] },
  settings: Pick<StaffSettings, "maxFailures" | "windowMinutes">,
): number | undefined {
  const max = settings.maxFailures;
  const ends = [failed.account, failed.address]
    .filter((times) => times.length >= max)
    .map((times) => Date.parse(times[times.length - max]!) + settings.windowMinutes * 60_000);
  return ends.length > 0 ? Math.max(...ends) : undefined;
}

/** "Mời bạn thử lại sau 09:45 (khoảng 12 phút nữa)": the clock in Vietnam time. */
export function blockMessage(until: number, now: number): string {
  const minutes = Math.max(1, Math.ceil((until - now) / 60_000));
  const clock = new Intl.DateTimeFormat("vi-VN", {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: "Asia/Ho_Chi_Minh",
  }).format(new Date(until));
  return `Đã có quá nhiều lần nhập sai mật khẩu. Mời bạn thử lại sau ${clock} (khoảng ${formatNumber(minutes)} phút nữa).`;
}

/** Counts this sign-in (before its password is checked), or the block when the account or
 * the address already failed too often lately: parallel attempts can never pass the limit. */
export async function claimAttempt(
  store: StaffStore,
  settings: StaffSettings,
  attempt: { username: string; addressKey: string; now: number },
): Promise<{ id: number } | { block: Block }> {
  const claim = await store.claimSignin({
    at: new Date(attempt.now),
    username: attempt.username,
    addressKey: attempt.addressKey,
    since: new Date(attempt.now - settings.windowMinutes * 60_000),
    max: settings.maxFailures,
  });
  if (claim.status === "claimed") return { id: claim.id };
  const until = blockedUntil(claim, settings) ?? attempt.now + 60_000;
  const block = {
    message: blockMessage(until, attempt.now),
    retryAfterSeconds: Math.max(1, Math.ceil((until - attempt.now) / 1000)),
  };
  return { block };
}
