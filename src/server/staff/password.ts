// Staff passwords: node:crypto scrypt (memory-hard), parameters stored with each hash.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

/**
 * N = 2^15, r = 8, p = 1: 128·N·r = 32 MiB of memory per hash, 0.34–0.62 s measured on the
 * shared 2-core build machine (libuv's pool, not the event loop). Below OWASP's scrypt minimum
 * (N = 2^17, or N = 2^15 with p = 3), chosen for that machine: raise these on a faster server;
 * each hash keeps its own parameters, so old hashes still verify and staff:add re-hashes.
 * Salt 16 random bytes, key 32 bytes.
 */
export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1, saltBytes: 16, keyBytes: 32 } as const;
const MAX_MEM = 64 * 1024 * 1024;

/** Shortest password staff:add accepts. */
export const MIN_PASSWORD_LENGTH = 12;

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

// Checked against when the account does not exist, so a wrong name costs as long as a wrong password.
let dummy: Promise<string> | undefined;

export async function verifyPassword(
  password: string,
  stored: string | undefined,
): Promise<boolean> {
  const hash = stored ?? (await (dummy ??= hashPassword(randomBytes(16).toString("hex"))));
  const [scheme, n, r, p, salt, key] = hash.split("$");
  if (scheme !== "scrypt" || !salt || !key) return false;
  const expected = Buffer.from(key, "base64url");
  const actual = await derive(password, Buffer.from(salt, "base64url"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return timingSafeEqual(actual, expected) && stored !== undefined;
}
