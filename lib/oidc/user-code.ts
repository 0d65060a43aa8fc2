/**
 * RFC 8628 §6.1 user codes: what a person reads off a device and types into /device.
 * - 8 characters from 20 consonants (no vowels, so no words; no digits, so no 0/O or 1/I mix-ups):
 *   20^8 ≈ 2^34.5 codes, enough against guessing within the 10-minute lifetime once wrong entries
 *   are rate-limited per IP (§5.1, lib/account/guard-user-code-entry.ts).
 * - Shown as XXXX-XXXX; compared case-insensitively with dashes and spaces ignored (§6.1).
 * - Stored only as the SHA-256 of the normalised form, like every other secret.
 */
import { randomInt } from 'node:crypto';
import { sha256 } from './tokens.ts';

export const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ';
export const USER_CODE_LENGTH = 8;

const VALID = new RegExp(`^[${USER_CODE_ALPHABET}]{${USER_CODE_LENGTH}}$`);

/** A new code in its normalised form (no dash); every character uniformly random. */
export function generateUserCode(): string {
  let code = '';
  for (let i = 0; i < USER_CODE_LENGTH; i++) code += USER_CODE_ALPHABET[randomInt(USER_CODE_ALPHABET.length)];
  return code;
}

/** What the user typed → the normalised code, or null when it cannot be one. */
export function normalizeUserCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  return VALID.test(code) ? code : null;
}

/** XXXX-XXXX, the form shown to users (§6.1: easier to read and type). */
export function formatUserCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export const hashUserCode = (normalized: string) => sha256(normalized);
