// Who is a visitor, without storing who they are: a keyed hash of (daily salt, address, user
// agent), kept in the database only until its visit window ends, so every node sees it.
import { createHmac, hash, randomBytes } from "node:crypto";
import { isoDateInVietnam } from "../../lib/format.ts";
import type { ViewResult, VisitStore } from "../store/visits.ts";

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

/**
 * The salt of each Vietnam day. With a secret, HMAC-SHA256(secret, day): every node given the
 * same VISITOR_SECRET computes the same salt, and nothing in the database can recompute it.
 * Without one, 32 random bytes per day held in memory only (one node), and only today's and
 * yesterday's are kept.
 */
export class DailySalts {
  private readonly secret: string | undefined;
  private readonly random = new Map<string, string>();

  constructor(secret?: string) {
    this.secret = secret;
  }

  /** Today's salt; `create: false` answers undefined for a random salt this node never made. */
  saltOf(day: string, create = true): string | undefined {
    if (this.secret !== undefined) {
      return createHmac("sha256", this.secret).update(`visitor-salt\n${day}`).digest("hex");
    }
    let salt = this.random.get(day);
    if (salt === undefined && create) {
      salt = randomBytes(32).toString("hex");
      this.random.set(day, salt);
      // Only today and yesterday are ever asked for: forget the rest.
      for (const old of [...this.random.keys()].sort().slice(0, -2)) this.random.delete(old);
    }
    return salt;
  }
}

export type Sighting = ViewResult & { day: string };

const DAY_MS = 24 * 3600_000;
/** Expired keys are deleted at most this often per node (they never match once expired). */
const PRUNE_EVERY_MS = 60_000;

/**
 * Marks page views in the store. A visitor's key changes at midnight with the salt; yesterday's
 * key is offered too, used only to recognise a visit still open from before midnight, so a visit
 * that spans midnight is not counted twice.
 */
export class VisitorTracker {
  private readonly store: VisitStore;
  private readonly salts: DailySalts;
  private readonly now: () => number;
  private lastPrune = 0;

  constructor(store: VisitStore, options: { now?: () => number; secret?: string } = {}) {
    this.store = store;
    this.now = options.now ?? Date.now;
    this.salts = new DailySalts(options.secret);
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

  /** Marks a page view; `newVisit` when this visitor had no page view in the last 30 minutes. */
  async see(address: string, userAgent: string): Promise<Sighting> {
    const t = this.now();
    const day = this.dayAt(t);
    if (t - this.lastPrune >= PRUNE_EVERY_MS) {
      this.lastPrune = t;
      await this.store.pruneVisitors(t);
    }
    // Vietnam keeps no daylight saving: 24 hours earlier is always the day before.
    const yesterday = this.salts.saltOf(isoDateInVietnam(new Date(t - DAY_MS)), false);
    const result = await this.store.recordView({
      key: this.key(this.salts.saltOf(day)!, address, userAgent),
      previousKey: yesterday === undefined ? undefined : this.key(yesterday, address, userAgent),
      day,
      at: t,
    });
    return { ...result, day };
  }

  /** Visitors seen in the last 5 minutes. */
  online(): Promise<number> {
    return this.store.onlineCount(this.now());
  }

  today(): string {
    return this.dayAt(this.now());
  }
}
