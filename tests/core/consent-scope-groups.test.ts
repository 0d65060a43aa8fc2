/**
 * The consent screen's description of a request: every scope in plain words, grouped (identity,
 * email, phone, address, offline access, then the app's own API scopes in the app's words), and the
 * same words on the user's connected apps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/lib/account/create-user.ts';
import { listConnectedApps } from '@/lib/account/list-connected-apps.ts';
import { SCOPE_DESCRIPTIONS } from '@/lib/oidc/scopes.ts';
import { createClient } from '@/lib/portal/create-client.ts';
import { call, CHALLENGE, sessionCookie, startCore, type Harness } from '../support/core-harness.ts';

let h: Harness;
let user: { id: string };
let clientId: string;

beforeAll(async () => {
  h = await startCore();
  user = await createUser(h.runtime.db, { email: 'lin@example.com', password: 'correct horse battery' });
  const created = await createClient(h.runtime.db, {
    name: 'Ledger', type: 'web', redirectUris: ['https://ledger.example.com/cb'],
    scope: 'openid profile email phone offline_access invoices:read invoices:write reports',
    scopeDescriptions: { 'invoices:read': '  See and download your invoices ', 'invoices:write': 'Send invoices in your name' },
  });
  clientId = created.client.id;
});
afterAll(() => h?.close());

async function consentView(scope: string) {
  const params = new URLSearchParams({
    client_id: clientId, redirect_uri: 'https://ledger.example.com/cb', response_type: 'code', scope, state: 'st',
    code_challenge: CHALLENGE, code_challenge_method: 'S256',
  });
  const res = await call(h, 'authorize', { path: `/oauth/authorize?${params}`, headers: { cookie: await sessionCookie(h, user.id) } });
  const consent = new URL(res.headers.get('location')!, h.config.issuer);
  expect(consent.pathname).toBe('/consent');
  return { id: consent.searchParams.get('interaction')!, view: (await h.runtime.provider.interactions.describe(consent.searchParams.get('interaction')!, user.id))! };
}

describe('consent screen scope groups', () => {
  it('lists standard scopes by group, then the app’s API scopes with its descriptions, in request order', async () => {
    const { view } = await consentView('reports invoices:write offline_access email openid invoices:read phone profile');
    expect(view.scopes.map((s) => [s.name, s.group, s.description])).toEqual([
      ['openid', 'identity', SCOPE_DESCRIPTIONS.openid],
      ['profile', 'identity', SCOPE_DESCRIPTIONS.profile],
      ['email', 'email', SCOPE_DESCRIPTIONS.email],
      ['phone', 'phone', SCOPE_DESCRIPTIONS.phone],
      ['offline_access', 'offline', SCOPE_DESCRIPTIONS.offline_access],
      ['reports', 'api', 'Use the "reports" permission'],
      ['invoices:write', 'api', 'Send invoices in your name'],
      ['invoices:read', 'api', 'See and download your invoices'],
    ]);
    expect(view.scopes.filter((s) => s.required).map((s) => s.name)).toEqual(['openid']);
  });

  it('shows the same words on the user’s connected apps once allowed', async () => {
    const { id } = await consentView('openid invoices:read reports');
    await h.runtime.provider.interactions.decideConsent(id, user.id, 'allow');
    const [app] = await listConnectedApps(h.runtime.db, { userId: user.id });
    expect(app?.scopes).toEqual([
      { name: 'openid', description: SCOPE_DESCRIPTIONS.openid },
      { name: 'invoices:read', description: 'See and download your invoices' },
      { name: 'reports', description: 'Use the "reports" permission' },
    ]);
  });

  it('tolerates a damaged stored value: the fallback wording, not an error', async () => {
    await h.runtime.db.client.update({ where: { id: clientId }, data: { scopeDescriptions: '{oops' } });
    h.clock.advance(10); // past the client cache
    const { view } = await consentView('openid invoices:write'); // not allowed yet, so asked
    expect(view.scopes.map((s) => s.description)).toEqual([SCOPE_DESCRIPTIONS.openid, 'Use the "invoices:write" permission']);
  });
});
