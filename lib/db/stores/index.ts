import type { Stores } from '../../oidc/ports.ts';
import type { Db } from '../client.ts';
import { clientStore } from './clients.ts';
import { codeStore } from './codes.ts';
import { consentStore } from './consents.ts';
import { grantStore } from './grants.ts';
import { interactionStore } from './interactions.ts';
import { keyStore } from './keys.ts';
import { tokenStore } from './tokens.ts';
import { userStore } from './users.ts';

export function createStores(db: Db, clock: () => Date = () => new Date()): Stores {
  return {
    clients: clientStore(db, clock),
    users: userStore(db),
    interactions: interactionStore(db),
    grants: grantStore(db, clock),
    codes: codeStore(db),
    tokens: tokenStore(db),
    consents: consentStore(db),
    keys: keyStore(db),
  };
}
