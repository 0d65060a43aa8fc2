/**
 * Bearer secrets: minting, hashing, comparison.
 * Every secret Portico hands out is 256 random bits with a type prefix (so a leaked string says
 * what it is) and is stored only as its SHA-256 hash: one indexed lookup, no slow hash needed
 * for random high-entropy values. Comparisons of secret material are constant-time.
 */
import { hash, randomBytes, timingSafeEqual } from 'node:crypto';

export const PREFIX = {
  accessToken: 'at_',
  refreshToken: 'rt_',
  code: 'ac_',
  clientSecret: 'cs_',
  interaction: 'ix_',
  registrationToken: 'rat_',
} as const;

export function randomSecret(prefix: string): string {
  return prefix + randomFromPool(32).toString('base64url');
}

export function randomId(bytes = 16): string {
  return randomFromPool(bytes).toString('base64url');
}

// Secrets are cut from a buffer of CSPRNG output refilled when used up: one call into the
// generator per 128 tokens instead of one each (measurable on the token path). No byte is handed
// out twice, and each caller turns its bytes into a string at once.
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let offset = 0;

function randomFromPool(bytes: number): Buffer {
  if (bytes > POOL_BYTES) return randomBytes(bytes);
  if (offset + bytes > pool.length) {
    pool = randomBytes(POOL_BYTES);
    offset = 0;
  }
  offset += bytes;
  return pool.subarray(offset - bytes, offset);
}

/** A randomId that starts with a letter or digit, so a command line never takes it for an option ("-p…"). */
export function randomClientId(bytes = 16): string {
  for (;;) {
    const id = randomId(bytes);
    if (/^[A-Za-z0-9]/.test(id)) return id;
  }
}

/** One-shot crypto.hash: no Hash object per call (twice per introspection, measurable). */
export function sha256(value: string): string {
  return hash('sha256', value, 'base64url');
}

export function constantTimeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  // Compare against itself on length mismatch so the time taken does not depend on where strings differ.
  if (ab.length !== bb.length) {
    timingSafeEqual(ab, ab);
    return false;
  }
  return timingSafeEqual(ab, bb);
}

export const nowSeconds = (clock: () => Date) => Math.floor(clock().getTime() / 1000);
