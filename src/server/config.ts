// Server configuration: one zod schema from the environment to the settings each feature reads.
// Every default lives here; the rest of the code (and the build's pages) imports it.
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { z } from "zod";

export const ROOT = resolve(import.meta.dirname, "../..");

const whole = (min: number, max?: number) => {
  const n = z.coerce.number().int().min(min);
  return max === undefined ? n : n.max(max);
};

const envSchema = z.object({
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: whole(0, 65535).default(4321),
  DIST_DIR: z.string().min(1).default(resolve(ROOT, "dist")),
  DATABASE_PATH: z.string().min(1).default(resolve(ROOT, "var/portal.sqlite")),
  /** "NORMAL" survives kill -9; "FULL" also survives power loss (an fsync per write). */
  DATABASE_SYNCHRONOUS: z.enum(["NORMAL", "FULL"]).default("NORMAL"),
  /** 0: the socket address is the client; N: trust N proxies' X-Forwarded-For entries ("1" = nginx). */
  TRUST_PROXY: whole(0, 10).default(0),
  /** POSTs per client address per minute (every page view POSTs a visit, and an office shares one address); 0 turns the limit off. */
  RATE_LIMIT_PER_MINUTE: whole(0).default(120),
  POLLS_DIR: z.string().min(1).default(resolve(ROOT, "content/polls")),
  /** postgres://user:password@host:port/database: PostgreSQL instead of the SQLite file. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  /** The same on every node: the daily visitor salt is derived from it (at least 32 characters). */
  VISITOR_SECRET: z.string().min(32).optional(),
  /** Readers' emails are deleted this many days after their comment (Decree 13/2023: no longer than needed). */
  COMMENT_EMAIL_RETENTION_DAYS: whole(1, 3650).default(180),
  /** Seconds a person needs at least between seeing the form and sending it. */
  COMMENT_MIN_SECONDS: whole(0, 600).default(3),
  /** Comments accepted per client address per hour; 0 turns the limit off. */
  COMMENT_LIMIT_PER_HOUR: whole(0).default(10),
  /** A staff session unused this many minutes ends. */
  STAFF_SESSION_IDLE_MINUTES: whole(1, 1440).default(30),
  /** Wrong passwords per account, or per address, within the window below before 429. */
  STAFF_SIGNIN_MAX_FAILURES: whole(1, 1000).default(10),
  STAFF_SIGNIN_WINDOW_MINUTES: whole(1, 1440).default(15),
  /** Password checks (scrypt, 32 MiB each) at once, each in a thread of its own; more wait 503. */
  STAFF_PASSWORD_CHECKS: whole(1, 64).default(availableParallelism()),
  /** "off" on every node but the one that publishes (README "Newsroom"). */
  NEWSROOM: z.enum(["on", "off"]).default("on"),
  /** The newsroom's content checkout (a git work tree with content/news and data). */
  PUBLISH_DIR: z.string().min(1).default(ROOT),
  /** A publication's build is stopped after this many seconds (then it failed, nothing changed). */
  PUBLISH_BUILD_TIMEOUT_SECONDS: whole(10, 7200).default(900),
  /** Astro's cache for the newsroom's builds (default: the project's own, node_modules/.astro). */
  PUBLISH_CACHE_DIR: z.string().min(1).optional(),
});

/** The environment's variables as the settings the server and its features read. */
export const configSchema = envSchema.transform((e) => ({
  host: e.HOST,
  port: e.PORT,
  distDir: resolve(e.DIST_DIR),
  databasePath: resolve(e.DATABASE_PATH),
  synchronous: e.DATABASE_SYNCHRONOUS,
  /** How many proxies in front of us append to X-Forwarded-For (0 = none trusted). */
  trustProxy: e.TRUST_PROXY,
  rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
  pollsDir: resolve(e.POLLS_DIR),
  /** Set: PostgreSQL, and databasePath is ignored. */
  ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
  /** Set: every node derives the same daily visitor salt from it. */
  ...(e.VISITOR_SECRET ? { visitorSecret: e.VISITOR_SECRET } : {}),
  comments: {
    /** Emails are deleted this many days after the comment (README "Comments and moderation"). */
    emailRetentionDays: e.COMMENT_EMAIL_RETENTION_DAYS,
    /** Seconds between showing the form and accepting it (a person reads and types). */
    minSeconds: e.COMMENT_MIN_SECONDS,
    /** Comments accepted per client address per hour; 0 turns the limit off. */
    perHour: e.COMMENT_LIMIT_PER_HOUR,
  },
  staff: {
    /** A session unused this long is gone. */
    idleMinutes: e.STAFF_SESSION_IDLE_MINUTES,
    /** Wrong passwords per account, or per address, within `windowMinutes` before 429. */
    maxFailures: e.STAFF_SIGNIN_MAX_FAILURES,
    windowMinutes: e.STAFF_SIGNIN_WINDOW_MINUTES,
    /** Password checks running at once; a sign-in beyond them is refused at once (503). */
    passwordChecks: e.STAFF_PASSWORD_CHECKS,
  },
  publish: {
    enabled: e.NEWSROOM === "on",
    /** The content checkout the newsroom writes and commits in. */
    dir: resolve(e.PUBLISH_DIR),
    buildTimeoutMs: e.PUBLISH_BUILD_TIMEOUT_SECONDS * 1000,
    ...(e.PUBLISH_CACHE_DIR ? { cacheDir: resolve(e.PUBLISH_CACHE_DIR) } : {}),
  },
}));

export type ServerConfig = z.output<typeof configSchema>;
export type CommentSettings = ServerConfig["comments"];
export type StaffSettings = ServerConfig["staff"];
export type PublishSettings = ServerConfig["publish"];

/** Every setting as an empty environment leaves it: the defaults, for tests and the build. */
export const DEFAULTS: ServerConfig = configSchema.parse({});

const OPTIONAL = ["DATABASE_URL", "VISITOR_SECRET", "PUBLISH_CACHE_DIR"];

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  // An empty variable counts as unset (a common way to unset one in a shell or unit file).
  const given = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => !(v === "" && OPTIONAL.includes(k))),
  );
  const parsed = configSchema.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid server configuration: ${problems}`);
  }
  return parsed.data;
}
