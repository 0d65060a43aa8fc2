/** Users as the core sees them (the claims of ID tokens and userinfo), read on the hot path (lib/db/hot). */
import type { UserStore } from '../../oidc/ports.ts';
import { batchedLookup } from '../batch.ts';
import type { Db } from '../client.ts';
import { hotStoreOf } from '../hot/index.ts';

export function userStore(db: Db): UserStore {
  const hot = hotStoreOf(db);
  return { find: batchedLookup((ids: string[]) => hot.findUsers(ids), (u) => u.id) };
}
