import { describe, expect, it } from 'vitest';
import { inferAppType, parseClientRegistration, parseClientUpdate } from './client-metadata.ts';
import { toClientMetadata } from './client-metadata-response.ts';

const fail = (body: unknown) => {
  const result = parseClientRegistration(body);
  if (result.ok) throw new Error('expected a validation error');
  return result.error;
};

describe('inferAppType', () => {
  it('follows the documented rule, portico_app_type first', () => {
    expect(inferAppType({ grant_types: ['client_credentials'] })).toBe('service');
    expect(inferAppType({ application_type: 'native' })).toBe('native');
    expect(inferAppType({ token_endpoint_auth_method: 'none' })).toBe('spa');
    expect(inferAppType({})).toBe('web');
    expect(inferAppType({ portico_app_type: 'spa', token_endpoint_auth_method: 'client_secret_basic' })).toBe('spa');
  });
});

describe('parseClientRegistration', () => {
  it('maps RFC 7591 names to the client input', () => {
    const result = parseClientRegistration({
      client_name: 'RP', redirect_uris: ['https://rp.example.com/cb'], token_endpoint_auth_method: 'client_secret_post',
      logo_uri: 'https://rp.example.com/logo.png', grant_types: ['authorization_code'], response_types: ['code'], scope: 'openid email',
    });
    expect(result).toEqual({
      ok: true,
      value: {
        name: 'RP', type: 'web', redirectUris: ['https://rp.example.com/cb'], tokenEndpointAuthMethod: 'client_secret_post',
        logoUri: 'https://rp.example.com/logo.png', grantTypes: ['authorization_code'], responseTypes: ['code'], scope: 'openid email',
      },
    });
  });

  it('answers invalid_redirect_uri naming the URI field, invalid_client_metadata otherwise (RFC 7591 §3.2.2)', () => {
    expect(fail({ client_name: 'RP', redirect_uris: ['https://ok.example.com/cb', 'http://evil.example.com/cb'] })).toEqual({
      error: 'invalid_redirect_uri', error_description: expect.stringMatching(/^redirect_uris\[1\]: .*https/),
    });
    expect(fail({ client_name: 'RP', redirect_uris: ['https://a.example.com/cb'], post_logout_redirect_uris: ['x'] }).error).toBe('invalid_redirect_uri');
    expect(fail({ client_name: 'RP' })).toMatchObject({ error: 'invalid_redirect_uri', error_description: expect.stringMatching(/^redirect_uris: /) });
    expect(fail({ redirect_uris: ['https://a.example.com/cb'] })).toMatchObject({ error: 'invalid_client_metadata', error_description: expect.stringMatching(/^client_name: /) });
    expect(fail({ client_name: 'x', redirect_uris: 'https://a.example.com/cb' }).error_description).toMatch(/^redirect_uris: .*array/);
    expect(fail({ client_name: 'x', redirect_uris: ['https://a.example.com/cb'], logo_uri: 'javascript:alert(1)' }).error_description).toMatch(/^logo_uri: /);
    expect(fail({ client_name: 'x', redirect_uris: ['https://a.example.com/cb'], token_endpoint_auth_method: 'private_key_jwt' }).error_description).toMatch(/^token_endpoint_auth_method: /);
    expect(fail({ client_name: 'x', redirect_uris: ['https://a.example.com/cb'], grant_types: ['password'] }).error_description).toMatch(/^grant_types\[0\]: /);
    expect(fail({ client_name: 'x', redirect_uris: ['https://a.example.com/cb'], grant_types: ['implicit'] }).error_description).toMatch(/^grant_types: The implicit grant is used only by/);
    expect(fail({ client_name: 'x', redirect_uris: ['https://a.example.com/cb'], response_types: ['token'] }).error_description).toMatch(/^response_types\[0\]: "token" is not a response type/);
    expect(fail({ client_name: 'x', portico_app_type: 'web', token_endpoint_auth_method: 'none', redirect_uris: ['https://a.example.com/cb'] }).error_description)
      .toMatch(/^token_endpoint_auth_method: .*confidential/);
    expect(fail({ client_name: 'x', portico_app_type: 'spa', application_type: 'native', redirect_uris: ['https://a.example.com/cb'] }).error).toBe('invalid_client_metadata');
    expect(fail({ client_name: 'svc', grant_types: ['client_credentials'], redirect_uris: ['https://a.example.com/cb'] }).error).toBe('invalid_redirect_uri');
    expect(fail(null).error).toBe('invalid_client_metadata');
  });
});

describe('parseClientUpdate', () => {
  it('maps a partial body, null clearing optional fields, and disabled apart', () => {
    expect(parseClientUpdate({ client_name: 'New', logo_uri: null, access_token_ttl: 600, disabled: true })).toEqual({
      ok: true, value: { patch: { name: 'New', logoUri: null, accessTokenTtl: 600 }, disabled: true },
    });
    expect(parseClientUpdate({ access_token_ttl: 10 })).toMatchObject({ ok: false, error: { error: 'invalid_client_metadata', error_description: expect.stringMatching(/^access_token_ttl: /) } });
    expect(parseClientUpdate({ redirect_uris: ['ftp://x'] })).toMatchObject({ ok: true }); // type rules run in updateClient
  });

  it('maps the scope_descriptions extension; null removes them all', () => {
    expect(parseClientUpdate({ scope_descriptions: { 'invoices:read': 'See your invoices' } })).toEqual({
      ok: true, value: { patch: { scopeDescriptions: { 'invoices:read': 'See your invoices' } } },
    });
    expect(parseClientUpdate({ scope_descriptions: null })).toEqual({ ok: true, value: { patch: { scopeDescriptions: {} } } });
    expect(parseClientUpdate({ scope_descriptions: 'See' })).toMatchObject({ ok: false, error: { error: 'invalid_client_metadata', error_description: expect.stringMatching(/^scope_descriptions: .*object/) } });
    expect(parseClientUpdate({ scope_descriptions: { email: 'Reworded' } })).toMatchObject({
      ok: false, error: { error: 'invalid_client_metadata', error_description: expect.stringMatching(/^scope_descriptions\.email: .*standard scope/) },
    });
  });
});

describe('parseClientRegistration: scope_descriptions', () => {
  const RP = { client_name: 'RP', redirect_uris: ['https://rp.example.com/cb'] };
  it('accepts descriptions of the registered custom scopes', () => {
    expect(parseClientRegistration({ ...RP, scope: 'openid invoices:read', scope_descriptions: { 'invoices:read': 'See your invoices' } })).toMatchObject({
      ok: true, value: { scope: 'openid invoices:read', scopeDescriptions: { 'invoices:read': 'See your invoices' } },
    });
  });
  it('names the scope and the rule it breaks', () => {
    expect(fail({ ...RP, scope: 'openid invoices:read', scope_descriptions: { 'invoices:write': 'Send invoices' } })).toEqual({
      error: 'invalid_client_metadata', error_description: expect.stringMatching(/^scope_descriptions\.invoices:write: .*not one of this app’s scopes/),
    });
    expect(fail({ ...RP, scope: 'openid invoices:read', scope_descriptions: { 'invoices:read': '<b>See</b>' } }).error_description)
      .toMatch(/^scope_descriptions\.invoices:read: .*start with a letter/);
    expect(fail({ ...RP, scope: 'openid invoices:read', scope_descriptions: { 'invoices:read': 7 } }).error_description)
      .toMatch(/^scope_descriptions\.invoices:read: .*string/);
  });
});

describe('toClientMetadata', () => {
  it('writes RFC 7591 §3.2.1 fields, the secret only when given', () => {
    const meta = toClientMetadata({
      id: 'c1', name: 'Worker', type: 'service', tokenEndpointAuthMethod: 'client_secret_basic', redirectUris: [], postLogoutRedirectUris: [],
      grantTypes: ['client_credentials'], scope: '', accessTokenFormat: 'opaque', idTokenSignedResponseAlg: 'RS256', accessTokenTtl: 3600,
      refreshTokenTtl: 86400, createdAt: new Date(1_700_000_000_500), team: { id: 't1' }, logoUri: null,
    }, { clientSecret: 'cs_x' });
    expect(meta).toMatchObject({
      client_id: 'c1', client_secret: 'cs_x', client_secret_expires_at: 0, client_id_issued_at: 1_700_000_000, created_at: 1_700_000_000,
      team_id: 't1', portico_app_type: 'service', application_type: 'web', response_types: [], grant_types: ['client_credentials'],
    });
    expect(meta).not.toHaveProperty('logo_uri');
    expect(meta).not.toHaveProperty('scope_descriptions');
  });

  it('writes scope_descriptions only when there are some', () => {
    const source = {
      id: 'c1', name: 'Web', type: 'web' as const, tokenEndpointAuthMethod: 'client_secret_basic', redirectUris: ['https://a.example.com/cb'], postLogoutRedirectUris: [],
      grantTypes: ['authorization_code'], scope: 'openid invoices:read', accessTokenFormat: 'opaque' as const, idTokenSignedResponseAlg: 'RS256', accessTokenTtl: 3600,
      refreshTokenTtl: 86400, createdAt: new Date(0),
    };
    expect(toClientMetadata({ ...source, scopeDescriptions: { 'invoices:read': 'See your invoices' } }).scope_descriptions).toEqual({ 'invoices:read': 'See your invoices' });
    expect(toClientMetadata({ ...source, scopeDescriptions: {} })).not.toHaveProperty('scope_descriptions');
  });
});
