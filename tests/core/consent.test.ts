/**
 * Consent decisions through the screens' API: Deny, Allow with optional scopes unticked, and what
 * is remembered afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/lib/account/create-user.ts';
import { createClient } from '@/lib/portal/create-client.ts';
import { basic, call, CHALLENGE, sessionCookie, startCore, VERIFIER, type Harness } from '../support/core-harness.ts';

let h: Harness;
let user: { id: string };
let client: { id: string; secret: string };

beforeAll(async () => {
  h = await startCore();
  user = await createUser(h.runtime.db, { email: 'grace@example.com', password: 'correct horse battery' });
  const created = await createClient(h.runtime.db, { name: 'Notes', type: 'web', redirectUris: ['https://notes.example.com/cb'] });
  client = { id: created.client.id, secret: created.clientSecret! };
});
afterAll(() => h?.close());

async function authorize(scope: string, extra: Record<string, string> = {}) {
  const params = new URLSearchParams({
    client_id: client.id, redirect_uri: 'https://notes.example.com/cb', response_type: 'code', scope, state: 'st',
    code_challenge: CHALLENGE, code_challenge_method: 'S256', ...extra,
  });
  const res = await call(h, 'authorize', { path: `/oauth/authorize?${params}`, headers: { cookie: await sessionCookie(h, user.id) } });
  return new URL(res.headers.get('location')!, h.config.issuer);
}

async function resume(url: string) {
  const res = await call(h, 'authorize', { path: url, headers: { cookie: await sessionCookie(h, user.id) } });
  return new URL(res.headers.get('location')!, h.config.issuer);
}

const exchange = async (code: string) =>
  (
    await call(h, 'token', {
      body: { grant_type: 'authorization_code', code, redirect_uri: 'https://notes.example.com/cb', code_verifier: VERIFIER },
      headers: { authorization: basic(client.id, client.secret) },
    })
  ).json();

describe('consent', () => {
  it('describes the app and marks openid as required', async () => {
    const consent = await authorize('openid email offline_access');
    expect(consent.pathname).toBe('/consent');
    const view = await h.runtime.provider.interactions.describe(consent.searchParams.get('interaction')!, user.id);
    expect(view?.client.name).toBe('Notes');
    expect(view?.scopes.map((s) => [s.name, s.required])).toEqual([['openid', true], ['email', false], ['offline_access', false]]);
  });

  it('denies with access_denied, state and iss', async () => {
    const consent = await authorize('openid email');
    const to = new URL(await h.runtime.provider.interactions.decideConsent(consent.searchParams.get('interaction')!, user.id, 'deny'));
    expect(Object.fromEntries(to.searchParams)).toMatchObject({ error: 'access_denied', state: 'st', iss: h.config.issuer });
  });

  it('issues exactly the scopes the user left ticked, never without openid, and remembers that', async () => {
    const consent = await authorize('openid email offline_access');
    const id = consent.searchParams.get('interaction')!;
    const next = await h.runtime.provider.interactions.decideConsent(id, user.id, 'allow', ['email']);
    const callback = await resume(next);
    const tokens = await exchange(callback.searchParams.get('code')!);
    expect(tokens.scope).toBe('openid email');
    expect(tokens.refresh_token).toBeUndefined(); // offline_access was unticked
    expect(await h.runtime.stores.consents.find(user.id, client.id)).toEqual(['openid', 'email']);

    // The same request is not silently granted: offline_access was declined, so it asks again.
    expect((await authorize('openid email offline_access')).pathname).toBe('/consent');
    expect((await authorize('openid email')).searchParams.get('code')).toBeTruthy();
  });

  it('withdraws a scope that was granted before when the user unticks it', async () => {
    const consent = await authorize('openid email', { prompt: 'consent' });
    const next = await h.runtime.provider.interactions.decideConsent(consent.searchParams.get('interaction')!, user.id, 'allow', []);
    await resume(next);
    expect(await h.runtime.stores.consents.find(user.id, client.id)).toEqual(['openid']);
  });
});
