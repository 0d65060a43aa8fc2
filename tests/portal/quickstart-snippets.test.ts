/**
 * The quickstart snippets follow the app's settings: openid-client's switches (hybrid, implicit,
 * PrivateKeyJwt, ClientSecretJwt, DPoP) appear only when the app's response types, authentication
 * method or DPoP setting call for them, and frameworks that cannot do them are left out.
 */
import { describe, expect, it } from 'vitest';
import { quickstartSnippets, type QuickstartInput } from '@/components/portal/quickstart-snippets';

const BASE: QuickstartInput = {
  issuer: 'https://id.example.com', tokenEndpoint: 'https://id.example.com/oauth/token', authorizationEndpoint: 'https://id.example.com/oauth/authorize',
  clientId: 'client-1', type: 'web', authMethod: 'client_secret_basic', signingAlg: null, responseTypes: ['code'], dpop: false,
  redirectUri: 'https://rp.example.com/cb', scope: 'openid email',
};
const snippets = (changes: Partial<QuickstartInput>) => Object.fromEntries(quickstartSnippets({ ...BASE, ...changes }).map((s) => [s.id, s.code]));
const SWITCHES = /useCodeIdTokenResponseType|useIdTokenResponseType|PrivateKeyJwt|ClientSecretJwt|getDPoPHandle|client_assertion|DPoP:/;

describe('quickstart snippets', () => {
  it('show no switch for a plain code-flow app with a secret, and every framework', () => {
    const code = snippets({});
    expect(Object.keys(code)).toEqual(['curl', 'node', 'next-auth', 'python']);
    expect(Object.values(code).join('\n')).not.toMatch(SWITCHES);
    expect(code.node).toContain('client.ClientSecretBasic(process.env.PORTICO_CLIENT_SECRET)');
  });

  it('keep the code flow when the app may use it, even with hybrid types registered', () => {
    expect(snippets({ responseTypes: ['code', 'code id_token'] }).node).not.toMatch(/use\w+ResponseType/);
  });

  it('switch openid-client to the hybrid flow for an app registered only for "code id_token"', () => {
    const code = snippets({ responseTypes: ['code id_token'] });
    expect(code.node).toContain('execute: [client.useCodeIdTokenResponseType]');
    expect(code.node).toContain('expectedNonce: nonce');
    expect(code.curl).toContain('response_type=code+id_token');
    expect(code).not.toHaveProperty('next-auth');
  });

  it('use the implicit flow for an app registered only for id_token', () => {
    const code = snippets({ type: 'spa', authMethod: 'none', responseTypes: ['id_token'] });
    expect(code.node).toContain('execute: [client.useIdTokenResponseType]');
    expect(code.node).toContain('client.implicitAuthentication(config, request, nonce)');
    expect(code.curl).toContain('response_type=id_token');
    expect(code.curl).not.toContain('code_challenge');
  });

  it('sign client assertions with the private key for private_key_jwt, importing it for the registered algorithm', () => {
    const code = snippets({ authMethod: 'private_key_jwt', signingAlg: 'PS256' });
    expect(code.node).toContain('client.PrivateKeyJwt(privateKey)');
    expect(code.node).toContain("{ name: 'RSA-PSS', hash: 'SHA-256' }");
    expect(code.node).toContain('PORTICO_CLIENT_PRIVATE_JWK');
    expect(code.curl).toContain('client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    expect(Object.keys(code)).toEqual(['curl', 'node']);
  });

  it('use ClientSecretJwt for client_secret_jwt', () => {
    expect(snippets({ authMethod: 'client_secret_jwt' }).node).toContain('client.ClientSecretJwt(process.env.PORTICO_CLIENT_SECRET)');
  });

  it('add a DPoP handle to the token requests of an app whose tokens must be DPoP-bound', () => {
    const code = snippets({ dpop: true });
    expect(code.node).toContain('client.getDPoPHandle(config, await client.randomDPoPKeyPair())');
    expect(code.node).toContain('}, undefined, { DPoP });');
    expect(code.curl).toContain('-H "DPoP: $DPOP_PROOF"');
    const service = snippets({ type: 'service', responseTypes: [], scope: 'reports:read', dpop: true });
    expect(service.node).toContain("client.clientCredentialsGrant(config, { scope: 'reports:read' }, { DPoP })");
  });
});
