/**
 * Secrets at rest (signing keys, TOTP secrets): AES-256-GCM with a fresh random 96-bit IV per
 * value (NIST SP 800-38D §8.2), under a key derived from the server secret by HKDF-SHA256
 * (RFC 5869) with salt 'portico' and the `purpose` as info, so each use has its own key and a
 * value sealed for one purpose never opens for another.
 *
 * Sealed format (stored in databases, so it must never change): `v1.<iv>.<ciphertext||tag>`,
 * both parts base64url without padding, the 16-byte GCM tag appended to the ciphertext.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SecretBoxError extends Error {
  /** 'format': not a sealed value; 'key': the secret or purpose differs, or the value was altered. */
  constructor(readonly reason: 'format' | 'key') {
    super(reason === 'format' ? 'Not a sealed secret (unknown format).' : 'Cannot open the sealed secret: wrong key or the value was altered.');
    this.name = 'SecretBoxError';
  }
}

function sealingKey(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'portico', purpose, 32));
}

export function sealSecret(plaintext: string, secret: string, purpose: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(secret, purpose), iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}.${iv.toString('base64url')}.${body.toString('base64url')}`;
}

export function openSecret(sealed: string, secret: string, purpose: string): string {
  const [version, ivText, bodyText, extra] = sealed.split('.');
  if (version !== VERSION || !ivText || !bodyText || extra !== undefined) throw new SecretBoxError('format');
  const iv = Buffer.from(ivText, 'base64url');
  const body = Buffer.from(bodyText, 'base64url');
  if (iv.length !== IV_BYTES || body.length < TAG_BYTES) throw new SecretBoxError('format');
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(secret, purpose), iv);
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretBoxError('key');
  }
}
