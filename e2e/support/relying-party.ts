/**
 * A tiny relying party, the way a real web app would use Portico: served on 127.0.0.1 at the
 * clients' registered redirect URI, it starts authorization code + PKCE requests (with state and
 * nonce), receives the callback, redeems the code server-side with openid-client, checks the
 * ID token's signature against Portico's JWKS and renders who signed in.
 *
 *   GET /login?client=<key>&scope=…[&state=…][&prompt=…][&login_hint=…]  → 302 to Portico
 *   GET /callback?code|error…                                              → a small result page
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import * as oidc from 'openid-client';
import type { ClientKey, E2EClient, E2EState } from './state.ts';

type Pending = { client: E2EClient; verifier: string; nonce: string };

export type RedeemedTokens = { access_token: string; refresh_token?: string; scope?: string };

export type RelyingParty = {
  /** The RP URL that starts a sign-in: what a user clicks on the app's "Sign in with Portico". */
  loginUrl(client: ClientKey, options?: { scope?: string; state?: string; prompt?: string; login_hint?: string; acr_values?: string }): string;
  /** The tokens the callback with this `state` redeemed (kept server-side, as a real app would). */
  tokensFor(state: string): RedeemedTokens | undefined;
  close(): Promise<void>;
};

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(res: ServerResponse, status: number, title: string, rows: Record<string, string>): void {
  const items = Object.entries(rows)
    .map(([k, v]) => `<dt>${escape(k)}</dt><dd data-testid="${escape(k)}">${escape(v)}</dd>`)
    .join('');
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)} · RP</title></head>
<body><h1>${escape(title)}</h1><dl>${items}</dl></body></html>`);
}

export async function startRelyingParty(state: E2EState): Promise<RelyingParty> {
  const configs = new Map<string, Promise<oidc.Configuration>>();
  const configFor = (client: E2EClient) => {
    let config = configs.get(client.id);
    if (!config) {
      config = oidc.discovery(new URL(state.issuer), client.id, undefined, oidc.ClientSecretBasic(client.secret), {
        execute: [oidc.allowInsecureRequests],
      });
      configs.set(client.id, config);
    }
    return config;
  };
  let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;
  const pending = new Map<string, Pending>();
  const redeemed = new Map<string, RedeemedTokens>();

  async function login(url: URL, res: ServerResponse) {
    const client = state.clients[url.searchParams.get('client') as ClientKey];
    if (!client) return page(res, 400, 'Unknown client', {});
    const verifier = oidc.randomPKCECodeVerifier();
    const nonce = oidc.randomNonce();
    const st = url.searchParams.get('state') ?? oidc.randomState();
    const params: Record<string, string> = {
      redirect_uri: state.rp.redirectUri,
      scope: url.searchParams.get('scope') ?? 'openid email',
      state: st,
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    };
    for (const name of ['prompt', 'login_hint', 'acr_values']) {
      const value = url.searchParams.get(name);
      if (value) params[name] = value;
    }
    pending.set(st, { client, verifier, nonce });
    res.writeHead(302, { location: oidc.buildAuthorizationUrl(await configFor(client), params).href });
    res.end();
  }

  async function callback(url: URL, res: ServerResponse) {
    const st = url.searchParams.get('state');
    const request = st ? pending.get(st) : undefined;
    if (!st || !request) return page(res, 400, 'Unknown or reused state', { state: st ?? '' });
    pending.delete(st);
    const error = url.searchParams.get('error');
    if (error) {
      return page(res, 200, 'Sign-in did not complete', {
        error,
        error_description: url.searchParams.get('error_description') ?? '',
        state: st,
        iss: url.searchParams.get('iss') ?? '',
      });
    }
    const config = await configFor(request.client);
    jwks ??= createRemoteJWKSet(new URL(config.serverMetadata().jwks_uri!));
    const tokens = await oidc.authorizationCodeGrant(config, url, {
      pkceCodeVerifier: request.verifier,
      expectedState: st,
      expectedNonce: request.nonce,
      idTokenExpected: true,
    });
    // openid-client validates the ID token's claims; its signature is checked here too.
    const { payload } = await jwtVerify(tokens.id_token!, jwks, { issuer: state.issuer, audience: request.client.id });
    redeemed.set(st, { access_token: tokens.access_token, refresh_token: tokens.refresh_token, scope: tokens.scope });
    page(res, 200, 'Signed in', {
      email: String(payload.email ?? ''),
      sub: String(payload.sub),
      aud: request.client.id,
      scope: tokens.scope ?? '',
      acr: String(payload.acr ?? ''),
      amr: Array.isArray(payload.amr) ? payload.amr.join(' ') : '',
      state: st,
    });
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', state.rp.origin);
    const handle = url.pathname === '/login' ? login : url.pathname === '/callback' ? callback : null;
    if (!handle) return page(res, 404, 'Not found', {});
    handle(url, res).catch((err: unknown) => {
      const e = err as { error?: string; message?: string };
      page(res, 500, 'Relying party error', { error: e.error ?? 'exception', message: e.message ?? String(err) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(state.rp.port, '127.0.0.1', resolve);
  });

  return {
    loginUrl(client, options = {}) {
      const url = new URL('/login', state.rp.origin);
      url.searchParams.set('client', client);
      for (const [k, v] of Object.entries(options)) if (v !== undefined) url.searchParams.set(k, v);
      return url.href;
    },
    tokensFor: (st) => redeemed.get(st),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
