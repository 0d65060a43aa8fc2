/**
 * Front-Channel Logout 1.0 (§2–§4) against the in-process core on SQLite and PostgreSQL: when a
 * session ends at the end-session endpoint — RP-initiated, or Portico's own sign-out posting
 * confirm=yes — the signed-out page loads the frontchannel_logout_uri of every app that got a grant
 * in that session in an iframe, with iss and sid for the apps that asked; its Content-Security-Policy
 * frames exactly those origins; everything in it is escaped; it then goes on to the app's
 * post_logout_redirect_uri.
 */
import { decode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/lib/account/create-user.ts';
import { createClient } from '@/lib/portal/create-client.ts';
import { call, CHALLENGE, sessionCookie, startCore, type Harness } from '../support/core-harness.ts';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.ts';

type App = { id: string; redirect: string };

const unescapeHtml = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const iframesOf = (html: string) => [...html.matchAll(/<iframe src="([^"]*)" title="([^"]*)" hidden><\/iframe>/g)].map((m) => ({ src: new URL(unescapeHtml(m[1]!)), title: m[2]! }));
const directive = (csp: string, name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `));

describe.each(DATABASES)('front-channel logout on %s', (kind) => {
  let database: TestDatabase;
  let h: Harness;
  let user: { id: string };
  let notes: App; // asks for iss and sid; a name and a URI that need escaping
  let calendar: App; // on a port of its own, no iss/sid
  let plain: App; // no front-channel logout URI
  let retired: App; // disabled
  let elsewhere: App; // signed in to in another session only

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    h = await startCore({ DATABASE_URL: database.url });
    user = await createUser(h.runtime.db, { email: 'ada@frontchannel.example', password: 'correct horse battery' });
    async function app(name: string, origin: string, data: Record<string, unknown>): Promise<App> {
      const redirect = `${origin}/cb`;
      const created = await createClient(h.runtime.db, { name: 'App', type: 'web', redirectUris: [redirect], postLogoutRedirectUris: [`${origin}/bye`] });
      await h.runtime.db.client.update({ where: { id: created.client.id }, data: { name, ...data } });
      await h.runtime.stores.consents.grant(user.id, created.client.id, ['openid']);
      return { id: created.client.id, redirect };
    }
    notes = await app('Notes <b>"&\'', 'https://notes.example.com', {
      frontchannelLogoutUri: 'https://notes.example.com/fc?from=portico&next=<x>',
      frontchannelLogoutSessionRequired: true,
    });
    calendar = await app('Calendar', 'https://calendar.example.com:8443', { frontchannelLogoutUri: 'https://calendar.example.com:8443/logout' });
    plain = await app('Plain', 'https://plain.example.com', {});
    retired = await app('Retired', 'https://retired.example.com', { frontchannelLogoutUri: 'https://retired.example.com/fc', disabled: true });
    elsewhere = await app('Elsewhere', 'https://elsewhere.example.com', { frontchannelLogoutUri: 'https://elsewhere.example.com/fc' });
  });
  afterAll(async () => {
    await h?.close();
    await database?.drop();
  });

  async function sidOf(cookie: string): Promise<string> {
    return String((await decode({ token: cookie.split('=')[1], secret: h.config.sessionSecret }))?.sid);
  }

  /** A session in which each app got a grant (an authorization answered with a code). */
  async function sessionWith(apps: App[]): Promise<{ cookie: string; sid: string }> {
    const cookie = await sessionCookie(h, user.id);
    for (const app of apps) {
      const params = new URLSearchParams({ client_id: app.id, redirect_uri: app.redirect, response_type: 'code', scope: 'openid', code_challenge: CHALLENGE, code_challenge_method: 'S256' });
      const res = await call(h, 'authorize', { path: `/oauth/authorize?${params}`, headers: { cookie } });
      expect(new URL(res.headers.get('location')!).searchParams.get('code')).toBeTruthy();
    }
    return { cookie, sid: await sidOf(cookie) };
  }

  /** A grant the way an authorization leaves one, for the disabled app that can no longer get one. */
  async function grantIn(sid: string, app: App) {
    await h.runtime.stores.grants.create({
      id: `grant-${app.id}-${sid}`, clientId: app.id, userId: user.id, scope: 'openid', authTime: Math.floor(h.clock.now.getTime() / 1000),
      acr: null, amr: 'pwd', nonce: null, sid, resources: null, claims: null,
    });
  }

  it('RP-initiated: the signed-out page frames each app of the session, then goes on to post_logout_redirect_uri', async () => {
    const { cookie, sid } = await sessionWith([notes, calendar, plain]);
    await grantIn(sid, retired);
    await sessionWith([elsewhere]); // another session of the same user
    const out = await call(h, 'endSession', {
      body: { client_id: notes.id, post_logout_redirect_uri: 'https://notes.example.com/bye', state: 'st&"x', confirm: 'yes' },
      headers: { cookie },
    });
    expect(out.status).toBe(200);
    expect(out.headers.get('content-type')).toMatch(/^text\/html/);
    expect(out.headers.get('cache-control')).toBe('no-store');
    expect(out.headers.getSetCookie().some((c) => c.startsWith('next-auth.session-token='))).toBe(true);
    const html = await out.text();

    const frames = iframesOf(html);
    expect(frames.map((f) => f.src.origin).sort()).toEqual(['https://calendar.example.com:8443', 'https://notes.example.com']);
    const notesFrame = frames.find((f) => f.src.origin === 'https://notes.example.com')!;
    // §2: iss and sid for the app that asked, added to the query it registered.
    expect(notesFrame.src.pathname).toBe('/fc');
    expect(Object.fromEntries(notesFrame.src.searchParams)).toEqual({ from: 'portico', next: '<x>', iss: h.config.issuer, sid });
    const calendarFrame = frames.find((f) => f.src.origin === 'https://calendar.example.com:8443')!;
    expect(calendarFrame.src.toString()).toBe('https://calendar.example.com:8443/logout');

    // Exactly those origins may be framed, and nothing else runs.
    const csp = out.headers.get('content-security-policy')!;
    expect(directive(csp, 'frame-src')!.split(' ').slice(1).sort()).toEqual(['https://calendar.example.com:8443', 'https://notes.example.com']);
    expect(directive(csp, 'default-src')).toBe("default-src 'none'");
    expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)![1];
    expect([...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1])).toEqual([` nonce="${nonce}"`]);

    // Escaped: the app's name, and the URLs in attributes.
    expect(notesFrame.title).toBe('Signing you out of Notes &lt;b&gt;&quot;&amp;&#39;');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<x>');
    // Then on to the app, with its state (RP-Initiated Logout §3).
    const link = /<a class="button" id="continue" href="([^"]*)"/.exec(html)![1]!;
    expect(new URL(unescapeHtml(link)).toString()).toBe(`https://notes.example.com/bye?state=${encodeURIComponent('st&"x')}`);
    expect(html).toContain("location.replace(document.getElementById('continue').href)");

    // The session has ended.
    const session = await h.runtime.db.userSession.findUniqueOrThrow({ where: { id: sid } });
    expect(session.endedAt).not.toBeNull();
  });

  it("Portico's own sign-out (confirm=yes, no app) shows the frames and stays on the page", async () => {
    const { cookie } = await sessionWith([calendar]);
    const out = await call(h, 'endSession', { body: { confirm: 'yes' }, headers: { cookie } });
    expect(out.status).toBe(200);
    const html = await out.text();
    expect(iframesOf(html).map((f) => f.src.toString())).toEqual(['https://calendar.example.com:8443/logout']);
    expect(html).toContain('You are signed out');
    expect(html).toContain('href="/login"');
    expect(html).not.toContain('<script');
    const csp = out.headers.get('content-security-policy')!;
    expect(directive(csp, 'frame-src')).toBe('frame-src https://calendar.example.com:8443');
    expect(directive(csp, 'script-src')).toBeUndefined();
  });

  it('without front-channel apps in the session, sign-out is the redirect it always was', async () => {
    const { cookie } = await sessionWith([plain]);
    const out = await call(h, 'endSession', { body: { confirm: 'yes' }, headers: { cookie } });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/logged-out');
    const withApp = await sessionWith([plain]);
    const toApp = await call(h, 'endSession', { body: { client_id: plain.id, post_logout_redirect_uri: 'https://plain.example.com/bye', confirm: 'yes' }, headers: { cookie: withApp.cookie } });
    expect(toApp.status).toBe(303);
    expect(toApp.headers.get('location')).toBe('https://plain.example.com/bye');
  });

  it('with nobody signed in there is no session to end, so no frames', async () => {
    const out = await call(h, 'endSession', { path: `/oauth/end-session?${new URLSearchParams({ client_id: notes.id, post_logout_redirect_uri: 'https://notes.example.com/bye' })}` });
    expect(out.status).toBe(200);
    expect(iframesOf(await out.text())).toEqual([]);
    expect(out.headers.get('content-security-policy')).not.toContain('frame-src');
  });

  it('is advertised in discovery', async () => {
    const doc = await (await call(h, 'discovery', { path: '/.well-known/openid-configuration' })).json();
    expect(doc.frontchannel_logout_supported).toBe(true);
    expect(doc.frontchannel_logout_session_supported).toBe(true);
  });
});
