/**
 * The composition root: configuration, database, stores, keys, session and the protocol core,
 * created once per process. The production server (server.ts) and the Next.js bundle each load
 * this module, so the instance lives on globalThis and both share one database pool and key ring.
 */
import { loadConfig, type Config } from '../config.ts';
import { createPrismaClient, type Db } from '../db/client.ts';
import { createStores, DEFAULT_SETTINGS } from '../db/stores/index.ts';
import { createSessionValidityCheck, endUserSession } from '../account/user-sessions.ts';
import { createSessionPort } from '../auth/session-port.ts';
import { KeyRing } from '../oidc/keys.ts';
import { createRegistrationPort } from '../portal/dynamic-registration.ts';
import { sha256 } from '../oidc/tokens.ts';
import { createProvider, type Provider } from '../oidc/provider.ts';
import type { ProviderContext } from '../oidc/context.ts';
import type { Stores } from '../oidc/ports.ts';
import { coreLog, processLogger } from '../observability/logger.ts';
import { createRateLimits, type RateLimits } from '../rate-limit/index.ts';
import { CLIENT_IP_HEADER } from './client-ip.ts';

export type Runtime = { config: Config; db: Db; stores: Stores; provider: Provider; rateLimits: RateLimits };

const KEY = Symbol.for('portico.runtime');
type Holder = { [KEY]?: Promise<Runtime> };

export function getRuntime(): Promise<Runtime> {
  const holder = globalThis as Holder;
  holder[KEY] ??= createRuntime(loadConfig()).catch((err) => {
    delete holder[KEY];
    throw err;
  });
  return holder[KEY];
}

export async function createRuntime(config: Config, clock: () => Date = () => new Date()): Promise<Runtime> {
  const db = await createPrismaClient(config.databaseUrl);
  const log = coreLog(processLogger(config.logLevel));
  const stores = createStores(db, clock, log, {
    ...DEFAULT_SETTINGS,
    registration: { ...DEFAULT_SETTINGS.registration, mode: config.registrationToken ? 'initial_access_token' : 'off' },
  }, { allowedHosts: config.outboundAllowedHosts });
  const keys = new KeyRing(stores.keys, config.secret, clock, { reloadSeconds: config.keyReloadSeconds });
  await keys.ensureKeys();
  const rateLimits = createRateLimits({ redisUrl: config.redisUrl, keySecret: config.secret, tokenRequestsPerSecond: config.tokenRateLimit });
  const ctx: ProviderContext = {
    settings: {
      issuer: config.issuer,
      ttl: config.ttl,
      registrationTokenHash: config.registrationToken ? sha256(config.registrationToken) : null,
      outboundAllowedHosts: config.outboundAllowedHosts,
      sealingSecret: config.secret,
      dpopNonceSecret: `${config.secret}:dpop-nonce`,
      pairwiseSubjectSecret: `${config.secret}:pairwise-subject`,
    },
    stores,
    keys,
    session: createSessionPort({
      secret: config.sessionSecret,
      secureCookies: config.secureCookies,
      isSessionValid: createSessionValidityCheck(db, clock, { absoluteTimeoutSeconds: config.sessionAbsoluteTimeout }),
      endSession: (userId, sid) => endUserSession(db, userId, sid, clock()),
    }),
    // Always present: the operator setting (open, off, initial access token) decides per request.
    registration: createRegistrationPort(db, clock, config.secret, { allowedHosts: config.outboundAllowedHosts }),
    clock,
    limits: {
      tokenPerClient: (clientId) => rateLimits.tokenPerClient.consume(clientId),
      registrationPerIp: (ip) => rateLimits.registrationPerIp.consume(ip),
    },
    clientIp: (request) => request.headers.get(CLIENT_IP_HEADER),
    log,
  };
  return { config, db, stores, provider: createProvider(ctx), rateLimits };
}
