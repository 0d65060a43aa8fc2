import type { OperatorSettings, Stores } from '../../oidc/ports.ts';
import type { Db } from '../client.ts';
import { appAccessStore } from './app-access.ts';
import { clientStore } from './clients.ts';
import { metadataDocumentClients, type MetadataDocumentOptions } from './metadata-document-clients.ts';
import { codeStore } from './codes.ts';
import { consentStore } from './consents.ts';
import { deviceAuthorizationStore } from './device-authorizations.ts';
import { grantStore } from './grants.ts';
import { interactionStore } from './interactions.ts';
import { keyStore } from './keys.ts';
import { resourceStore } from './resources.ts';
import { settingsStore } from './settings.ts';
import { tokenStore } from './tokens.ts';
import { pushedRequestStore } from './pushed-requests.ts';
import { authorizationRejectionStore } from './authorization-rejections.ts';
import { usedJtiStore } from './used-jtis.ts';
import { userStore } from './users.ts';
import { activityCounterOf } from '../activity-counter.ts';

export function createStores(
  db: Db,
  clock: () => Date = () => new Date(),
  log: (message: string, err: unknown) => void = (message, err) => console.error(message, err),
  defaults: OperatorSettings = DEFAULT_SETTINGS,
  /** How client ID metadata documents are fetched (allow-listed internal hosts). */
  documents: MetadataDocumentOptions = {},
): Stores {
  const activity = activityCounterOf(db, log);
  return {
    clients: clientStore(db, clock, undefined, metadataDocumentClients(db, clock, { log, ...documents })),
    users: userStore(db),
    interactions: interactionStore(db),
    grants: grantStore(db, clock),
    codes: codeStore(db),
    tokens: tokenStore(db, activity),
    consents: consentStore(db),
    keys: keyStore(db),
    resources: resourceStore(db),
    settings: settingsStore(db, defaults),
    devices: deviceAuthorizationStore(db),
    usedJtis: usedJtiStore(db),
    rejections: authorizationRejectionStore(db),
    pushedRequests: pushedRequestStore(db),
    appAccess: appAccessStore(db),
  };
}

/** Settings before an operator changes any: no default API, registration off. */
export const DEFAULT_SETTINGS: OperatorSettings = {
  defaultResource: null,
  registration: { mode: 'off', openClientTtlDays: 30 },
};
