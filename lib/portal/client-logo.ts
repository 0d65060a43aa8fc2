/**
 * Uploaded app logos, kept in the database (ClientLogo) so every instance behind a load balancer
 * serves them and they are deleted with the app (foreign-key cascade), whichever way it goes:
 * the portal, the REST API, RFC 7592 or account deletion. The bytes are checked by the caller
 * (lib/validation/logo.ts); the route serves them with the type read from the bytes again.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db/client.ts';

/** Stores the logo and answers the URL to keep as logoUri (versioned, so caches refresh). */
export async function saveClientLogo(db: Db, issuer: string, clientId: string, bytes: Uint8Array): Promise<string> {
  const data = new Uint8Array(bytes);
  await db.clientLogo.upsert({ where: { clientId }, create: { clientId, bytes: data }, update: { bytes: data } });
  const version = createHash('sha256').update(bytes).digest('base64url').slice(0, 10);
  return `${issuer}/logos/${encodeURIComponent(clientId)}?v=${version}`;
}

export async function readClientLogo(db: Db, clientId: string): Promise<Uint8Array | null> {
  const logo = await db.clientLogo.findUnique({ where: { clientId }, select: { bytes: true } });
  return logo ? new Uint8Array(logo.bytes) : null;
}

export async function deleteClientLogo(db: Db, clientId: string): Promise<void> {
  await db.clientLogo.deleteMany({ where: { clientId } });
}
