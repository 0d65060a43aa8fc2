/**
 * The resource-server kit (lib/resource-server) with DPoP-bound access tokens (RFC 9449 §7), on
 * SQLite and PostgreSQL: an API checks the proof, its ath and its key against cnf.jkt — from a JWT
 * access token (§6.1) or from introspection (§6.2). openid-client's fetchProtectedResource calls
 * the API with a DPoP handle; raw requests cover what it never sends. Bearer tokens keep working,
 * and a bound token presented as a bearer token is refused (§7.2).
 */
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '@/lib/portal/create-client.ts';
import {
  authenticationChallenge,
  createTokenVerifier,
  InvalidDpopProofError,
  InvalidTokenError,
  protectedResourceMetadata,
  type TokenVerifier,
} from '@/lib/resource-server/index.ts';
import { startCore, type Harness } from '../support/core-harness.ts';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.ts';
import { dpopKey, dpopProof, type DpopKey, type ProofClaims } from '../support/dpop.ts';
import { discoverInProcess, inProcessFetch } from '../support/in-process-fetch.ts';

const LEDGER = 'https://ledger.example.com/api';
const ARCHIVE = 'https://archive.example.com/';

describe.each(DATABASES)('resource-server kit with DPoP on %s', (kind) => {
  let database: TestDatabase;
  let h: Harness;
  const caller = { id: '', secret: '' };
  const archiveServer = { id: '', secret: '' };
  let config: oidc.Configuration;
  let ledger: TokenVerifier;
  let archive: TokenVerifier;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    h = await startCore({ DATABASE_URL: database.url });
    // The kit checks proofs against real time; so does the server.
    Object.defineProperty(h.clock, 'now', { get: () => new Date(), configurable: true });
    const db = h.runtime.db;
    for (const [target, name] of [[caller, 'Caller'], [archiveServer, 'Archive server']] as const) {
      const created = await createClient(db, { name, type: 'service' });
      Object.assign(target, { id: created.client.id, secret: created.clientSecret });
    }
    const scopes = (name: string) => ({ create: [{ name, description: `Use ${name}` }] });
    await db.apiResource.create({ data: { id: 'api_ledger', identifier: LEDGER, name: 'Ledger', tokenFormat: 'jwt', scopes: scopes('ledger:read') } });
    await db.apiResource.create({
      data: { id: 'api_archive', identifier: ARCHIVE, name: 'Archive', tokenFormat: 'opaque', scopes: scopes('archive:read'), servers: { create: [{ clientId: archiveServer.id }] } },
    });
    for (const [resourceId, scope] of [['api_ledger', 'ledger:read'], ['api_archive', 'archive:read']] as const) {
      await db.apiAccess.create({ data: { resourceId, clientId: caller.id, requestedScope: scope, approvedScope: scope } });
    }
    const portico = inProcessFetch(h);
    const fetch = ((url: string | URL, init?: RequestInit) => portico(String(url), (init ?? {}) as oidc.CustomFetchOptions)) as typeof globalThis.fetch;
    ledger = createTokenVerifier({ issuer: h.config.issuer, audience: LEDGER, fetch });
    archive = createTokenVerifier({ issuer: h.config.issuer, audience: ARCHIVE, fetch, introspection: { clientId: archiveServer.id, clientSecret: archiveServer.secret } });

    config = await discoverInProcess(h, caller.id, oidc.ClientSecretBasic(caller.secret));
    config[oidc.customFetch] = async (url, options) => {
      const target = new URL(url);
      if (target.href.startsWith(LEDGER)) return api(ledger, new Request(target, options as RequestInit));
      if (target.href.startsWith(ARCHIVE)) return api(archive, new Request(target, options as RequestInit));
      return portico(url, options);
    };
  });
  afterAll(async () => {
    await h?.close();
    await database?.drop();
  });

  /** The API: who is calling, by which key — or the RFC 6750 / RFC 9449 §7.1 refusal. */
  async function api(verifier: TokenVerifier, request: Request): Promise<Response> {
    try {
      const token = await verifier.verifyRequest({ method: request.method, url: request.url, headers: request.headers });
      return Response.json({ sub: token.subject, jkt: token.dpopJkt });
    } catch (err) {
      if (!(err instanceof InvalidTokenError)) throw err;
      const challenge = authenticationChallenge({ resourceMetadataUrl: 'https://ledger.example.com/.well-known/oauth-protected-resource/api', error: err });
      return Response.json({ error: err.code, error_description: err.message }, { status: err.status, headers: { 'www-authenticate': challenge } });
    }
  }

  /** An access token for `resource`, bound to `key` when one is given (openid-client meets the nonce). */
  async function tokenFor(resource: string, scope: string, key?: DpopKey): Promise<string> {
    const options = key ? { DPoP: oidc.getDPoPHandle(config, { privateKey: key.privateKey, publicKey: key.publicKey }) } : undefined;
    const tokens = await oidc.clientCredentialsGrant(config, { resource, scope }, options);
    expect(tokens.token_type).toBe(key ? 'dpop' : 'bearer');
    return tokens.access_token;
  }

  const call = async (url: string, headers: Record<string, string>, method = 'GET') => {
    const verifier = url.startsWith(LEDGER) ? ledger : archive;
    const res = await api(verifier, new Request(url, { method, headers }));
    return { status: res.status, challenge: res.headers.get('www-authenticate') ?? '', body: (await res.json()) as Record<string, unknown> };
  };
  const proof = (key: DpopKey, accessToken: string, claims: Partial<ProofClaims> = {}) =>
    dpopProof(key, { htm: 'GET', htu: `${LEDGER}/items`, accessToken, ...claims });

  it('accepts a bound JWT access token with its proof (openid-client fetchProtectedResource)', async () => {
    const key = await dpopKey();
    const token = await tokenFor(LEDGER, 'ledger:read', key);
    const dpop = oidc.getDPoPHandle(config, { privateKey: key.privateKey, publicKey: key.publicKey });
    const res = await oidc.fetchProtectedResource(config, token, new URL(`${LEDGER}/items?page=2`), 'GET', undefined, undefined, { DPoP: dpop });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ sub: caller.id, jkt: key.jkt });
  });

  it('accepts a bound opaque token, its key read from introspection (§6.2)', async () => {
    const key = await dpopKey('ES384');
    const token = await tokenFor(ARCHIVE, 'archive:read', key);
    expect(token).toMatch(/^at_/);
    const dpop = oidc.getDPoPHandle(config, { privateKey: key.privateKey, publicKey: key.publicKey });
    const res = await oidc.fetchProtectedResource(config, token, new URL(`${ARCHIVE}records`), 'POST', 'x', undefined, { DPoP: dpop });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ sub: caller.id, jkt: key.jkt });
    const thief = await dpopKey('ES384');
    const stolen = await call(`${ARCHIVE}records`, { authorization: `DPoP ${token}`, dpop: await dpopProof(thief, { htm: 'GET', htu: `${ARCHIVE}records`, accessToken: token }) });
    expect(stolen.status).toBe(401);
    expect(stolen.body.error).toBe('invalid_dpop_proof');
  });

  it('refuses a bound token as a bearer token, and proofs for another token, key, method or URL, or used twice', async () => {
    const key = await dpopKey();
    const token = await tokenFor(LEDGER, 'ledger:read', key);
    await expect(ledger.verifyAuthorization(`Bearer ${token}`)).rejects.toThrow(/bound to a DPoP key/);
    await expect(ledger.verify(token)).rejects.toBeInstanceOf(InvalidTokenError);
    const url = `${LEDGER}/items`;
    const cases: [string, Record<string, string>, string][] = [
      ['as Bearer', { authorization: `Bearer ${token}` }, 'invalid_token'],
      ['as Bearer with a proof', { authorization: `Bearer ${token}`, dpop: await proof(key, token) }, 'invalid_token'],
      ['without a proof', { authorization: `DPoP ${token}` }, 'invalid_dpop_proof'],
      ['ath of another token', { authorization: `DPoP ${token}`, dpop: await proof(key, 'at_other') }, 'invalid_dpop_proof'],
      ['another key', { authorization: `DPoP ${token}`, dpop: await proof(await dpopKey(), token) }, 'invalid_dpop_proof'],
      ['htm POST', { authorization: `DPoP ${token}`, dpop: await proof(key, token, { htm: 'POST' }) }, 'invalid_dpop_proof'],
      ['htu elsewhere', { authorization: `DPoP ${token}`, dpop: await proof(key, token, { htu: 'https://ledger.example.com/other' }) }, 'invalid_dpop_proof'],
      ['iat 305 s ago', { authorization: `DPoP ${token}`, dpop: await proof(key, token, { iat: Math.floor(Date.now() / 1000) - 305 }) }, 'invalid_dpop_proof'],
    ];
    for (const [name, headers, error] of cases) {
      const res = await call(url, headers);
      expect(res.status, name).toBe(401);
      expect(res.body.error, name).toBe(error);
      expect(res.challenge, name).toMatch(new RegExp(`^DPoP algs="[^"]+", resource_metadata="[^"]+", error="${error}"`));
    }
    const once = await proof(key, token);
    expect((await call(url, { authorization: `DPoP ${token}`, dpop: once })).status).toBe(200);
    const replay = await call(url, { authorization: `DPoP ${token}`, dpop: once });
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({ error: 'invalid_dpop_proof', error_description: expect.stringMatching(/already used/) });
    await expect(
      ledger.verifyRequest({ method: 'GET', url, headers: { authorization: `DPoP ${token}`, dpop: [await proof(key, token), await proof(key, token)] } }),
    ).rejects.toBeInstanceOf(InvalidDpopProofError);
  });

  it('keeps bearer tokens working and refuses one under the DPoP scheme', async () => {
    const token = await tokenFor(LEDGER, 'ledger:read');
    expect(await ledger.verifyAuthorization(`Bearer ${token}`)).toMatchObject({ subject: caller.id, dpopJkt: null });
    expect((await call(`${LEDGER}/items`, { authorization: `Bearer ${token}` })).status).toBe(200);
    const key = await dpopKey();
    const asDpop = await call(`${LEDGER}/items`, { authorization: `DPoP ${token}`, dpop: await proof(key, token) });
    expect(asDpop.status).toBe(401);
    expect(asDpop.body.error).toBe('invalid_token');
    const none = await call(`${LEDGER}/items`, {});
    expect(none.status).toBe(401);
    expect(authenticationChallenge({ resourceMetadataUrl: 'https://ledger.example.com/m' })).toBe(
      'Bearer resource_metadata="https://ledger.example.com/m", DPoP algs="ES256 ES384 ES512 RS256 PS256 EdDSA Ed25519", resource_metadata="https://ledger.example.com/m"',
    );
  });

  it('advertises DPoP in its RFC 9728 metadata when asked to', () => {
    expect(protectedResourceMetadata({ resource: LEDGER, issuer: h.config.issuer, dpop: 'required' })).toMatchObject({
      dpop_signing_alg_values_supported: ['ES256', 'ES384', 'ES512', 'RS256', 'PS256', 'EdDSA', 'Ed25519'],
      dpop_bound_access_tokens_required: true,
    });
    expect(protectedResourceMetadata({ resource: LEDGER, issuer: h.config.issuer })).not.toHaveProperty('dpop_signing_alg_values_supported');
  });
});
