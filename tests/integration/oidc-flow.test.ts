/**
 * The real server, driven by openid-client v6 as the relying party, on SQLite and PostgreSQL:
 * discovery, code + PKCE with a real sign-in, ID token validation, refresh rotation and reuse
 * detection, userinfo, introspection, revocation, client_credentials and end-session.
 */
import * as oidc from 'openid-client';
import { createRemoteJWKSet, jwtVerify, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../support/browserless.ts';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.ts';
import { grantConsent, makeClient, makeUser, openDb, PASSWORD } from '../support/fixtures.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import type { Db } from '@/lib/db/client.ts';

const REDIRECT = 'https://rp.example.com/callback';
const LOGOUT = 'https://rp.example.com/logged-out';

describe.each(DATABASES)('OpenID Connect flows on %s', (kind) => {
  let database: TestDatabase;
  let server: RunningServer;
  let db: Db;
  let user: { id: string; email: string };
  let web: { id: string; secret: string | null };
  let config: oidc.Configuration;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startServer(database);
    db = await openDb(database.url);
    user = await makeUser(db, `ada-${kind}@example.com`);
    web = await makeClient(db, { name: 'RP Web', type: 'web', redirectUris: [REDIRECT], postLogoutRedirectUris: [LOGOUT] });
    await grantConsent(db, user.id, web.id, ['openid', 'profile', 'email', 'offline_access']);
    config = await oidc.discovery(new URL(server.issuer), web.id, undefined, oidc.ClientSecretBasic(web.secret!), {
      execute: [oidc.allowInsecureRequests],
    });
  });

  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop();
    await database?.drop();
  });

  async function codeFlow(agent: Agent, scope = 'openid profile email offline_access') {
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT, scope, state, nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
    });
    const { url: callback } = await agent.navigate(url);
    expect(callback.origin + callback.pathname).toBe(REDIRECT);
    const tokens = await oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true });
    return { tokens, callback };
  }

  async function signedInAgent() {
    const agent = new Agent(server.issuer);
    expect(await agent.signIn(user.email, PASSWORD)).toBe(true);
    return agent;
  }

  it('publishes discovery metadata and a JWKS with a kid on every key', async () => {
    const meta = config.serverMetadata();
    expect(meta.issuer).toBe(server.issuer);
    expect(meta.code_challenge_methods_supported).toEqual(['S256']);
    expect(meta.authorization_response_iss_parameter_supported).toBe(true);
    const rfc8414 = await (await fetch(`${server.issuer}/.well-known/oauth-authorization-server`)).json();
    expect(rfc8414.token_endpoint).toBe(meta.token_endpoint);
    const jwks = await (await fetch(meta.jwks_uri!)).json();
    expect(jwks.keys.map((k: { alg: string }) => k.alg).sort()).toEqual(['ES256', 'EdDSA', 'RS256']);
    for (const k of jwks.keys) {
      expect(k.kid).toBeTruthy();
      expect(k.d).toBeUndefined();
    }
  });

  it('sends an unauthenticated user to sign in, then completes code + PKCE and returns a valid ID token', async () => {
    const agent = new Agent(server.issuer);
    const verifier = oidc.randomPKCECodeVerifier();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT, scope: 'openid email', state: 'st', nonce: 'nn', login_hint: user.email,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
    });
    const { url: login } = await agent.navigate(url, (u) => u.pathname === '/login');
    expect(login.pathname).toBe('/login');
    expect(login.searchParams.get('login_hint')).toBe(user.email);
    const interaction = login.searchParams.get('interaction')!;
    expect(await agent.signIn(user.email, PASSWORD)).toBe(true);
    const { url: callback } = await agent.navigate(`/oauth/authorize?interaction=${encodeURIComponent(interaction)}`);
    expect(callback.searchParams.get('iss')).toBe(server.issuer);
    const tokens = await oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedState: 'st', expectedNonce: 'nn', idTokenExpected: true });
    const claims = tokens.claims()!;
    expect(claims).toMatchObject({ iss: server.issuer, sub: user.id, aud: web.id, nonce: 'nn', email: user.email });
    expect(claims.auth_time).toBeTypeOf('number');
    expect(claims.at_hash).toBeTypeOf('string');
    // Signature, against the published keys, with the kid from the header.
    const header = decodeProtectedHeader(tokens.id_token!);
    expect(header).toMatchObject({ alg: 'RS256', kid: expect.any(String) });
    const jwks = createRemoteJWKSet(new URL(config.serverMetadata().jwks_uri!));
    await jwtVerify(tokens.id_token!, jwks, { issuer: server.issuer, audience: web.id });
    expect(tokens.refresh_token).toBeUndefined(); // no offline_access
  });

  it('rotates refresh tokens and revokes the family when a rotated token is reused', async () => {
    const { tokens } = await codeFlow(await signedInAgent());
    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token!);
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    expect(refreshed.claims()?.sub).toBe(user.id);
    const reuse = oidc.refreshTokenGrant(config, tokens.refresh_token!);
    await expect(reuse).rejects.toMatchObject({ error: 'invalid_grant' });
    await expect(oidc.refreshTokenGrant(config, refreshed.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
    expect((await oidc.tokenIntrospection(config, refreshed.access_token)).active).toBe(false);
  });

  it('serves userinfo by header (GET) and form body (POST) with scope-limited claims', async () => {
    const { tokens } = await codeFlow(await signedInAgent(), 'openid email');
    const info = await oidc.fetchUserInfo(config, tokens.access_token, user.id);
    expect(info).toMatchObject({ sub: user.id, email: user.email, email_verified: false });
    expect(info.name).toBeUndefined();
    const post = await fetch(config.serverMetadata().userinfo_endpoint!, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ access_token: tokens.access_token }),
    });
    expect((await post.json()).sub).toBe(user.id);
    const bad = await fetch(config.serverMetadata().userinfo_endpoint!, { headers: { authorization: 'Bearer at_nope' } });
    expect(bad.status).toBe(401);
    expect(bad.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
  });

  it('introspects and revokes (RFC 7662, RFC 7009)', async () => {
    const { tokens } = await codeFlow(await signedInAgent());
    const active = await oidc.tokenIntrospection(config, tokens.access_token);
    expect(active).toMatchObject({ active: true, client_id: web.id, sub: user.id, token_type: 'Bearer', iss: server.issuer });
    expect((await oidc.tokenIntrospection(config, 'at_unknown')).active).toBe(false);
    await oidc.tokenRevocation(config, tokens.access_token);
    expect((await oidc.tokenIntrospection(config, tokens.access_token)).active).toBe(false);
    expect((await oidc.tokenIntrospection(config, tokens.refresh_token!)).active).toBe(true);
    await oidc.tokenRevocation(config, tokens.refresh_token!);
    expect((await oidc.tokenIntrospection(config, tokens.refresh_token!)).active).toBe(false);
    await oidc.tokenRevocation(config, 'rt_never-issued'); // RFC 7009 §2.2: still 200
  });

  it('issues client_credentials tokens to a service', async () => {
    const svc = await makeClient(db, { name: 'Worker', type: 'service', redirectUris: [], scope: 'reports:read', tokenEndpointAuthMethod: 'client_secret_post' });
    const svcConfig = await oidc.discovery(new URL(server.issuer), svc.id, undefined, oidc.ClientSecretPost(svc.secret!), { execute: [oidc.allowInsecureRequests] });
    const tokens = await oidc.clientCredentialsGrant(svcConfig, { scope: 'reports:read' });
    expect(tokens.refresh_token).toBeUndefined();
    expect(await oidc.tokenIntrospection(svcConfig, tokens.access_token)).toMatchObject({ active: true, scope: 'reports:read', client_id: svc.id });
    await expect(oidc.clientCredentialsGrant(svcConfig, { scope: 'admin' })).rejects.toMatchObject({ error: 'invalid_scope' });
    await expect(oidc.clientCredentialsGrant(config, {})).rejects.toMatchObject({ error: 'unauthorized_client' });
  });

  it('lets a public client use code + PKCE with no secret, and refuses it without PKCE', async () => {
    // An https redirect URI: on a loopback one, nothing proves who receives the code, so the user
    // would be asked for consent on every request (RFC 8252 §8.6, tests/core/security-native-consent.test.ts).
    const spa = await makeClient(db, { name: 'SPA', type: 'spa', redirectUris: ['https://spa.example.com/cb'] });
    await grantConsent(db, user.id, spa.id, ['openid']);
    const spaConfig = await oidc.discovery(new URL(server.issuer), spa.id, undefined, oidc.None(), { execute: [oidc.allowInsecureRequests] });
    const agent = await signedInAgent();
    const verifier = oidc.randomPKCECodeVerifier();
    const url = oidc.buildAuthorizationUrl(spaConfig, {
      redirect_uri: 'https://spa.example.com/cb', scope: 'openid', code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
    });
    const { url: callback } = await agent.navigate(url);
    const tokens = await oidc.authorizationCodeGrant(spaConfig, callback, { pkceCodeVerifier: verifier, idTokenExpected: true });
    expect(tokens.claims()?.aud).toBe(spa.id);

    const noPkce = new URL(config.serverMetadata().authorization_endpoint!);
    noPkce.search = new URLSearchParams({ client_id: spa.id, redirect_uri: 'https://spa.example.com/cb', response_type: 'code', scope: 'openid', state: 'x' }).toString();
    const { url: err } = await agent.navigate(noPkce);
    expect(err.searchParams.get('error')).toBe('invalid_request');
    expect(err.searchParams.get('state')).toBe('x');
    expect(err.searchParams.get('iss')).toBe(server.issuer);
  });

  it.each(['ES256', 'EdDSA'] as const)('signs ID tokens with %s when the client registered it', async (alg) => {
    const c = await makeClient(db, { name: `RP ${alg}`, type: 'web', redirectUris: [REDIRECT], idTokenAlg: alg });
    await grantConsent(db, user.id, c.id, ['openid']);
    const cConfig = await oidc.discovery(new URL(server.issuer), c.id, { id_token_signed_response_alg: alg }, oidc.ClientSecretBasic(c.secret!), { execute: [oidc.allowInsecureRequests] });
    const verifier = oidc.randomPKCECodeVerifier();
    const { url: callback } = await (await signedInAgent()).navigate(
      oidc.buildAuthorizationUrl(cConfig, { redirect_uri: REDIRECT, scope: 'openid', nonce: 'n', code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256' }),
    );
    const tokens = await oidc.authorizationCodeGrant(cConfig, callback, { pkceCodeVerifier: verifier, expectedNonce: 'n', idTokenExpected: true });
    expect(decodeProtectedHeader(tokens.id_token!).alg).toBe(alg);
    await jwtVerify(tokens.id_token!, createRemoteJWKSet(new URL(config.serverMetadata().jwks_uri!)), { issuer: server.issuer, audience: c.id });
  });

  it('issues RFC 9068 JWT access tokens to clients that choose them', async () => {
    const jwtClient = await makeClient(db, { name: 'JWT RP', type: 'web', redirectUris: [REDIRECT], accessTokenFormat: 'jwt' });
    await grantConsent(db, user.id, jwtClient.id, ['openid', 'email']);
    const jwtConfig = await oidc.discovery(new URL(server.issuer), jwtClient.id, undefined, oidc.ClientSecretBasic(jwtClient.secret!), { execute: [oidc.allowInsecureRequests] });
    const agent = await signedInAgent();
    const verifier = oidc.randomPKCECodeVerifier();
    const { url: callback } = await agent.navigate(
      oidc.buildAuthorizationUrl(jwtConfig, { redirect_uri: REDIRECT, scope: 'openid email', code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256' }),
    );
    const tokens = await oidc.authorizationCodeGrant(jwtConfig, callback, { pkceCodeVerifier: verifier });
    expect(decodeProtectedHeader(tokens.access_token).typ).toBe('at+jwt');
    const { payload } = await jwtVerify(tokens.access_token, createRemoteJWKSet(new URL(config.serverMetadata().jwks_uri!)), { issuer: server.issuer, typ: 'at+jwt' });
    expect(payload).toMatchObject({ sub: user.id, client_id: jwtClient.id, scope: 'openid email' });
    expect((await oidc.fetchUserInfo(jwtConfig, tokens.access_token, user.id)).email).toBe(user.email);
    await oidc.tokenRevocation(jwtConfig, tokens.access_token);
    expect((await oidc.tokenIntrospection(jwtConfig, tokens.access_token)).active).toBe(false);
  });

  it('accepts id_token_hint for the signed-in user with prompt=none', async () => {
    const agent = await signedInAgent();
    const { tokens } = await codeFlow(agent, 'openid');
    const silent = oidc.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT, scope: 'openid', prompt: 'none', id_token_hint: tokens.id_token!, state: 'silent',
      code_challenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()), code_challenge_method: 'S256',
    });
    const { url } = await agent.navigate(silent);
    expect(url.searchParams.get('code')).toBeTruthy();
    const forged = new URL(silent);
    forged.searchParams.set('id_token_hint', tokens.id_token!.slice(0, -4) + 'AAAA');
    const { url: rejected } = await agent.navigate(forged);
    expect(rejected.searchParams.get('error')).toBe('invalid_request');
    expect(rejected.searchParams.get('state')).toBe('silent');
  });

  it('ends the session with id_token_hint and a registered post_logout_redirect_uri', async () => {
    const agent = await signedInAgent();
    const { tokens } = await codeFlow(agent, 'openid');
    const url = oidc.buildEndSessionUrl(config, { id_token_hint: tokens.id_token!, post_logout_redirect_uri: LOGOUT, state: 'bye' });
    const { url: after } = await agent.navigate(url);
    expect(after.origin + after.pathname).toBe(LOGOUT);
    expect(after.searchParams.get('state')).toBe('bye');
    expect(agent.jar.has('next-auth.session-token')).toBe(false);

    const evil = oidc.buildEndSessionUrl(config, { id_token_hint: tokens.id_token!, post_logout_redirect_uri: 'https://evil.example.com/' });
    const res = await fetch(evil, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
  });
});
