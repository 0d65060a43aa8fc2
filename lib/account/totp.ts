/**
 * Time-based one-time passwords for authenticator apps, pure and framework-free.
 * - Secrets are 160 random bits (RFC 4226 §4 R6 recommends 160), shown as RFC 4648 base32.
 * - A code is HOTP (RFC 4226 §5.3: HMAC-SHA1, dynamic truncation, 6 digits) of the time step
 *   floor(unix seconds / 30) (RFC 6238 §4.2, T0 = 0, X = 30).
 * - A code is accepted for the current step and one step either side, to allow for clock drift
 *   and typing time (RFC 6238 §5.2), and only for a step later than the last one accepted, so a
 *   code is never accepted twice (RFC 6238 §5.2, last paragraph).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const PERIOD_SECONDS = 30;
const DIGITS = 6;
const WINDOW_STEPS = 1;

/** RFC 4648 §6 base32, without padding. */
export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}

/** RFC 4648 §6 base32; case, spaces and padding are ignored (people type secrets by hand). */
export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    const value = BASE32.indexOf(char);
    if (value < 0) throw new Error(`Not a base32 character: "${char}".`);
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 255);
      bits -= 8;
      buffer &= (1 << bits) - 1;
    }
  }
  return Buffer.from(out);
}

export function generateTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/** The time step of a moment (RFC 6238 §4.2). */
export function totpStep(nowMs: number): number {
  return Math.floor(nowMs / 1000 / PERIOD_SECONDS);
}

/** The code for one time step: HOTP with the step as counter (RFC 4226 §5.3). */
export function totpAt(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const hmac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = hmac[hmac.length - 1]! & 0x0f;
  const binary = hmac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** DIGITS).padStart(DIGITS, '0');
}

/**
 * The step `code` belongs to, if it is within one step of now and later than `lastStep`;
 * otherwise null. Every candidate is compared in constant time.
 */
export function matchTotp(secret: string, code: string, nowMs: number, lastStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const given = Buffer.from(code);
  const now = totpStep(nowMs);
  let matched: number | null = null;
  for (let step = now - WINDOW_STEPS; step <= now + WINDOW_STEPS; step++) {
    if (step < 0 || (lastStep !== null && step <= lastStep)) continue;
    if (timingSafeEqual(Buffer.from(totpAt(secret, step)), given) && matched === null) matched = step;
  }
  return matched;
}

/** The Key Uri Format authenticator apps read from the QR code (otpauth://totp/…). */
export function otpauthUri({ secret, issuer, accountName }: { secret: string; issuer: string; accountName: string }): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(accountName)}`;
  const query = [`secret=${secret}`, `issuer=${encodeURIComponent(issuer)}`, 'algorithm=SHA1', `digits=${DIGITS}`, `period=${PERIOD_SECONDS}`];
  return `otpauth://totp/${label}?${query.join('&')}`;
}
