import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';

/**
 * Signed form tokens: the inbox puts one in every form it renders (the preview and error pages), so
 * a post must come from a form it served for that post, and not sooner than a person could fill it.
 * Shape: `v1.<issued ms, base 36>.<HMAC-SHA256 of "v1|issued|post" in base64url>`.
 */

export interface TokenRules {
  /** The least time, in milliseconds, between the form being served and sent. */
  minFillMs: number;
  /** The most time, in milliseconds, a served form stays good (a tab left open overnight). */
  maxAgeMs: number;
}

export type TokenCheck = { ok: true } | { ok: false; reason: 'missing' | 'invalid' | 'too-fast' | 'expired' };

// The key made from each secret once: making it from the string at every request cost more CPU
// than the rest of the check. A server has one secret; the map stays that small.
const keys = new Map<string, KeyObject>();

function sign(secret: string, issued: string, post: string): string {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = createSecretKey(Buffer.from(secret, 'utf8'))));
  return createHmac('sha256', key).update(`v1|${issued}|${post}`).digest('base64url');
}

/** A token for a form about `post`, issued at `now` (milliseconds since the epoch). */
export function createFormToken(secret: string, post: string, now: number): string {
  const issued = Math.floor(now).toString(36);
  return `v1.${issued}.${sign(secret, issued, post)}`;
}

/** Checks a token's signature, its post, and that it was issued between maxAge and minFill ago. */
export function checkFormToken(
  secret: string,
  token: string | undefined,
  post: string,
  now: number,
  rules: TokenRules,
): TokenCheck {
  if (!token) return { ok: false, reason: 'missing' };
  const [version, issued, signature] = token.split('.');
  if (version !== 'v1' || !issued || !signature || !/^[0-9a-z]{1,12}$/.test(issued)) {
    return { ok: false, reason: 'invalid' };
  }
  const expected = Buffer.from(sign(secret, issued, post));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'invalid' };
  const age = now - parseInt(issued, 36);
  if (age < rules.minFillMs) return { ok: false, reason: 'too-fast' };
  if (age > rules.maxAgeMs) return { ok: false, reason: 'expired' };
  return { ok: true };
}
