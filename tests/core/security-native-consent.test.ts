/**
 * Issue 12, finding 2 (RFC 8252 §8.6): any app on a device can claim a native app's custom
 * scheme or listen on a loopback port, so a request naming such a redirect URI cannot prove it
 * comes from that app. It is handled as if the user had never approved the app: consent is asked
 * every time (prompt=none gets consent_required), even for an app the operator marked
 * skip-consent or verified. The same holds for any public client on such a URI (a single-page app
 * on localhost). A claimed https redirect URI (which the device's OS verifies) may still use the
 * remembered consent, as may confidential web apps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/lib/account/create-user.ts';
import { createClient } from '@/lib/portal/create-client.ts';
import { call, CHALLENGE, sessionCookie, startCore, type Harness } from '../support/core-harness.ts';

const CUSTOM_SCHEME = 'com.example.notes:/oauth-callback';
const LOOPBACK = 'http://127.0.0.1/oauth-callback';
const CLAIMED_HTTPS = 'https://notes.example.com/app-callback';

let h: Harness;
let user: { id: string };

beforeAll(async () => {
  h = await startCore();
  user = await createUser(h.runtime.db, { email: 'native@example.com', password: 'correct horse battery' });
});
afterAll(() => h?.close());

/** A native app the user has already approved; `operator` marks it as the operator may. */
async function approvedNativeApp(operator: { skipConsent?: boolean; verified?: boolean } = {}) {
  const { client } = await createClient(h.runtime.db, { name: 'Notes', type: 'native', redirectUris: [CUSTOM_SCHEME, LOOPBACK, CLAIMED_HTTPS] });
  await h.runtime.stores.consents.grant(user.id, client.id, ['openid', 'email']);
  if (operator.skipConsent || operator.verified) await h.runtime.db.client.update({ where: { id: client.id }, data: operator });
  return client.id;
}

async function authorize(clientId: string, redirectUri: string, extra: Record<string, string> = {}) {
  const params = new URLSearchParams({
    client_id: clientId, redirect_uri: redirectUri, response_type: 'code', scope: 'openid email', state: 'st',
    code_challenge: CHALLENGE, code_challenge_method: 'S256', ...extra,
  });
  const res = await call(h, 'authorize', { path: `/oauth/authorize?${params}`, headers: { cookie: await sessionCookie(h, user.id) } });
  expect(res.status).toBe(303);
  return new URL(res.headers.get('location')!, h.config.issuer);
}

describe('a native app whose identity cannot be proven', () => {
  it('is asked for consent again with a custom-scheme redirect URI, although the user approved it before', async () => {
    const to = await authorize(await approvedNativeApp(), CUSTOM_SCHEME);
    expect(to.pathname).toBe('/consent');
    expect(to.searchParams.get('code')).toBeNull();
  });

  it('is asked for consent again with a loopback redirect URI, on any port', async () => {
    const to = await authorize(await approvedNativeApp(), 'http://127.0.0.1:51234/oauth-callback');
    expect(to.pathname).toBe('/consent');
  });

  it('gets consent_required for prompt=none', async () => {
    const to = await authorize(await approvedNativeApp(), CUSTOM_SCHEME, { prompt: 'none' });
    expect(`${to.protocol}${to.pathname}`).toBe(CUSTOM_SCHEME);
    expect(to.searchParams.get('error')).toBe('consent_required');
    expect(to.searchParams.get('code')).toBeNull();
  });

  it('gets its code once the user approves this request', async () => {
    const clientId = await approvedNativeApp();
    const consent = await authorize(clientId, CUSTOM_SCHEME);
    const resumed = await h.runtime.provider.interactions.decideConsent(consent.searchParams.get('interaction')!, user.id, 'allow');
    const res = await call(h, 'authorize', { path: resumed, headers: { cookie: await sessionCookie(h, user.id) } });
    const back = new URL(res.headers.get('location')!);
    expect(`${back.protocol}${back.pathname}`).toBe(CUSTOM_SCHEME);
    expect(back.searchParams.get('code')).toBeTruthy();
  });

  it('a single-page app on a loopback redirect URI (development) is asked too: the same public client, the same gap', async () => {
    const { client } = await createClient(h.runtime.db, { name: 'Dev SPA', type: 'spa', redirectUris: ['http://localhost:5173/cb'] });
    await h.runtime.stores.consents.grant(user.id, client.id, ['openid', 'email']);
    expect((await authorize(client.id, 'http://localhost:5173/cb')).pathname).toBe('/consent');
  });

  it('is asked for consent even when the operator marked it skip-consent and verified', async () => {
    const clientId = await approvedNativeApp({ skipConsent: true, verified: true });
    expect((await authorize(clientId, CUSTOM_SCHEME)).pathname).toBe('/consent');
    expect((await authorize(clientId, CUSTOM_SCHEME, { prompt: 'none' })).searchParams.get('error')).toBe('consent_required');
  });
});

describe('apps whose identity is assured', () => {
  it('a native app on its claimed https redirect URI uses the remembered consent (RFC 8252 §8.6)', async () => {
    const to = await authorize(await approvedNativeApp(), CLAIMED_HTTPS);
    expect(to.origin + to.pathname).toBe(CLAIMED_HTTPS);
    expect(to.searchParams.get('code')).toBeTruthy();
  });

  it('a confidential web app uses the remembered consent', async () => {
    const { client } = await createClient(h.runtime.db, { name: 'Web', type: 'web', redirectUris: ['https://web.example.com/cb'] });
    await h.runtime.stores.consents.grant(user.id, client.id, ['openid', 'email']);
    expect((await authorize(client.id, 'https://web.example.com/cb')).searchParams.get('code')).toBeTruthy();
  });
});
