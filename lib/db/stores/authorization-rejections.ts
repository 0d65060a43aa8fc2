/**
 * The log of authorization requests refused with an error page (unregistered redirect_uri, a bad
 * request object, …), shown to the app's developers in its Activity tab. Anyone can send such
 * requests, so the same refusal (app, redirect URI, reason) is written at most once per
 * REPEAT_MS on each instance, and rows go after 30 days (lib/db/cleanup.ts).
 */
import { randomId } from '../../oidc/tokens.ts';
import type { AuthorizationRejectionStore } from '../../oidc/ports.ts';
import type { Db } from '../client.ts';

const REPEAT_MS = 60_000;
const MAX_REMEMBERED = 1_000;
const MAX_FIELD = 500;

export function authorizationRejectionStore(db: Db): AuthorizationRejectionStore {
  const lastWritten = new Map<string, number>();
  return {
    async record({ clientId, redirectUri, reason, at }) {
      const key = `${clientId}\u0000${redirectUri ?? ''}\u0000${reason}`;
      const previous = lastWritten.get(key);
      if (previous !== undefined && at.getTime() - previous < REPEAT_MS) return;
      if (lastWritten.size >= MAX_REMEMBERED) lastWritten.clear();
      lastWritten.set(key, at.getTime());
      await db.authorizationRejection.create({
        data: { id: randomId(), clientId, redirectUri: redirectUri?.slice(0, MAX_FIELD) ?? null, reason: reason.slice(0, MAX_FIELD), createdAt: at },
      });
    },
  };
}
