/** Which apps may use the device grant (RFC 8628), through the schemas the portal, REST API and RFC 7591 share. */
import { describe, expect, it } from 'vitest';
import { DEVICE_CODE_GRANT } from '../oidc/device-codes.ts';
import { createClientSchema } from './client.ts';
import { inferAppType, parseClientRegistration } from './client-metadata.ts';

const issues = (input: Parameters<typeof createClientSchema.safeParse>[0]) => {
  const result = createClientSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('the device grant by application type', () => {
  it('is open to native and web apps, alongside the code flow or alone (then without redirect URIs)', () => {
    expect(issues({ name: 'TV', type: 'native', grantTypes: [DEVICE_CODE_GRANT, 'refresh_token'] })).toEqual([]);
    expect(issues({ name: 'TV', type: 'native', grantTypes: ['authorization_code', DEVICE_CODE_GRANT], redirectUris: ['com.example.tv:/cb'] })).toEqual([]);
    expect(issues({ name: 'Kiosk', type: 'web', grantTypes: [DEVICE_CODE_GRANT] })).toEqual([]);
    expect(issues({ name: 'Web', type: 'web', grantTypes: ['authorization_code', DEVICE_CODE_GRANT], redirectUris: ['https://app.example.com/cb'] })).toEqual([]);
  });

  it('is refused to single-page apps and services', () => {
    expect(issues({ name: 'SPA', type: 'spa', grantTypes: ['authorization_code', DEVICE_CODE_GRANT], redirectUris: ['https://app.example.com/cb'] })).toEqual([
      expect.stringMatching(new RegExp(`^grantTypes: A spa app cannot use ${DEVICE_CODE_GRANT}`)),
    ]);
    expect(issues({ name: 'Svc', type: 'service', grantTypes: [DEVICE_CODE_GRANT] })).toEqual([expect.stringMatching(/^grantTypes: A service app cannot use/)]);
  });

  it('still needs redirect URIs whenever the code flow is on, and some way to sign users in', () => {
    expect(issues({ name: 'TV', type: 'native', grantTypes: ['authorization_code', DEVICE_CODE_GRANT] })).toEqual([expect.stringMatching(/^redirectUris: Add at least one/)]);
    expect(issues({ name: 'TV', type: 'native' })).toEqual([expect.stringMatching(/^redirectUris: Add at least one/)]);
    expect(issues({ name: 'TV', type: 'native', grantTypes: ['refresh_token'] })).toEqual([expect.stringMatching(/^grantTypes: Apps that sign users in need/)]);
  });

  it('RFC 7591: a public client asking for the device grant is a native app', () => {
    expect(inferAppType({ token_endpoint_auth_method: 'none', grant_types: [DEVICE_CODE_GRANT] })).toBe('native');
    expect(inferAppType({ token_endpoint_auth_method: 'none', grant_types: ['authorization_code'] })).toBe('spa');
    expect(parseClientRegistration({ client_name: 'CLI', token_endpoint_auth_method: 'none', grant_types: [DEVICE_CODE_GRANT, 'refresh_token'] })).toMatchObject({
      ok: true,
      value: { type: 'native', grantTypes: [DEVICE_CODE_GRANT, 'refresh_token'] },
    });
    expect(parseClientRegistration({ client_name: 'SPA', portico_app_type: 'spa', grant_types: [DEVICE_CODE_GRANT], redirect_uris: ['https://a.example.com/cb'] })).toMatchObject({
      ok: false,
      error: { error: 'invalid_client_metadata' },
    });
  });
});
