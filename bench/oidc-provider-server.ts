/**
 * node-oidc-provider (the `oidc-provider` package, v9) configured like Portico, for the benchmark:
 * started by bench/oidc-provider.ts as a child process with an IPC channel.
 *
 * - Issuer http://localhost:<port>, served by node:http on 127.0.0.1 with Portico's endpoint paths.
 * - One confidential client, client_secret_basic, with authorization_code, refresh_token and
 *   client_credentials; PKCE (S256) required; opaque access tokens (no resource indicators);
 *   rotating refresh tokens; introspection and userinfo on; RS256 ID tokens carrying the user's
 *   claims like Portico's (conformIdTokenClaims: false); its default in-memory adapter.
 * - Portico's lifetimes: access 1 h, refresh 30 d, ID token 1 h, code 60 s.
 * - The user is an in-memory account (oidc-provider has no user store of its own).
 *
 * Codes are minted through its models on request over IPC ({type: 'codes', n}): a Grant and an
 * AuthorizationCode per code, as its authorization endpoint would after sign-in and consent.
 *
 * BENCH_STORE_SIZE (only for the code-exchange measurement, see bench/oidc-provider.ts): the same
 * MemoryAdapter class, but over an LRU of that many entries instead of its default 1,000.
 */
import { createServer } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';

type Model = { save(): Promise<string> };
type ModelCtor<T = Model> = new (props: Record<string, unknown>) => T;
type GrantModel = Model & { addOIDCScope(scope: string): void };
type ProviderInstance = {
  callback(): (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void;
  Client: { find(id: string): Promise<unknown> };
  Grant: ModelCtor<GrantModel>;
  AuthorizationCode: ModelCtor;
  on(event: string, fn: (...args: unknown[]) => void): void;
};
type ProviderCtor = new (issuer: string, config: Record<string, unknown>) => ProviderInstance;

const env = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is required`);
  return v;
};

const port = Number(env('BENCH_PORT'));
const clientId = env('BENCH_CLIENT_ID');
const clientSecret = env('BENCH_CLIENT_SECRET');
const redirectUri = env('BENCH_REDIRECT_URI');
const codeChallenge = env('BENCH_CODE_CHALLENGE');
const accountId = env('BENCH_ACCOUNT_ID');
const email = env('BENCH_EMAIL');
const serviceScope = env('BENCH_SERVICE_SCOPE');
const apiResource = env('BENCH_API_RESOURCE');
const apiScope = env('BENCH_API_SCOPE');
const userScope = env('BENCH_USER_SCOPE');
const storeSize = Number(process.env.BENCH_STORE_SIZE ?? 0);

const issuer = `http://localhost:${port}`;
const updatedAt = Math.floor(Date.now() / 1000);

async function main() {
  // A string specifier keeps TypeScript from looking for types the package does not ship.
  const moduleName: string = 'oidc-provider';
  const { default: Provider } = (await import(moduleName)) as { default: ProviderCtor };

  let adapter: unknown;
  if (storeSize > 0) {
    const adapterModule: string = 'oidc-provider/lib/adapters/memory_adapter.js';
    const lruModule: string = 'oidc-provider/lib/helpers/lru.js';
    type LruCtor = new (o: { maxSize: number }) => unknown;
    type AdapterCtor = new (model: string, store: unknown, clockTolerance: number) => unknown;
    const { default: MemoryAdapter } = (await import(adapterModule)) as { default: AdapterCtor };
    const { default: LRU } = (await import(lruModule)) as { default: LruCtor };
    const store = new LRU({ maxSize: storeSize });
    adapter = (model: string) => new MemoryAdapter(model, store, 0);
  }

  const keys = [];
  for (const alg of ['RS256', 'ES256', 'EdDSA'] as const) {
    const { privateKey } = await generateKeyPair(alg, { extractable: true, ...(alg === 'EdDSA' ? { crv: 'Ed25519' } : {}) });
    keys.push({ ...(await exportJWK(privateKey)), alg, use: 'sig', kid: `bench-${alg}` });
  }

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        grant_types: ['authorization_code', 'refresh_token', 'client_credentials'],
        response_types: ['code'],
        redirect_uris: [redirectUri],
        token_endpoint_auth_method: 'client_secret_basic',
        id_token_signed_response_alg: 'RS256',
        scope: `${userScope} ${serviceScope} ${apiScope}`,
      },
    ],
    jwks: { keys },
    ...(adapter ? { adapter } : {}),
    cookies: { keys: ['bench-cookie-key-0123456789abcdef'] },
    scopes: ['openid', 'offline_access', 'profile', 'email', serviceScope, apiScope],
    claims: { openid: ['sub'], profile: ['name', 'updated_at'], email: ['email', 'email_verified'] },
    conformIdTokenClaims: false,
    findAccount: async (_ctx: unknown, sub: string) =>
      sub === accountId
        ? { accountId: sub, claims: async () => ({ sub, name: email.split('@')[0], updated_at: updatedAt, email, email_verified: false }) }
        : undefined,
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: {
        enabled: true,
        // Portico's rule for tokens without an API: only the client they were issued to.
        allowedPolicy: async (_ctx: unknown, client: { clientId: string }, token: { clientId?: string }) => token.clientId === client.clientId,
      },
      revocation: { enabled: true },
      // (f): one API taking RS256 JWT access tokens, like Portico's API resources (RFC 8707, RFC 9068).
      resourceIndicators: {
        enabled: true,
        getResourceServerInfo: async (_ctx: unknown, resourceIndicator: string) => {
          if (resourceIndicator !== apiResource) throw new Error(`unknown resource ${resourceIndicator}`);
          return { scope: apiScope, audience: apiResource, accessTokenTTL: 3600, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } };
        },
      },
      userinfo: { enabled: true },
    },
    pkce: { required: () => true },
    rotateRefreshToken: true,
    clientBasedCORS: () => false,
    ttl: { AccessToken: 3600, ClientCredentials: 3600, AuthorizationCode: 60, IdToken: 3600, RefreshToken: 30 * 86400, Grant: 30 * 86400, Session: 86400, Interaction: 600 },
    routes: {
      authorization: '/oauth/authorize',
      token: '/oauth/token',
      introspection: '/oauth/introspect',
      userinfo: '/oauth/userinfo',
      revocation: '/oauth/revoke',
      jwks: '/.well-known/jwks.json',
      end_session: '/oauth/end-session',
    },
  });
  let serverErrors = 0;
  provider.on('server_error', (_ctx, err) => {
    if (serverErrors++ < 5) console.error('[oidc-provider] server_error', err);
  });
  // Why requests failed (its responses only say "grant request is invalid"), reported over IPC.
  const errorDetails: Record<string, number> = {};
  for (const event of ['grant.error', 'introspection.error', 'userinfo.error', 'server_error']) {
    provider.on(event, (_ctx, err) => {
      const e = err as { error?: string; error_detail?: string; message?: string };
      const key = `${event}: ${e.error ?? ''} ${e.error_detail ?? e.message ?? ''}`.trim();
      errorDetails[key] = (errorDetails[key] ?? 0) + 1;
    });
  }

  const client = await provider.Client.find(clientId);
  if (!client) throw new Error('the benchmark client was not loaded');

  async function mintCode(): Promise<string> {
    const grant = new provider.Grant({ accountId, clientId });
    grant.addOIDCScope(userScope);
    const grantId = await grant.save();
    const code = new provider.AuthorizationCode({
      accountId,
      client,
      grantId,
      scope: userScope,
      redirectUri,
      codeChallenge,
      codeChallengeMethod: 'S256',
      authTime: Math.floor(Date.now() / 1000),
      nonce: `n-${grantId.slice(0, 8)}`,
    });
    return code.save();
  }

  const server = createServer(provider.callback());
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });

  process.on('message', (msg: { type: string; id: number; n: number }) => {
    if (msg.type === 'errors') {
      process.send!({ type: 'errors', id: msg.id, details: { ...errorDetails } });
      for (const k of Object.keys(errorDetails)) delete errorDetails[k];
    } else if (msg.type === 'codes') {
      void (async () => {
        const codes: string[] = [];
        // In slices, so that minting many codes never holds the event loop for long.
        for (let i = 0; i < msg.n; i += 100) codes.push(...(await Promise.all(Array.from({ length: Math.min(100, msg.n - i) }, mintCode))));
        process.send!({ type: 'codes', id: msg.id, codes });
      })().catch((err) => process.send!({ type: 'error', id: msg.id, message: err instanceof Error ? err.stack : String(err) }));
    }
  });
  process.on('disconnect', () => process.exit(0));
  process.on('SIGTERM', () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
  process.send!({ type: 'ready', issuer });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
