import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

/** scrypt cost parameters (N, r, p): about 50 ms and 16 MiB per check on a small server. */
const COST = { N: 16384, r: 8, p: 1 };
const KEY_BYTES = 32;

/**
 * A password hash for COMMENTS_ADMIN_PASSWORD_HASH: `scrypt$N$r$p$<salt>$<key>` (base64url), with
 * a fresh 16-byte salt. scrypt is the memory-hard function of RFC 7914, in Node's crypto.
 */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFC'), salt, KEY_BYTES, { ...COST, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether `password` matches a hash made by hashPassword; false for a malformed hash. */
export function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [name, n, r, p, salt, key] = stored.split('$');
  if (name !== 'scrypt' || !n || !r || !p || !salt || !key) return Promise.resolve(false);
  const expected = Buffer.from(key, 'base64url');
  const options = { N: Number(n), r: Number(r), p: Number(p), maxmem: 256 * 1024 * 1024 };
  return new Promise((resolve) => {
    scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64url'), expected.length, options, (error, derived) => {
      resolve(!error && derived.length === expected.length && timingSafeEqual(derived, expected));
    });
  });
}
