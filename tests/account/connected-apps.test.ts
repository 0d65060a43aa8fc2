/**
 * The account area's use cases on a real database with the real core: the connected apps a user
 * sees, revoking one (checked through the real introspection and token endpoints), and the
 * security activity lines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/lib/account/create-user.ts';
import { listConnectedApps } from '@/lib/account/list-connected-apps.ts';
import { listSecurityActivity } from '@/lib/account/list-security-activity.ts';
import { recordConsentDecision } from '@/lib/account/record-consent-decision.ts';
import { recordSecurityEvent } from '@/lib/account/record-security-event.ts';
import { revokeAppAccess } from '@/lib/account/revoke-app-access.ts';
import { createClient } from '@/lib/portal/create-client.ts';
import { NotFoundError } from '@/lib/portal/errors.ts';
import { basic, call, CHALLENGE, sessionCookie, startCore, VERIFIER, type Harness } from '../support/core-harness.ts';

type App = { id: string; secret: string; name: string; redirectUri: string };

let h: Harness;
let grace: { id: string };
let alan: { id: string };
let notes: App;
let photos: App;

async function makeApp(name: string, host: string): Promise<App> {
  const redirectUri = `https://${host}/cb`;
  const created = await createClient(h.runtime.db, { name, type: 'web', redirectUris: [redirectUri] });
  return { id: created.client.id, secret: created.clientSecret!, name, redirectUri };
}

/** Consent (as the screen would record it) and a code exchanged for tokens. */
async function connect(userId: string, app: App, scope: string, ticked?: string[]) {
  const params = new URLSearchParams({
    client_id: app.id, redirect_uri: app.redirectUri, response_type: 'code', scope, state: 'st',
    code_challenge: CHALLENGE, code_challenge_method: 'S256', prompt: 'consent',
  });
  const cookie = await sessionCookie(h, userId);
  const toConsent = await call(h, 'authorize', { path: `/oauth/authorize?${params}`, headers: { cookie } });
  const interaction = new URL(toConsent.headers.get('location')!, h.config.issuer).searchParams.get('interaction')!;
  const requested = scope.split(' ');
  const resume = await h.runtime.provider.interactions.decideConsent(interaction, userId, 'allow', ticked ?? requested);
  await recordConsentDecision(h.runtime.db, { userId }, { decision: 'allow', client: { id: app.id, name: app.name }, requested, ticked: ticked ?? requested });
  const toApp = await call(h, 'authorize', { path: resume, headers: { cookie } });
  const code = new URL(toApp.headers.get('location')!).searchParams.get('code')!;
  const res = await call(h, 'token', {
    body: { grant_type: 'authorization_code', code, redirect_uri: app.redirectUri, code_verifier: VERIFIER },
    headers: { authorization: basic(app.id, app.secret) },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { access_token: string; refresh_token?: string; scope: string };
}

const introspect = async (app: App, token: string) =>
  (await (await call(h, 'introspect', { body: { token }, headers: { authorization: basic(app.id, app.secret) } })).json()) as { active: boolean };

const refresh = (app: App, token: string) =>
  call(h, 'token', { body: { grant_type: 'refresh_token', refresh_token: token }, headers: { authorization: basic(app.id, app.secret) } });

beforeAll(async () => {
  h = await startCore();
  grace = await createUser(h.runtime.db, { email: 'grace@example.com', password: 'correct horse battery' });
  alan = await createUser(h.runtime.db, { email: 'alan@example.com', password: 'correct horse battery' });
  notes = await makeApp('Notes', 'notes.example.com');
  photos = await makeApp('Photos', 'photos.example.com');
});
afterAll(() => h?.close());

describe('connected apps', () => {
  it('lists nothing for a user who has connected no app', async () => {
    expect(await listConnectedApps(h.runtime.db, { userId: grace.id }, h.clock.now)).toEqual([]);
  });

  it('lists each app with its granted scopes in plain words, dates and offline access', async () => {
    const first = h.clock.now;
    await connect(grace.id, notes, 'openid email offline_access');
    h.clock.advance(60);
    await connect(grace.id, photos, 'openid profile email', ['profile']);
    h.clock.advance(60);
    await connect(alan.id, notes, 'openid email offline_access');

    const apps = await listConnectedApps(h.runtime.db, { userId: grace.id }, h.clock.now);
    expect(apps.map((a) => a.name)).toEqual(['Photos', 'Notes']); // most recently used first
    const [photosApp, notesApp] = apps;
    expect(photosApp).toMatchObject({
      clientId: photos.id,
      logoUri: null,
      offlineAccess: false,
      scopes: [
        { name: 'openid', description: 'Confirm your identity (your Portico account ID)' },
        { name: 'profile', description: 'See your name and basic profile information' },
      ],
    });
    expect(notesApp).toMatchObject({ clientId: notes.id, offlineAccess: true });
    expect(notesApp!.scopes.map((s) => s.description)).toContain('See your email address');
    expect(notesApp!.firstAuthorizedAt!.getTime()).toBeGreaterThanOrEqual(first.getTime() - 1000);
    expect(notesApp!.lastUsedAt!.getTime()).toBe(first.getTime());
  });

  it('shows an app with live tokens but no consent (e.g. first-party, consent skipped)', async () => {
    await h.runtime.db.consent.delete({ where: { userId_clientId: { userId: grace.id, clientId: photos.id } } });
    const apps = await listConnectedApps(h.runtime.db, { userId: grace.id }, h.clock.now);
    expect(apps.find((a) => a.clientId === photos.id)?.scopes.map((s) => s.name)).toEqual(['openid', 'profile']);
  });
});

describe('revoking an app', () => {
  it("makes the user's tokens for it inactive at once and refresh fail, leaving other users' tokens alone", async () => {
    const mine = await connect(grace.id, notes, 'openid email offline_access');
    const theirs = await connect(alan.id, notes, 'openid email offline_access');
    expect((await introspect(notes, mine.access_token)).active).toBe(true);

    const result = await revokeAppAccess(h.runtime.db, { userId: grace.id }, notes.id, h.clock.now);
    expect(result).toMatchObject({ clientId: notes.id, name: 'Notes' });
    expect(result.tokensRevoked).toBeGreaterThanOrEqual(2);

    expect((await introspect(notes, mine.access_token)).active).toBe(false);
    expect((await introspect(notes, mine.refresh_token!)).active).toBe(false);
    const refused = await refresh(notes, mine.refresh_token!);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toBe('invalid_grant');

    expect((await introspect(notes, theirs.access_token)).active).toBe(true);
    expect((await refresh(notes, theirs.refresh_token!)).status).toBe(200);

    expect(await h.runtime.stores.consents.find(grace.id, notes.id)).toEqual([]);
    expect((await listConnectedApps(h.runtime.db, { userId: grace.id }, h.clock.now)).map((a) => a.clientId)).not.toContain(notes.id);
    expect((await listConnectedApps(h.runtime.db, { userId: alan.id }, h.clock.now)).map((a) => a.clientId)).toContain(notes.id);
  });

  it('asks for consent again on the next authorization', async () => {
    const params = new URLSearchParams({
      client_id: notes.id, redirect_uri: notes.redirectUri, response_type: 'code', scope: 'openid email', state: 'st',
      code_challenge: CHALLENGE, code_challenge_method: 'S256',
    });
    const res = await call(h, 'authorize', { path: `/oauth/authorize?${params}`, headers: { cookie: await sessionCookie(h, grace.id) } });
    expect(new URL(res.headers.get('location')!, h.config.issuer).pathname).toBe('/consent');
  });

  it('refuses an app the user has no access with, or an unknown one, as not found', async () => {
    await expect(revokeAppAccess(h.runtime.db, { userId: grace.id }, notes.id, h.clock.now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(revokeAppAccess(h.runtime.db, { userId: grace.id }, 'no-such-app', h.clock.now)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('security activity', () => {
  it("lists the user's own sign-ins and consent decisions as readable lines, newest first", async () => {
    await recordSecurityEvent(h.runtime.db, {
      userId: grace.id,
      action: 'user.signed_in',
      details: { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36' },
      at: new Date(h.clock.now.getTime() + 60_000),
    });
    await recordConsentDecision(h.runtime.db, { userId: grace.id }, { decision: 'deny', client: { id: photos.id, name: 'Photos' }, requested: ['openid'] });

    const lines = await listSecurityActivity(h.runtime.db, { userId: grace.id });
    expect(lines[0]).toMatchObject({ action: 'user.signed_in', text: 'Signed in', detail: 'Chrome on Linux' });
    const texts = lines.map((l) => l.text);
    expect(texts).toContain('Revoked access for Notes');
    expect(texts).toContain('Denied Photos access to your account');
    expect(texts).toContain('Allowed Notes to see your email address and keep access while you are away, until you revoke it');
    expect(lines.find((l) => l.text === 'Allowed Photos to see your name and basic profile information')?.detail).toBe('Declined: see your email address');
    expect(lines.every((l, i) => i === 0 || l.at.getTime() <= lines[i - 1]!.at.getTime())).toBe(true);

    // Another user's activity is not listed.
    expect((await listSecurityActivity(h.runtime.db, { userId: alan.id })).every((l) => l.action === 'consent.granted')).toBe(true);
  });
});
