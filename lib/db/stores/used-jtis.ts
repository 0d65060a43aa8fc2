/**
 * Single-use JWT identifiers: client assertions (RFC 7523 §3, item 7), DPoP proofs (RFC 9449
 * §11.1) and request objects. `remember` stores a key until `expiresAt` (after which the JWT
 * would be refused as expired anyway) and says whether it was new; a second use of the same key
 * is false on every instance, since the database's primary key decides. Expired keys are pruned
 * by lib/db/cleanup.ts.
 */
import type { UsedJtiStore } from '../../oidc/ports.ts';
import { sha256 } from '../../oidc/tokens.ts';
import type { Db } from '../client.ts';

const UNIQUE_VIOLATION = 'P2002';

export function usedJtiStore(db: Db): UsedJtiStore {
  return {
    async remember(key, expiresAt) {
      try {
        await db.usedJti.create({ data: { key: sha256(key), expiresAt } });
        return true;
      } catch (err) {
        if ((err as { code?: string }).code === UNIQUE_VIOLATION) return false;
        throw err;
      }
    },
  };
}
