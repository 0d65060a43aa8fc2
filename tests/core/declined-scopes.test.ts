/**
 * Consent remembers what the user declined (Consent.declined), on SQLite and PostgreSQL: optional
 * scopes unticked on the consent screen are recorded; the next request for them still shows the
 * consent screen, offering them (the screen starts them unticked from findDeclinedScopes); ticking
 * one later grants it and removes it from the declined list. Driven through the real authorization
 * and token endpoints and the core's consent decision, as the consent page's action does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/lib/account/create-user.ts';
import { findDeclinedScopes } from '@/lib/account/find-declined-scopes.ts';
import { createClient } from '@/lib/portal/create-client.ts';
import { sessionCookie, startCore, type Harness } from '../support/core-harness.ts';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.ts';
import { redeemCode, resume, startAuthorization, type App } from '../support/end-user.ts';

describe.each(DATABASES)('declined optional scopes are remembered (%s)', (kind) => {
  let database: TestDatabase;
  let h: Harness;
  let app: App;
  let user: { id: string };
  let cookie: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    h = await startCore({ DATABASE_URL: database.url });
    user = await createUser(h.runtime.db, { email: 'lin@example.com', password: 'correct horse battery' });
    const created = await createClient(h.runtime.db, { name: 'Tide Tables', type: 'web', redirectUris: ['https://tides.example.com/cb'] });
    app = { id: created.client.id, secret: created.clientSecret!, redirectUri: 'https://tides.example.com/cb' };
    cookie = await sessionCookie(h, user.id);
  });
  afterAll(async () => {
    await h?.close();
    await database?.drop();
  });

  /** The consent screen's Allow with `ticked` left ticked; answers the scope the app's tokens carry. */
  async function allow(consent: URL, ticked: string[]): Promise<string> {
    const next = await h.runtime.provider.interactions.decideConsent(consent.searchParams.get('interaction')!, user.id, 'allow', ticked);
    const callback = await resume(h, next, cookie);
    return (await redeemCode(h, app, callback.searchParams.get('code')!)).scope;
  }

  it('records unticked scopes as declined, offers them again unticked, and forgets the "no" once ticked', async () => {
    const first = await startAuthorization(h, app, 'openid email phone offline_access', cookie);
    expect(first.pathname).toBe('/consent');
    expect(await findDeclinedScopes(h.runtime.db, user.id, app.id)).toEqual([]);
    expect(await allow(first, ['email'])).toBe('openid email');
    expect((await findDeclinedScopes(h.runtime.db, user.id, app.id)).sort()).toEqual(['offline_access', 'phone']);
    expect(await h.runtime.stores.consents.find(user.id, app.id)).toEqual(['openid', 'email']);

    // Asked again: the screen is shown (still offered), and it knows what to start unticked.
    const second = await startAuthorization(h, app, 'openid email phone offline_access', cookie);
    expect(second.pathname).toBe('/consent');
    const view = await h.runtime.provider.interactions.describe(second.searchParams.get('interaction')!, user.id);
    expect(view?.scopes.map((s) => s.name)).toEqual(expect.arrayContaining(['phone', 'offline_access']));

    // This time the user ticks phone: granted, and no longer declined; offline_access stays declined.
    expect(await allow(second, ['email', 'phone'])).toBe('openid email phone');
    expect(await findDeclinedScopes(h.runtime.db, user.id, app.id)).toEqual(['offline_access']);
    expect((await h.runtime.stores.consents.find(user.id, app.id)).sort()).toEqual(['email', 'openid', 'phone']);

    // What is granted needs no screen; the declined scope alone brings it back.
    expect((await startAuthorization(h, app, 'openid email phone', cookie)).searchParams.get('code')).toBeTruthy();
    expect((await startAuthorization(h, app, 'openid offline_access', cookie)).pathname).toBe('/consent');
  });

  it('records a scope unticked after being granted as declined too (withdrawn with prompt=consent)', async () => {
    const consent = await startAuthorization(h, app, 'openid email', cookie, { prompt: 'consent' });
    expect(await allow(consent, [])).toBe('openid');
    expect((await findDeclinedScopes(h.runtime.db, user.id, app.id)).sort()).toEqual(['email', 'offline_access']);
    expect((await h.runtime.stores.consents.find(user.id, app.id)).sort()).toEqual(['openid', 'phone']);
  });
});
