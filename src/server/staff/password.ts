// Staff passwords: node:crypto scrypt (memory-hard), parameters stored with each hash.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

/**
 * N = 2^15, r = 8, p = 3: one of OWASP's minimum scrypt settings, 128·N·r = 32 MiB of memory per
 * hash; 1.7 s measured with this 2-core machine under a load of 20, a fraction of that idle; run
 * on libuv's pool, not the event loop. Each hash keeps its own parameters, so raising them later
 * needs no migration: old hashes still verify, and staff:add re-hashes. Salt 16 bytes, key 32.
 */
export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 3, saltBytes: 16, keyBytes: 32 } as const;
// Twice the memory one hash needs (Node refuses a derivation above maxmem).
const MAX_MEM = 2 * 128 * SCRYPT_PARAMS.N * SCRYPT_PARAMS.r;

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
