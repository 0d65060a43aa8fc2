/**
 * Pushed authorization requests (RFC 9126): the parameters a client pushed, under the SHA-256 of
 * the request_uri handed back for them. Using one is a conditional update (`consumedAt IS NULL`,
 * not expired, the same client), so of two uses — on one instance or several — exactly one wins.
 * Rows are deleted once expired (lib/db/cleanup.ts).
 */
import type { PushedRequestStore } from '../../oidc/ports.ts';
import type { Db } from '../client.ts';

export function pushedRequestStore(db: Db): PushedRequestStore {
  return {
    async save({ hash, clientId, params, expiresAt }) {
      await db.pushedAuthorizationRequest.create({ data: { hash, clientId, params: JSON.stringify(params), expiresAt } });
    },
    async consume(hash, clientId, now) {
      const row = await db.pushedAuthorizationRequest.findUnique({ where: { hash } });
      if (!row) return { refused: 'unknown' };
      if (row.clientId !== clientId) return { refused: 'other_client' };
      if (row.consumedAt) return { refused: 'used' };
      if (row.expiresAt <= now) return { refused: 'expired' };
      const won = await db.pushedAuthorizationRequest.updateMany({
        where: { hash, clientId, consumedAt: null, expiresAt: { gt: now } },
        data: { consumedAt: now },
      });
      if (won.count !== 1) return { refused: 'used' };
      return { params: JSON.parse(row.params) as Record<string, string> };
    },
  };
}
