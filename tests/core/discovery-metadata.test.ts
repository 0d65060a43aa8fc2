/**
 * What discovery advertises for issue 11 (OIDC Discovery §3, RFC 8414 §2, RFC 9449 §5.1), the same
 * on /.well-known/openid-configuration and /.well-known/oauth-authorization-server: the six
 * response types and three response modes, the implicit grant, JWT client authentication with its
 * algorithms at the token, introspection and revocation endpoints, DPoP's algorithms, PAR and
 * signed request objects, pairwise subjects, the claims parameter and front-channel logout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, call, type Harness } from '../support/core-harness.ts';

const AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'client_secret_jwt', 'private_key_jwt', 'none'];
const ASSERTION_ALGS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'HS256', 'HS384', 'HS512'];

let h: Harness;
beforeAll(async () => {
  h = await startCore();
});
afterAll(() => h?.close());

describe.each(['/.well-known/openid-configuration', '/.well-known/oauth-authorization-server'])('%s', (path) => {
  let doc: Record<string, unknown>;
  beforeAll(async () => {
    doc = await (await call(h, 'discovery', { path })).json();
  });

  it('lists the six response types and the three response modes', () => {
    expect(doc.response_types_supported).toEqual(['code', 'id_token', 'id_token token', 'code id_token', 'code token', 'code id_token token']);
    expect(doc.response_modes_supported).toEqual(['query', 'fragment', 'form_post']);
  });

  it('lists the implicit grant beside the others', () => {
    expect(doc.grant_types_supported).toEqual(expect.arrayContaining(['authorization_code', 'implicit', 'refresh_token', 'client_credentials', 'urn:ietf:params:oauth:grant-type:device_code']));
  });

  it.each(['token', 'introspection', 'revocation'])('lists JWT client authentication and its algorithms at the %s endpoint', (endpoint) => {
    expect(doc[`${endpoint}_endpoint_auth_methods_supported`]).toEqual(AUTH_METHODS);
    const algs = doc[`${endpoint}_endpoint_auth_signing_alg_values_supported`] as string[];
    expect(algs).toEqual(expect.arrayContaining(ASSERTION_ALGS));
    expect(algs).not.toContain('none');
  });

  it('lists the DPoP proof algorithms (RFC 9449 §5.1)', () => {
    expect(doc.dpop_signing_alg_values_supported).toEqual(expect.arrayContaining(['ES256', 'ES384', 'ES512', 'RS256', 'PS256', 'EdDSA']));
    expect((doc.dpop_signing_alg_values_supported as string[]).some((alg) => alg.startsWith('HS') || alg === 'none')).toBe(false);
  });

  it('advertises pushed authorization requests (RFC 9126 §5) and signed request objects (RFC 9101, OIDC Discovery §3)', () => {
    expect(doc.pushed_authorization_request_endpoint).toBe(`${h.config.issuer}/oauth/par`);
    expect(doc.require_pushed_authorization_requests).toBe(false);
    expect(doc.request_parameter_supported).toBe(true);
    expect(doc.request_uri_parameter_supported).toBe(true); // this server's own PAR request_uri values only
    expect(doc.require_request_uri_registration).toBe(false);
    const algs = doc.request_object_signing_alg_values_supported as string[];
    expect(algs).toEqual(expect.arrayContaining(['RS256', 'PS256', 'ES256', 'EdDSA']));
    expect(algs.some((alg) => alg === 'none' || alg.startsWith('HS'))).toBe(false);
    expect(doc).not.toHaveProperty('request_object_encryption_alg_values_supported');
  });

  it('advertises pairwise subjects (OIDC Core §8), the claims parameter (§5.5) and front-channel logout (Front-Channel Logout §3)', () => {
    expect(doc.subject_types_supported).toEqual(['public', 'pairwise']);
    expect(doc.claims_parameter_supported).toBe(true);
    expect(doc.frontchannel_logout_supported).toBe(true);
    expect(doc.frontchannel_logout_session_supported).toBe(true);
  });
});
