// Who is a visitor, without storing who they are: a keyed hash held in memory only.
import { hash, randomBytes } from "node:crypto";
import { isoDateInVietnam } from "../lib/format.ts";

export const ONLINE_WINDOW_MS = 5 * 60_000;
export const VISIT_WINDOW_MS = 30 * 60_000;

/** User agents that announce a crawler, a link preview or a script rather than a reader. */
const BOT_UA =
  /bot\b|bot\/|crawl|spider|slurp|preview|facebookexternalhit|embedly|headlesschrome|phantomjs|lighthouse|curl\/|wget\/|python-|httpclient|go-http-client|java\/|okhttp|axios\/|node-fetch|undici|^node$|libwww|scrapy|monitor|uptime|pingdom/i;

export function isBot(userAgent: string): boolean {
  return userAgent.trim() === "" || BOT_UA.test(userAgent);
}

const PURPOSE_HEADERS = ["sec-purpose", "purpose", "x-purpose", "x-moz"];
const PREFETCH = /prefetch|prerender|preview/i;

/** Prefetch and prerender requests announce themselves; those are not visits. */
export function isPrefetch(
  headers: Pick<Headers, "get"> | { get(name: string): string | null | undefined },
): boolean {
  for (const name of PURPOSE_HEADERS) {
    const value = headers.get(name);
    if (value && PREFETCH.test(value)) return true;
  }
  return false;
}

/** 32 random bytes, as hex; kept in memory only. */
function newSalt(): string {
  return randomBytes(32).toString("hex");
}

export type Sighting = { newVisit: boolean; online: number; day: string };

/**
 * Remembers when each visitor key was last seen. Maps keep insertion order, and a key is
 * re-inserted on every sighting, so the oldest entries are always first and pruning is cheap.
 * The salt is random per Vietnam day and never leaves memory. At midnight the old salt becomes
 * `previousSalt` (until the next midnight replaces it) and is used only to recognise a visitor
 * already in `lastSeen` under it, so a visit that spans midnight is not counted twice; such
 * keys leave `lastSeen` 30 minutes after that visitor's last page view, like any other.
 */
export class VisitorTracker {
  private salt = newSalt();
  private previousSalt: string | undefined;
  private day: string;
  private readonly lastSeen = new Map<string, number>();
  private readonly recent = new Map<string, number>();
  private readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
    this.day = isoDateInVietnam(new Date(now()));
  }

  /** sha256(secret salt, address, user agent): the salt is fixed-length, so this is a keyed hash. */
  private key(salt: string, address: string, userAgent: string): string {
    return hash("sha256", `${salt}\n${address}\n${userAgent}`, "base64url");
  }

  private dayMinute = -1;
  private dayOfMinute = "";
  /** The Vietnam date, recomputed once a minute (days start on the minute). */
  private dayAt(t: number): string {
    const minute = Math.floor(t / 60_000);
    if (minute !== this.dayMinute) {
      this.dayMinute = minute;
      this.dayOfMinute = isoDateInVietnam(new Date(t));
    }
    return this.dayOfMinute;
  }

  private prune(t: number): void {
    for (const [k, seen] of this.lastSeen) {
      if (t - seen < VISIT_WINDOW_MS) break;
      this.lastSeen.delete(k);
    }
    for (const [k, seen] of this.recent) {
      if (t - seen < ONLINE_WINDOW_MS) break;
      this.recent.delete(k);
    }
  }

  /** Marks a page view; `newVisit` when this visitor had no page view in the last 30 minutes. */
  see(address: string, userAgent: string): Sighting {
    const t = this.now();
    const today = this.dayAt(t);
    if (today !== this.day) {
      this.previousSalt = this.salt;
      this.salt = newSalt();
      this.day = today;
    }
    this.prune(t);
    let key = this.key(this.salt, address, userAgent);
    let seen = this.lastSeen.get(key);
    if (seen === undefined && this.previousSalt) {
      const oldKey = this.key(this.previousSalt, address, userAgent);
      seen = this.lastSeen.get(oldKey);
      if (seen !== undefined) key = oldKey; // still the visit that began before midnight
    }
    const newVisit = seen === undefined;
    // Re-inserting moves the key to the end, keeping both maps ordered by last sighting.
    if (!newVisit) this.lastSeen.delete(key);
    this.lastSeen.set(key, t);
    this.recent.delete(key);
    this.recent.set(key, t);
    return { newVisit, online: this.recent.size, day: today };
  }

  /** Visitors seen in the last 5 minutes. */
  online(): number {
    this.prune(this.now());
    return this.recent.size;
  }

  today(): string {
    return this.dayAt(this.now());
  }
}
