// Server configuration from the environment, validated once at start.
import { resolve } from "node:path";
import { z } from "zod";

export const ROOT = resolve(import.meta.dirname, "../..");

const envSchema = z.object({
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(4321),
  DIST_DIR: z.string().min(1).default(resolve(ROOT, "dist")),
  DATABASE_PATH: z.string().min(1).default(resolve(ROOT, "var/portal.sqlite")),
  /** "NORMAL" survives kill -9; "FULL" also survives power loss (an fsync per write). */
  DATABASE_SYNCHRONOUS: z.enum(["NORMAL", "FULL"]).default("NORMAL"),
  /** 0: the socket address is the client; N: trust N proxies' X-Forwarded-For entries ("1" = nginx). */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** POSTs per client address per minute (every page view POSTs a visit, and an office shares one address); 0 turns the limit off. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(120),
  POLLS_DIR: z.string().min(1).default(resolve(ROOT, "content/polls")),
  /** postgres://user:password@host:port/database: PostgreSQL instead of the SQLite file. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  /** The same on every node: the daily visitor salt is derived from it (at least 32 characters). */
  VISITOR_SECRET: z.string().min(32).optional(),
  /** Readers' emails are deleted this many days after their comment (Decree 13/2023: no longer than needed). */
  COMMENT_EMAIL_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  /** Seconds a person needs at least between seeing the form and sending it. */
  COMMENT_MIN_SECONDS: z.coerce.number().int().min(0).max(600).default(3),
  /** Comments accepted per client address per hour; 0 turns the limit off. */
  COMMENT_LIMIT_PER_HOUR: z.coerce.number().int().min(0).default(10),
  /** A staff session unused this many minutes ends. */
  STAFF_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
});

const OPTIONAL = ["DATABASE_URL", "VISITOR_SECRET"];

export type ServerConfig = {
  host: string;
  port: number;
  distDir: string;
  databasePath: string;
  synchronous: "NORMAL" | "FULL";
  /** How many proxies in front of us append to X-Forwarded-For (0 = none trusted). */
  trustProxy: number;
  rateLimitPerMinute: number;
  pollsDir: string;
  /** Set: PostgreSQL, and databasePath is ignored. */
  databaseUrl?: string;
  /** Set: every node derives the same daily visitor salt from it. */
  visitorSecret?: string;
  comments: { emailRetentionDays: number; minSeconds: number; perHour: number };
  staffIdleMinutes: number;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  // An empty variable counts as unset (a common way to unset one in a shell or unit file).
  const given = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => !(v === "" && OPTIONAL.includes(k))),
  );
  const parsed = envSchema.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid server configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    host: e.HOST,
    port: e.PORT,
    distDir: resolve(e.DIST_DIR),
    databasePath: resolve(e.DATABASE_PATH),
    synchronous: e.DATABASE_SYNCHRONOUS,
    trustProxy: e.TRUST_PROXY,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    pollsDir: resolve(e.POLLS_DIR),
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
    ...(e.VISITOR_SECRET ? { visitorSecret: e.VISITOR_SECRET } : {}),
    comments: {
      emailRetentionDays: e.COMMENT_EMAIL_RETENTION_DAYS,
      minSeconds: e.COMMENT_MIN_SECONDS,
      perHour: e.COMMENT_LIMIT_PER_HOUR,
    },
    staffIdleMinutes: e.STAFF_SESSION_IDLE_MINUTES,
  };
}
