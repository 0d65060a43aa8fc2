import { describe, expect, it } from 'vitest';
import { cacheLifetimeSeconds, clientIdUrlProblem, parseMetadataDocument } from './client-id-metadata-document.ts';

const ID = 'https://agent.example.com/oauth/client.json';
const doc = (extra: Record<string, unknown> = {}) => JSON.stringify({ client_id: ID, redirect_uris: ['http://127.0.0.1/callback'], ...extra });
const problem = (text: string) => {
  const r = parseMetadataDocument(ID, text);
  return r.ok ? null : r.problem;
};

describe('client identifier URLs (§3)', () => {
  it.each([ID, 'https://agent.example.com:8443/client', 'https://127.0.0.1:4443/c.json', 'https://a.example/x/y/z'])('accepts %s', (url) => {
    expect(clientIdUrlProblem(url)).toBeNull();
  });

  it.each([
    ['http://agent.example.com/client', 'https'],
    ['https://agent.example.com', 'path'],
    ['https://agent.example.com/', 'path'],
    ['https://user:pw@agent.example.com/client', 'user name'],
    ['https://agent.example.com/client#x', 'fragment'],
    ['https://agent.example.com/client?v=1', 'query'],
    ['https://agent.example.com/a/../client', '".."'],
    ['https://agent.example.com/a/./client', '"."'],
    ['https://agent.example.com/a/%2e%2e/client', '".."'],
    ['https://Agent.example.com/client', 'normal form'],
    ['https://agent.example.com:443/client', 'normal form'],
    ['https://agent.example.com/a b', 'normal form'],
    [`https://agent.example.com/${'a'.repeat(2048)}`, 'longer than 2048'],
    ['https://', 'not a URL'],
  ])('refuses %s (%s)', (url, words) => {
    expect(clientIdUrlProblem(url)).toContain(words);
  });
});

describe('metadata documents (§4)', () => {
  it('reads a minimal document as a native public client with RFC 7591 defaults', () => {
    const r = parseMetadataDocument(ID, doc());
    expect(r).toEqual({
      ok: true,
      client: {
        name: 'agent.example.com', kind: 'native', redirectUris: ['http://127.0.0.1/callback'], postLogoutRedirectUris: [],
        grantTypes: ['authorization_code'], scope: undefined, logoUri: undefined, clientUri: undefined, policyUri: undefined, tosUri: undefined,
      },
    });
  });

  it('treats https-only redirect URIs as a single-page app, and custom schemes as native', () => {
    const spa = parseMetadataDocument(ID, doc({ redirect_uris: ['https://agent.example.com/cb'] }));
    expect(spa.ok && spa.client.kind).toBe('spa');
    const native = parseMetadataDocument(ID, doc({ redirect_uris: ['https://agent.example.com/cb', 'com.example.agent:/cb'] }));
    expect(native.ok && native.client.kind).toBe('native');
  });

  it('keeps the display fields, refresh_token and only the standard scopes', () => {
    const r = parseMetadataDocument(ID, doc({
      client_name: ' Agent ', logo_uri: 'https://agent.example.com/logo.png', client_uri: 'https://agent.example.com', policy_uri: 'https://agent.example.com/p',
      tos_uri: 'https://agent.example.com/t', grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'],
      scope: 'openid profile mcp:tools offline_access', token_endpoint_auth_method: 'none',
      backchannel_logout_uri: 'https://169.254.169.254/', jwks_uri: 'https://agent.example.com/jwks',
    }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.client).toMatchObject({ name: 'Agent', grantTypes: ['authorization_code', 'refresh_token'], scope: 'openid profile offline_access', logoUri: 'https://agent.example.com/logo.png' });
    expect(JSON.stringify(r.client)).not.toContain('169.254');
  });

  it.each([
    ['not json', '{', 'not valid JSON'],
    ['an array', '[]', 'JSON object'],
    ['null', 'null', 'JSON object'],
    ['another client_id', doc({ client_id: 'https://evil.example.com/client.json' }), 'client_id in the document must be exactly'],
    ['client_id with a different port', doc({ client_id: 'https://agent.example.com:443/oauth/client.json' }), 'must be exactly'],
    ['a missing client_id', JSON.stringify({ redirect_uris: ['http://127.0.0.1/cb'] }), 'must be exactly'],
    ['a client_secret', doc({ client_secret: 's3cret' }), 'client_secret'],
    ['client_secret_expires_at', doc({ client_secret_expires_at: 0 }), 'client_secret_expires_at'],
    ['client_secret_basic', doc({ token_endpoint_auth_method: 'client_secret_basic' }), 'shared secret'],
    ['client_secret_post', doc({ token_endpoint_auth_method: 'client_secret_post' }), 'shared secret'],
    ['client_secret_jwt', doc({ token_endpoint_auth_method: 'client_secret_jwt' }), 'shared secret'],
    ['private_key_jwt', doc({ token_endpoint_auth_method: 'private_key_jwt' }), 'not supported yet'],
    ['tls_client_auth', doc({ token_endpoint_auth_method: 'tls_client_auth' }), 'must be "none"'],
    ['no redirect_uris', JSON.stringify({ client_id: ID }), 'redirect_uris'],
    ['empty redirect_uris', doc({ redirect_uris: [] }), 'redirect_uris'],
    ['redirect_uris not strings', doc({ redirect_uris: [1] }), 'redirect_uris'],
    ['client_credentials', doc({ grant_types: ['client_credentials'] }), 'grant_types'],
    ['refresh_token alone', doc({ grant_types: ['refresh_token'] }), 'grant_types'],
    ['implicit', doc({ response_types: ['token'] }), 'response_types'],
    ['a scope array', doc({ scope: ['openid'] }), 'scope'],
    ['a numeric client_name', doc({ client_name: 7 }), 'client_name'],
  ])('refuses %s', (_name, text, words) => {
    expect(problem(text)).toContain(words);
  });
});

describe('cache lifetime (§5.2)', () => {
  it.each([
    [undefined, 300],
    ['', 300],
    ['max-age=60', 300],
    ['public, max-age=3600', 3600],
    ['max-age="7200"', 7200],
    ['max-age=999999', 86_400],
    ['no-store', 300],
    ['no-cache, max-age=3600', 300],
    ['s-maxage=3600', 300],
  ])('Cache-Control %s → %i s', (header, seconds) => {
    expect(cacheLifetimeSeconds(header)).toBe(seconds);
  });
});
