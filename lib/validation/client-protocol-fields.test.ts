/**
 * The protocol options of an app (response types, keys and algorithms, DPoP, PAR, subject type,
 * front-channel logout): each field's rule, and the rules between fields on creation, on an edit
 * against the stored values, and under their RFC 7591 names with RFC 7591 §3.2.2 error codes.
 */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createClientSchema, type CreateClientInput } from './client.ts';
import { parseClientRegistration, parseClientUpdate } from './client-metadata.ts';
import { updateClientSchemaFor, type UpdateClientInput } from './client-update.ts';
import type { ProtocolRuleFields } from './client-protocol-fields.ts';

const ecKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' }) as Record<string, unknown>;
const JWKS = { keys: [{ ...ecKey, kid: 'k1', use: 'sig', alg: 'ES256' }] };
const WEB: CreateClientInput = { name: 'RP', type: 'web', redirectUris: ['https://rp.example.com/cb'] };
const SPA: CreateClientInput = { name: 'SPA', type: 'spa', redirectUris: ['https://spa.example.com/cb'] };

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

const create = (input: Partial<CreateClientInput>, base: CreateClientInput = WEB) => createClientSchema.safeParse({ ...base, ...input });

describe('creating an app', () => {
  it.each<[string, Partial<CreateClientInput>]>([
    ['implicit ID tokens', { responseTypes: ['id_token'], grantTypes: ['implicit'] }],
    ['the hybrid flow, any word order', { responseTypes: ['id_token code', 'code'], grantTypes: ['authorization_code', 'implicit'] }],
    ['private_key_jwt with inline keys and an algorithm they verify', { tokenEndpointAuthMethod: 'private_key_jwt', jwks: JWKS, tokenEndpointAuthSigningAlg: 'ES256' }],
    ['private_key_jwt with a key URL', { tokenEndpointAuthMethod: 'private_key_jwt', jwksUri: 'https://rp.example.com/jwks.json' }],
    ['client_secret_jwt with HS256', { tokenEndpointAuthMethod: 'client_secret_jwt', tokenEndpointAuthSigningAlg: 'HS256' }],
    ['a request object algorithm with keys', { jwks: JSON.stringify(JWKS), requestObjectSigningAlg: 'ES256' }],
    ['DPoP and PAR', { dpopBoundAccessTokens: true, requirePushedAuthorizationRequests: true }],
    ['pairwise subjects on one host', { subjectType: 'pairwise', redirectUris: ['https://rp.example.com/a', 'https://rp.example.com/b'] }],
    ['pairwise subjects on several hosts with a sector identifier', {
      subjectType: 'pairwise', redirectUris: ['https://a.example.com/cb', 'https://b.example.com/cb'], sectorIdentifierUri: 'https://rp.example.com/sector.json',
    }],
    ['a front-channel logout URL', { frontchannelLogoutUri: 'https://rp.example.com/fc-logout?x=1', frontchannelLogoutSessionRequired: true }],
    ['an http front-channel logout URL on localhost (web app)', { frontchannelLogoutUri: 'http://localhost:3001/fc-logout' }],
  ])('accepts %s', (_name, input) => {
    const result = create(input);
    expect(issues(result)).toEqual([]);
  });

  it('stores response types in canonical order, once each', () => {
    const result = create({ responseTypes: ['token id_token code', 'code id_token token', 'code'], grantTypes: ['authorization_code', 'implicit'] });
    expect(result.data?.responseTypes).toEqual(['code id_token token', 'code']);
  });

  it.each<[string, Partial<CreateClientInput>, RegExp, CreateClientInput?]>([
    ['a response type Portico does not know', { responseTypes: ['token'] }, /^responseTypes\.0: "token" is not a response type Portico supports/],
    ['an implicit type without the implicit grant', { responseTypes: ['id_token'] }, /^responseTypes: Response type "id_token" needs the implicit grant type/],
    ['a code type without the code grant', { responseTypes: ['code id_token'], grantTypes: ['implicit', 'client_credentials'] }, /needs the authorization_code grant type/],
    ['the implicit grant with no type that uses it', { grantTypes: ['authorization_code', 'implicit'] }, /^grantTypes: The implicit grant is used only by response types/],
    ['response types for a service', { responseTypes: ['code'] }, /^responseTypes: A service app uses no browser flow/, { name: 'S', type: 'service' }],
    ['the implicit grant for a service', { grantTypes: ['client_credentials', 'implicit'] }, /^grantTypes: A service app cannot use implicit/, { name: 'S', type: 'service' }],
    ['private_key_jwt without keys', { tokenEndpointAuthMethod: 'private_key_jwt' }, /^tokenEndpointAuthMethod: private_key_jwt needs your public keys/],
    ['both jwks and jwks_uri', { tokenEndpointAuthMethod: 'private_key_jwt', jwks: JWKS, jwksUri: 'https://rp.example.com/jwks.json' }, /^jwks: .*not both \(RFC 7591 §2\)/],
    ['a private key in jwks', { jwks: { keys: [generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' })] } }, /^jwks\.keys\.0: Key 1: this is a private key/],
    ['jwks_uri on a loopback address', { jwksUri: 'https://127.0.0.1/jwks.json' }, /^jwksUri: JWK Set URL \(jwks_uri\) must name a public host: 127\.0\.0\.1 is a loopback/],
    ['jwks_uri on the metadata address', { jwksUri: 'https://169.254.169.254/latest/meta-data/' }, /link-local/],
    ['jwks_uri over http', { jwksUri: 'http://rp.example.com/jwks.json' }, /^jwksUri: JWK Set URL \(jwks_uri\) must be an https URL/],
    ['an algorithm with a secret method', { tokenEndpointAuthSigningAlg: 'RS256' }, /^tokenEndpointAuthSigningAlg: .*applies only to client_secret_jwt and private_key_jwt/],
    ['an asymmetric algorithm for client_secret_jwt', { tokenEndpointAuthMethod: 'client_secret_jwt', tokenEndpointAuthSigningAlg: 'ES256' }, /use HS256, HS384 or HS512/],
    ['an HMAC for private_key_jwt', { tokenEndpointAuthMethod: 'private_key_jwt', jwks: JWKS, tokenEndpointAuthSigningAlg: 'HS256' }, /needs a shared secret/],
    ['an algorithm no registered key verifies', { tokenEndpointAuthMethod: 'private_key_jwt', jwks: JWKS, tokenEndpointAuthSigningAlg: 'RS256' }, /None of the keys in jwks can verify RS256/],
    ['alg none', { tokenEndpointAuthMethod: 'client_secret_jwt', tokenEndpointAuthSigningAlg: 'none' as never }, /^tokenEndpointAuthSigningAlg: /],
    ['a request object algorithm without keys', { requestObjectSigningAlg: 'PS256' }, /^requestObjectSigningAlg: .*register jwks or jwks_uri/],
    ['an HMAC request object algorithm (request objects are verified with public keys only)', { requestObjectSigningAlg: 'HS256' }, /public keys, not a shared secret/, SPA],
    ['private_key_jwt for a public client', { tokenEndpointAuthMethod: 'private_key_jwt', jwks: JWKS }, /^tokenEndpointAuthMethod: Single-page and native apps cannot keep a secret/, SPA],
    ['none for a confidential client', { tokenEndpointAuthMethod: 'none' }, /^tokenEndpointAuthMethod: A web app is a confidential client/],
    ['pairwise subjects on several hosts without a sector identifier', { subjectType: 'pairwise', redirectUris: ['https://a.example.com/cb', 'https://b.example.com/cb'] }, /^sectorIdentifierUri: .*several hosts \(a\.example\.com, b\.example\.com\)/],
    ['a sector identifier on a private address', { sectorIdentifierUri: 'https://10.0.0.7/sector.json' }, /^sectorIdentifierUri: Sector identifier URL must name a public host/],
    ['pairwise for a service', { subjectType: 'pairwise' }, /^subjectType: A service app acts for no user/, { name: 'S', type: 'service' }],
    ['an unknown subject type', { subjectType: 'random' as never }, /^subjectType: Subject type must be public or pairwise/],
    ['an http front-channel URL on a public host', { frontchannelLogoutUri: 'http://rp.example.com/logout' }, /^frontchannelLogoutUri: .*must use https/],
    ['an http front-channel URL for a public client, even on localhost', { frontchannelLogoutUri: 'http://localhost:3001/logout' }, /must use https/, SPA],
    ['a front-channel URL with a fragment', { frontchannelLogoutUri: 'https://rp.example.com/logout#x' }, /must not contain a fragment \(Front-Channel Logout §2\)/],
    ['a front-channel URL for a service', { frontchannelLogoutUri: 'https://rp.example.com/logout' }, /no users to sign out/, { name: 'S', type: 'service' }],
    ['a DPoP flag that is not a boolean', { dpopBoundAccessTokens: 'yes' as never }, /^dpopBoundAccessTokens: /],
  ])('refuses %s', (_name, input, message, base) => {
    expect(issues(create(input, base)).join('\n')).toMatch(message);
  });
});

describe('editing an app against its stored values', () => {
  const stored: ProtocolRuleFields & { scope: string } = {
    scope: 'openid', tokenEndpointAuthMethod: 'private_key_jwt', jwks: null, jwksUri: 'https://rp.example.com/jwks.json', tokenEndpointAuthSigningAlg: 'ES256',
    requestObjectSigningAlg: null, grantTypes: ['authorization_code', 'refresh_token'], responseTypes: ['code'], redirectUris: ['https://rp.example.com/cb'],
    subjectType: 'public', sectorIdentifierUri: null,
  };
  const edit = (patch: UpdateClientInput) => updateClientSchemaFor('web', stored).safeParse(patch);

  it('refuses inline keys beside the stored key URL, and accepts them when the URL is removed', () => {
    expect(issues(edit({ jwks: JWKS })).join()).toMatch(/not both/);
    expect(issues(edit({ jwks: JWKS, jwksUri: null }))).toEqual([]);
  });

  it('refuses removing the only keys of a private_key_jwt app', () => {
    expect(issues(edit({ jwksUri: '' })).join()).toMatch(/^tokenEndpointAuthMethod: private_key_jwt needs your public keys/);
  });

  it('drops the stored assertion algorithm when the method changes, unless the edit names one', () => {
    expect(issues(edit({ tokenEndpointAuthMethod: 'client_secret_basic' }))).toEqual([]);
    expect(issues(edit({ tokenEndpointAuthMethod: 'client_secret_jwt', tokenEndpointAuthSigningAlg: 'ES256' })).join()).toMatch(/use HS256/);
  });

  it('checks named response types against the stored grant types', () => {
    expect(issues(edit({ responseTypes: ['code id_token'] })).join()).toMatch(/needs the implicit grant type/);
    expect(issues(edit({ responseTypes: ['code id_token'], grantTypes: ['authorization_code', 'implicit'] }))).toEqual([]);
  });

  it('refuses pairwise when the stored redirect URIs span hosts', () => {
    const spread = updateClientSchemaFor('web', { ...stored, redirectUris: ['https://a.example.com/cb', 'https://b.example.com/cb'] });
    expect(issues(spread.safeParse({ subjectType: 'pairwise' })).join()).toMatch(/several hosts/);
  });
});

describe('under RFC 7591 names', () => {
  it('maps every field and echoes the canonical values', () => {
    const parsed = parseClientRegistration({
      client_name: 'RP', redirect_uris: ['https://rp.example.com/cb'], grant_types: ['authorization_code', 'implicit'], response_types: ['code id_token'],
      token_endpoint_auth_method: 'private_key_jwt', jwks: JWKS, token_endpoint_auth_signing_alg: 'ES256', request_object_signing_alg: 'ES256',
      require_pushed_authorization_requests: true, dpop_bound_access_tokens: true, subject_type: 'pairwise',
      frontchannel_logout_uri: 'https://rp.example.com/fc', frontchannel_logout_session_required: true,
    });
    expect(parsed).toMatchObject({
      ok: true,
      value: {
        responseTypes: ['code id_token'], tokenEndpointAuthMethod: 'private_key_jwt', jwks: JWKS, tokenEndpointAuthSigningAlg: 'ES256', requestObjectSigningAlg: 'ES256',
        requirePushedAuthorizationRequests: true, dpopBoundAccessTokens: true, subjectType: 'pairwise', frontchannelLogoutUri: 'https://rp.example.com/fc',
        frontchannelLogoutSessionRequired: true,
      },
    });
  });

  it.each([
    ['jwks with a private key', { jwks: { keys: [{ ...ecKey, d: 'AAAA' }] }, token_endpoint_auth_method: 'private_key_jwt' }, 'invalid_client_metadata', /^jwks\.keys\[0\]: Key 1: this is a private key/],
    ['jwks and jwks_uri', { jwks: JWKS, jwks_uri: 'https://rp.example.com/jwks.json' }, 'invalid_client_metadata', /^jwks: /],
    ['jwks_uri on 127.0.0.1', { jwks_uri: 'https://127.0.0.1/jwks' }, 'invalid_client_metadata', /^jwks_uri: .*loopback/],
    ['jwks_uri on 169.254.169.254', { jwks_uri: 'https://169.254.169.254/jwks' }, 'invalid_client_metadata', /^jwks_uri: .*link-local/],
    ['response_types without the matching grant_types', { response_types: ['code id_token'] }, 'invalid_client_metadata', /^response_types: Response type "code id_token" needs the implicit grant type/],
    ['private_key_jwt with neither jwks nor jwks_uri', { token_endpoint_auth_method: 'private_key_jwt' }, 'invalid_client_metadata', /^token_endpoint_auth_method: private_key_jwt needs/],
    ['none for a confidential client', { portico_app_type: 'web', token_endpoint_auth_method: 'none' }, 'invalid_client_metadata', /^token_endpoint_auth_method: .*confidential/],
    ['a sector identifier over http', { sector_identifier_uri: 'http://rp.example.com/s.json' }, 'invalid_client_metadata', /^sector_identifier_uri: /],
    ['a non-boolean PAR flag', { require_pushed_authorization_requests: 'yes' }, 'invalid_client_metadata', /^require_pushed_authorization_requests: /],
  ])('refuses %s with %s', (_name, extra, error, description) => {
    const parsed = parseClientRegistration({ client_name: 'RP', redirect_uris: ['https://rp.example.com/cb'], ...extra });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.error).toBe(error);
      expect(parsed.error.error_description).toMatch(description);
    }
  });

  it('takes null as "remove" in a PATCH', () => {
    expect(parseClientUpdate({ jwks: null, jwks_uri: null, sector_identifier_uri: null, frontchannel_logout_uri: null, token_endpoint_auth_signing_alg: null })).toMatchObject({
      ok: true, value: { patch: { jwks: null, jwksUri: null, sectorIdentifierUri: null, frontchannelLogoutUri: null, tokenEndpointAuthSigningAlg: null } },
    });
  });
});
