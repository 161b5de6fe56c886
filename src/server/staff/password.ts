// Staff passwords: node:crypto scrypt (memory-hard), parameters stored with each hash.
import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from "node:crypto";

/**
 * N = 2^15, r = 8, p = 3: one of OWASP's minimum scrypt settings, 128·N·r = 32 MiB of memory per
 * hash; 1.7 s measured with this 2-core machine under a load of 20, a fraction of that idle.
 * Sign-ins check it in worker threads of their own (password-checks.ts), never on libuv's pool. Each hash keeps its own parameters, so raising them later
 * needs no migration: old hashes still verify, and staff:add re-hashes. Salt 16 bytes, key 32.
 */
export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 3, saltBytes: 16, keyBytes: 32 } as const;
// Twice the memory one hash needs (Node refuses a derivation above maxmem).
const MAX_MEM = 2 * 128 * SCRYPT_PARAMS.N * SCRYPT_PARAMS.r;

/** Shortest password staff:add accepts. */
export const MIN_PASSWORD_LENGTH = 12;
/** The longest password a sign-in checks (UTF-16 units); staff:add refuses longer ones. */
export const MAX_PASSWORD_LENGTH = 1024;

function derive(
  password: string,
  salt: Buffer,
  keyBytes: number,
  o: ScryptOptions,
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFC"), salt, keyBytes, { ...o, maxmem: MAX_MEM }, (e, key) =>
      e ? reject(e) : resolve(key),
    ),
  );
}

/** "scrypt$N$r$p$salt$key" (base64url), so parameters can be raised later without a migration. */
export async function hashPassword(password: string): Promise<string> {
  const { N, r, p, saltBytes, keyBytes } = SCRYPT_PARAMS;
  const salt = randomBytes(saltBytes);
  const key = await derive(password, salt, keyBytes, { N, r, p });
  return ["scrypt", N, r, p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

type Parsed = { salt: Buffer; expected: Buffer; options: ScryptOptions };

/** A stored hash's parts; a missing account gets random ones, so it costs as long to refuse. */
function parse(stored: string | undefined): Parsed | undefined {
  if (stored === undefined) {
    const { N, r, p, saltBytes, keyBytes } = SCRYPT_PARAMS;
    return { salt: randomBytes(saltBytes), expected: randomBytes(keyBytes), options: { N, r, p } };
  }
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !key) return undefined;
  const options = { N: Number(n), r: Number(r), p: Number(p) };
  return { salt: Buffer.from(salt, "base64url"), expected: Buffer.from(key, "base64url"), options };
}

/** True when `password` matches `stored` (always false, as slowly, when there is no account). */
export async function verifyPassword(
  password: string,
  stored: string | undefined,
): Promise<boolean> {
  const h = parse(stored);
  if (!h) return false;
  const actual = await derive(password, h.salt, h.expected.length, h.options);
  return timingSafeEqual(actual, h.expected) && stored !== undefined;
}

/** verifyPassword on the calling thread: for a password-check worker thread only. */
export function verifyPasswordSync(password: string, stored: string | undefined): boolean {
  const h = parse(stored);
  if (!h) return false;
  const o = { ...h.options, maxmem: MAX_MEM };
  const actual = scryptSync(password.normalize("NFC"), h.salt, h.expected.length, o);
  return timingSafeEqual(actual, h.expected) && stored !== undefined;
}
