/**
 * Issue 11's client metadata on every surface that sets or shows it, on SQLite and PostgreSQL:
 * - the REST API (/api/v1/clients) creates, reads and patches every new field, and echoes it;
 * - RFC 7591 registration and RFC 7592 read and replace round-trip every field, and refuse with
 *   RFC 7591 §3.2.2 codes: jwks holding a private key, jwks with jwks_uri, jwks_uri on a loopback
 *   or metadata address, response_types without their grant types, private_key_jwt without keys,
 *   none for a confidential client;
 * - secrets follow the method: none for private_key_jwt, a sealed one for client_secret_jwt (also
 *   when an app switches to it), and a stored row says what the protocol core reads.
 */
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/lib/account/create-user.ts';
import { openClientSecret } from '@/lib/crypto/client-secret-seal.ts';
import { fetchEndpoint } from '@/lib/oidc/http/message.ts';
import { sha256 } from '@/lib/oidc/tokens.ts';
import { startCore, type Harness } from '../support/core-harness.ts';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.ts';
import { dynamicRegistration, REGISTRATION_TOKEN, restApiAs, type JsonResult } from '../support/client-surfaces.ts';

const ecKey = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const PUBLIC_JWK = { ...(ecKey.publicKey.export({ format: 'jwk' }) as Record<string, unknown>), kid: 'rp-1', use: 'sig', alg: 'ES256' };
const JWKS = { keys: [PUBLIC_JWK] };
const REDIRECT = 'https://rp.example.com/cb';

/** Every new field, set to something other than its default. */
const EVERY_FIELD = {
  grant_types: ['authorization_code', 'implicit', 'refresh_token'],
  response_types: ['code', 'code id_token', 'id_token'],
  token_endpoint_auth_method: 'private_key_jwt',
  jwks: JWKS,
  token_endpoint_auth_signing_alg: 'ES256',
  request_object_signing_alg: 'ES256',
  require_pushed_authorization_requests: true,
  dpop_bound_access_tokens: true,
  // Pairwise with one redirect host needs no sector_identifier_uri; fetching one is tested in
  // sector-identifier-registration.test.ts (the document must list the redirect URIs).
  subject_type: 'pairwise',
  frontchannel_logout_uri: 'https://rp.example.com/frontchannel-logout',
  frontchannel_logout_session_required: true,
};

const REFUSALS: [string, Record<string, unknown>, string, RegExp][] = [
  ['jwks holding a private key', { token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [ecKey.privateKey.export({ format: 'jwk' })] } }, 'invalid_client_metadata', /^jwks\.keys\[0\]: Key 1: this is a private key/],
  ['jwks and jwks_uri together', { token_endpoint_auth_method: 'private_key_jwt', jwks: JWKS, jwks_uri: 'https://rp.example.com/jwks.json' }, 'invalid_client_metadata', /^jwks: .*not both/],
  ['jwks_uri on 127.0.0.1', { jwks_uri: 'https://127.0.0.1/jwks.json' }, 'invalid_client_metadata', /^jwks_uri: .*127\.0\.0\.1 is a loopback/],
  ['jwks_uri on 169.254.169.254', { jwks_uri: 'https://169.254.169.254/latest/meta-data/' }, 'invalid_client_metadata', /^jwks_uri: .*169\.254\.169\.254 is a link-local/],
  ['response_types without their grant types', { response_types: ['code id_token'] }, 'invalid_client_metadata', /^response_types: Response type "code id_token" needs the implicit grant type/],
  ['private_key_jwt with neither jwks nor jwks_uri', { token_endpoint_auth_method: 'private_key_jwt' }, 'invalid_client_metadata', /^token_endpoint_auth_method: private_key_jwt needs your public keys/],
  ['none for a confidential client', { portico_app_type: 'web', token_endpoint_auth_method: 'none' }, 'invalid_client_metadata', /^token_endpoint_auth_method: A web app is a confidential client/],
  ['a front-channel logout URL with a fragment', { frontchannel_logout_uri: 'https://rp.example.com/logout#now' }, 'invalid_client_metadata', /^frontchannel_logout_uri: /],
];

const expectRefusal = (result: JsonResult, error: string, description: RegExp) => {
  expect(result.status, JSON.stringify(result.body)).toBe(400);
  expect(result.body.error).toBe(error);
  expect(result.body.error_description).toMatch(description);
};

describe.each(DATABASES)('client protocol metadata on %s', (kind) => {
  let database: TestDatabase;
  let h: Harness;
  let api: Awaited<ReturnType<typeof restApiAs>>;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    h = await startCore({ DATABASE_URL: database.url, PORTICO_REGISTRATION_TOKEN: REGISTRATION_TOKEN });
    const owner = await createUser(h.runtime.db, { email: `owner-${kind}@example.com`, password: 'correct horse battery' });
    api = await restApiAs(h, owner.id);
  });
  afterAll(async () => {
    await h?.close();
    await database?.drop();
  });

  const secretsOf = (clientId: string) => h.runtime.db.clientSecret.findMany({ where: { clientId }, orderBy: { createdAt: 'asc' } });

  describe('REST API', () => {
    it('creates an app with every field, echoes them, and reads them back', async () => {
      const created = await api('POST', '/clients', { client_name: 'Every field', redirect_uris: [REDIRECT], ...EVERY_FIELD });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body).toMatchObject(EVERY_FIELD);
      expect(created.body).not.toHaveProperty('client_secret'); // private_key_jwt: it proves itself with its key
      const id = String(created.body.client_id);
      expect((await api('GET', `/clients/${id}`)).body).toMatchObject(EVERY_FIELD);
      expect((await api('GET', '/clients')).body.clients).toEqual(expect.arrayContaining([expect.objectContaining({ client_id: id, ...EVERY_FIELD })]));
      expect(await secretsOf(id)).toEqual([]);
      // What the protocol core reads.
      const record = await h.runtime.stores.clients.find(id);
      expect(record).toMatchObject({
        responseTypes: ['code', 'code id_token', 'id_token'], tokenEndpointAuthMethod: 'private_key_jwt', jwks: JWKS, jwksUri: null,
        tokenEndpointAuthSigningAlg: 'ES256', requestObjectSigningAlg: 'ES256', requirePushedAuthorizationRequests: true, dpopBoundAccessTokens: true,
        subjectType: 'pairwise', sectorIdentifierUri: null, frontchannelLogoutUri: 'https://rp.example.com/frontchannel-logout',
        frontchannelLogoutSessionRequired: true,
      });
    });

    it('shows the defaults of a plain app: code only, public subjects, nothing required', async () => {
      const created = await api('POST', '/clients', { client_name: 'Plain', redirect_uris: [REDIRECT] });
      expect(created.body).toMatchObject({
        response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic', require_pushed_authorization_requests: false,
        dpop_bound_access_tokens: false, subject_type: 'public', frontchannel_logout_session_required: false,
      });
      for (const absent of ['jwks', 'jwks_uri', 'token_endpoint_auth_signing_alg', 'request_object_signing_alg', 'sector_identifier_uri', 'frontchannel_logout_uri']) {
        expect(created.body).not.toHaveProperty(absent);
      }
    });

    it('patches every field, and removes optional ones with null', async () => {
      const created = await api('POST', '/clients', { client_name: 'Patched', redirect_uris: [REDIRECT] });
      const id = String(created.body.client_id);
      const patched = await api('PATCH', `/clients/${id}`, EVERY_FIELD);
      expect(patched.status, JSON.stringify(patched.body)).toBe(200);
      expect(patched.body).toMatchObject(EVERY_FIELD);
      // Moving to private_key_jwt revokes the secret the app had.
      expect((await secretsOf(id)).every((s) => s.revokedAt)).toBe(true);

      const back = await api('PATCH', `/clients/${id}`, {
        token_endpoint_auth_method: 'client_secret_post', jwks: null, request_object_signing_alg: null, grant_types: ['authorization_code'],
        subject_type: 'public', sector_identifier_uri: null, frontchannel_logout_uri: null, dpop_bound_access_tokens: false,
      });
      expect(back.status, JSON.stringify(back.body)).toBe(200);
      // Back to a secret method with no live secret: one is issued, in this response only.
      expect(back.body.client_secret).toMatch(/^cs_/);
      expect(back.body).toMatchObject({ token_endpoint_auth_method: 'client_secret_post', response_types: ['code'], grant_types: ['authorization_code'], subject_type: 'public' });
      for (const absent of ['jwks', 'token_endpoint_auth_signing_alg', 'request_object_signing_alg', 'sector_identifier_uri', 'frontchannel_logout_uri']) {
        expect(back.body).not.toHaveProperty(absent);
      }
      expect((await api('GET', `/clients/${id}`)).body).not.toHaveProperty('client_secret');
    });

    it('issues a sealed secret for client_secret_jwt, on creation and on a switch to it', async () => {
      const created = await api('POST', '/clients', { client_name: 'HMAC', redirect_uris: [REDIRECT], token_endpoint_auth_method: 'client_secret_jwt', token_endpoint_auth_signing_alg: 'HS256' });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const secret = String(created.body.client_secret);
      const [row] = await secretsOf(String(created.body.client_id));
      expect(row).toMatchObject({ hash: sha256(secret) });
      expect(openClientSecret(row!.sealed!, h.config.secret)).toBe(secret);

      const basic = await api('POST', '/clients', { client_name: 'Switching', redirect_uris: [REDIRECT] });
      const id = String(basic.body.client_id);
      const switched = await api('PATCH', `/clients/${id}`, { token_endpoint_auth_method: 'client_secret_jwt' });
      expect(switched.status, JSON.stringify(switched.body)).toBe(200);
      const [old, fresh] = await secretsOf(id);
      expect(old).toMatchObject({ hash: sha256(String(basic.body.client_secret)), sealed: null, revokedAt: expect.any(Date) });
      expect(openClientSecret(fresh!.sealed!, h.config.secret)).toBe(switched.body.client_secret);
    });

    it('documents every field in the OpenAPI document, for creation, patches and reads', async () => {
      const { body: doc } = await api('GET', '/openapi.json');
      const schemas = (doc.components as { schemas: Record<string, { properties: Record<string, { enum?: string[] }> }> }).schemas;
      for (const schema of ['ClientRegistration', 'ClientUpdate', 'Client']) {
        expect(Object.keys(schemas[schema]!.properties), schema).toEqual(expect.arrayContaining([...Object.keys(EVERY_FIELD), 'jwks_uri']));
      }
      expect(JSON.stringify(schemas.Client!.properties.token_endpoint_auth_method)).toContain('private_key_jwt');
      expect(JSON.stringify(schemas.Client!.properties.response_types)).toContain('code id_token token');
    });

    it.each(REFUSALS)('refuses %s', async (_name, extra, error, description) => {
      expectRefusal(await api('POST', '/clients', { client_name: 'Refused', redirect_uris: [REDIRECT], ...extra }), error, description);
    });

    it('refuses a patch that would leave private_key_jwt without keys, naming the field', async () => {
      const created = await api('POST', '/clients', { client_name: 'Keys', redirect_uris: [REDIRECT], token_endpoint_auth_method: 'private_key_jwt', jwks_uri: 'https://rp.example.com/jwks.json' });
      expectRefusal(await api('PATCH', `/clients/${created.body.client_id}`, { jwks_uri: null }), 'invalid_client_metadata', /^token_endpoint_auth_method: private_key_jwt needs/);
      expectRefusal(await api('PATCH', `/clients/${created.body.client_id}`, { jwks: JWKS }), 'invalid_client_metadata', /^jwks: .*not both/);
    });
  });

  describe('RFC 7591 registration and RFC 7592 management', () => {
    it('registers every field, echoes it, and reads it back with the registration access token', async () => {
      const registered = await dynamicRegistration(h, { client_name: 'DCR every field', redirect_uris: [REDIRECT], ...EVERY_FIELD });
      expect(registered.status, JSON.stringify(registered.body)).toBe(201);
      expect(registered.body).toMatchObject(EVERY_FIELD);
      expect(registered.body).not.toHaveProperty('client_secret');
      const res = await fetchEndpoint(h.runtime.provider.endpoints.register)(
        new Request(String(registered.body.registration_client_uri), { headers: { authorization: `Bearer ${registered.body.registration_access_token}` } }),
      );
      const read = { status: res.status, body: await res.json() };
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject(EVERY_FIELD);
    });

    it('replaces the metadata with PUT (RFC 7592 §2.2), round-tripping what it read', async () => {
      const registered = await dynamicRegistration(h, { client_name: 'DCR replace', redirect_uris: [REDIRECT] });
      const manage = { clientId: String(registered.body.client_id), token: String(registered.body.registration_access_token) };
      const { registration_access_token: _t, registration_client_uri: _u, client_secret: _s, client_secret_expires_at: _e, client_id_issued_at: _i, ...readBack } = registered.body;
      const { jwks: _jwks, ...byUrl } = { ...EVERY_FIELD, jwks_uri: 'https://rp.example.com/jwks.json' };
      const replaced = await dynamicRegistration(h, { ...readBack, ...byUrl }, manage);
      expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
      expect(replaced.body).toMatchObject(byUrl);
      expect(replaced.body).not.toHaveProperty('jwks');
      // Unchanged metadata round-trips as it reads.
      const { registration_access_token: _t2, registration_client_uri: _u2, client_id_issued_at: _i2, ...again } = replaced.body;
      const same = await dynamicRegistration(h, again, manage);
      expect(same.status, JSON.stringify(same.body)).toBe(200);
      expect(same.body).toMatchObject(again);
    });

    it('issues a sealed secret when a registered app switches to client_secret_jwt', async () => {
      const registered = await dynamicRegistration(h, { client_name: 'DCR switch', redirect_uris: [REDIRECT] });
      const manage = { clientId: String(registered.body.client_id), token: String(registered.body.registration_access_token) };
      const switched = await dynamicRegistration(h, { client_id: manage.clientId, client_name: 'DCR switch', redirect_uris: [REDIRECT], token_endpoint_auth_method: 'client_secret_jwt' }, manage);
      expect(switched.status, JSON.stringify(switched.body)).toBe(200);
      expect(switched.body.client_secret).toMatch(/^cs_/);
      const live = (await secretsOf(manage.clientId)).filter((s) => !s.revokedAt);
      expect(live).toHaveLength(1);
      expect(openClientSecret(live[0]!.sealed!, h.config.secret)).toBe(switched.body.client_secret);
    });

    it.each(REFUSALS)('refuses %s on registration and on replacement', async (_name, extra, error, description) => {
      expectRefusal(await dynamicRegistration(h, { client_name: 'Refused', redirect_uris: [REDIRECT], ...extra }), error, description);
    });

    it('refuses the same problems on replacement (RFC 7592 §2.2)', async () => {
      const registered = await dynamicRegistration(h, { client_name: 'DCR refusals', redirect_uris: [REDIRECT] });
      const manage = { clientId: String(registered.body.client_id), token: String(registered.body.registration_access_token) };
      for (const [, extra, error, description] of REFUSALS) {
        if ('portico_app_type' in extra) continue; // the type cannot change on replacement anyway
        expectRefusal(await dynamicRegistration(h, { client_id: manage.clientId, client_name: 'DCR refusals', redirect_uris: [REDIRECT], ...extra }, manage), error, description);
      }
    });
  });
});
