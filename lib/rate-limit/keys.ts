/**
 * What a limit is keyed by. Emails are normalised (trimmed, lowercased) so "Ada@Example.com " and
 * "ada@example.com" share one budget. Keys that leave the process (Redis) are hashed first, so no
 * email or IP address sits in Redis in clear: HMAC-SHA-256 under a key derived from the server
 * secret (HKDF, RFC 5869) when one is given, so a stored key cannot be confirmed by hashing a
 * guessed address; plain SHA-256 otherwise. Every instance must share the secret to share counts.
 */
import { createHash, createHmac, hkdfSync } from 'node:crypto';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function createKeyHasher(secret: string | undefined): (key: string) => string {
  if (!secret) return (key) => createHash('sha256').update(key, 'utf8').digest('base64url');
  const hmacKey = Buffer.from(hkdfSync('sha256', secret, 'portico', 'rate-limit keys', 32));
  return (key) => createHmac('sha256', hmacKey).update(key, 'utf8').digest('base64url');
}
