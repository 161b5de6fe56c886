// Server configuration from the environment, validated once at start.
import { resolve } from "node:path";
import { z } from "zod";

const root = resolve(import.meta.dirname, "../..");

const envSchema = z.object({
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(4321),
  DIST_DIR: z.string().min(1).default(resolve(root, "dist")),
  DATABASE_PATH: z.string().min(1).default(resolve(root, "var/portal.sqlite")),
  TRUST_PROXY: z.enum(["0", "1"]).default("0"),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(30),
});

export type ServerConfig = {
  host: string;
  port: number;
  distDir: string;
  databasePath: string;
  trustProxy: boolean;
  rateLimitPerMinute: number;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = envSchema.safeParse(env);
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
    trustProxy: e.TRUST_PROXY === "1",
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
  };
}
