/**
 * The Advanced section of the app settings form, rendered on the server as the portal first
 * sends it: the RFC 9700 §2.1.2 warning appears exactly when an implicit or hybrid response type
 * is ticked, the key fields only for apps that can hold keys, and the form's values become the
 * patch the shared schema checks (the implicit grant follows the response types).
 */
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AppSettingsForm } from '@/components/portal/app-settings-form';
import { settingsFromApp, settingsToPatch } from '@/components/portal/settings-values';
import type { ClientDetail } from '@/lib/portal/types';
import { updateClientSchemaFor } from '@/lib/validation/client-update';

const APP: ClientDetail = {
  id: 'client-1', name: 'RP', type: 'web', description: null, logoUri: null, disabled: false, verified: false, createdAt: new Date(0), updatedAt: new Date(0),
  team: { id: 'team-1', name: 'Team' }, role: 'owner', tokenEndpointAuthMethod: 'client_secret_basic', redirectUris: ['https://rp.example.com/cb'],
  postLogoutRedirectUris: [], grantTypes: ['authorization_code', 'refresh_token'], scope: 'openid email', scopeDescriptions: {}, clientUri: null, policyUri: null,
  tosUri: null, backchannelLogoutUri: null, refreshTokenRotation: true, accessTokenTtl: 3600, refreshTokenTtl: 86_400, accessTokenFormat: 'opaque',
  idTokenSignedResponseAlg: 'RS256', skipConsent: false, secrets: [], responseTypes: ['code'], jwks: null, jwksUri: null, tokenEndpointAuthSigningAlg: null,
  requestObjectSigningAlg: null, requirePushedAuthorizationRequests: false, dpopBoundAccessTokens: false, subjectType: 'public', sectorIdentifierUri: null,
  frontchannelLogoutUri: null, frontchannelLogoutSessionRequired: false,
};
const render = (app: ClientDetail) => renderToString(createElement(AppSettingsForm, { app, isAdmin: false, action: async () => ({ ok: false as const, error: 'unused' }) }));

describe('the Advanced section', () => {
  it('offers every response type and the protocol options, with no warning while only code is ticked', () => {
    const html = render(APP);
    expect(html).toContain('Advanced');
    for (const type of ['code', 'id_token', 'id_token token', 'code id_token', 'code token', 'code id_token token']) expect(html).toContain(`value="${type}"`);
    expect(html).toContain('Require DPoP-bound access tokens');
    expect(html).toContain('Where Portico finds your keys');
    expect(html).not.toContain('RFC 9700');
  });

  it('warns with RFC 9700 §2.1.2 when an implicit or hybrid type is ticked, more strongly when it returns access tokens', () => {
    const idToken = render({ ...APP, grantTypes: ['authorization_code', 'implicit'], responseTypes: ['code', 'id_token'] });
    expect(idToken).toContain('The implicit flow is discouraged');
    expect(idToken).toContain('RFC 9700 §2.1.2');
    const token = render({ ...APP, grantTypes: ['authorization_code', 'implicit'], responseTypes: ['code token'] });
    expect(token).toContain('Access tokens in the redirect are discouraged');
  });

  it('shows no key fields to a public app, and the JWK Set to an app that registered one', () => {
    expect(render({ ...APP, type: 'spa', tokenEndpointAuthMethod: 'none' })).not.toContain('Where Portico finds your keys');
    const keys = { keys: [{ kty: 'OKP', crv: 'Ed25519', x: 'A'.repeat(43) }] };
    expect(render({ ...APP, tokenEndpointAuthMethod: 'private_key_jwt', jwks: keys })).toContain('JWK Set');
  });
});

describe('the form values as a patch', () => {
  it('adds the implicit grant with an implicit type, drops it without one, and passes the schema', () => {
    const values = settingsFromApp(APP);
    const hybrid = settingsToPatch({ ...values, responseTypes: ['code', 'code id_token'] }, { type: 'web', confidential: true, isAdmin: false });
    expect(hybrid).toMatchObject({ responseTypes: ['code', 'code id_token'], grantTypes: ['authorization_code', 'refresh_token', 'implicit'] });
    expect(updateClientSchemaFor('web', APP).safeParse(hybrid).success).toBe(true);
    const plain = settingsToPatch({ ...values, grantTypes: ['authorization_code', 'implicit'], responseTypes: ['code'] }, { type: 'web', confidential: true, isAdmin: false });
    expect(plain.grantTypes).toEqual(['authorization_code']);
  });

  it('sends the chosen key source and clears the other', () => {
    const values = { ...settingsFromApp(APP), tokenEndpointAuthMethod: 'private_key_jwt' as const, keySource: 'jwksUri' as const, jwksUri: 'https://rp.example.com/jwks.json', jwks: '{"keys":[]}' };
    const patch = settingsToPatch(values, { type: 'web', confidential: true, isAdmin: false });
    expect(patch).toMatchObject({ jwks: null, jwksUri: 'https://rp.example.com/jwks.json', tokenEndpointAuthMethod: 'private_key_jwt' });
    expect(updateClientSchemaFor('web', APP).safeParse(patch).success).toBe(true);
  });
});
