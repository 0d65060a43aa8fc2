/**
 * Sessions have an absolute lifetime (issue 12, finding 5): counted from sign-in
 * (UserSession.createdAt), activity does not extend it; past it the session is ended (endedAt)
 * wherever it is read — the protocol core's session port and next-auth's jwt callback share
 * createSessionValidityCheck — and the user signs in again. The idle timeout is unchanged.
 * OWASP Session Management Cheat Sheet, "Absolute Timeout"; NIST SP 800-63B §7.2.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/lib/account/create-user.ts';
import { createSessionValidityCheck, listUserSessions, SESSION_MAX_AGE_S, startUserSession } from '@/lib/account/user-sessions.ts';
import { ConfigError, loadConfig } from '@/lib/config.ts';
import { createClient } from '@/lib/portal/create-client.ts';
import { call, CHALLENGE, sessionCookie, startCore, type Harness } from '../support/core-harness.ts';

const DAY_S = 86_400;
const REDIRECT_URI = 'https://notes.example.com/cb';

describe('the absolute session lifetime setting', () => {
  it('is 30 days unless PORTICO_SESSION_ABSOLUTE_TIMEOUT says otherwise, in seconds', () => {
    const base = { PORTICO_SECRET: 'config-test-secret-0123456789abcdefghij' };
    expect(loadConfig(base).sessionAbsoluteTimeout).toBe(30 * DAY_S);
    expect(loadConfig({ ...base, PORTICO_SESSION_ABSOLUTE_TIMEOUT: '43200' }).sessionAbsoluteTimeout).toBe(43_200);
    for (const wrong of ['60', 'a week', String(400 * DAY_S)]) {
      expect(() => loadConfig({ ...base, PORTICO_SESSION_ABSOLUTE_TIMEOUT: wrong })).toThrow(ConfigError);
    }
    expect(() => loadConfig({ ...base, PORTICO_SESSION_ABSOLUTE_TIMEOUT: '60' })).toThrow(/PORTICO_SESSION_ABSOLUTE_TIMEOUT/);
  });
});

describe('a session kept alive by activity', () => {
  let h: Harness;
  let client: { id: string };
  beforeAll(async () => {
    h = await startCore({ PORTICO_SESSION_ABSOLUTE_TIMEOUT: String(2 * DAY_S) });
    client = (await createClient(h.runtime.db, { name: 'Notes', type: 'web', redirectUris: [REDIRECT_URI] })).client;
  });
  afterAll(() => h?.close());

  const authorize = async (cookie: string) => {
    const params = new URLSearchParams({
      client_id: client.id, redirect_uri: REDIRECT_URI, response_type: 'code', scope: 'openid', code_challenge: CHALLENGE, code_challenge_method: 'S256',
    });
    const res = await call(h, 'authorize', { path: `/oauth/authorize?${params}`, headers: { cookie } });
    return new URL(res.headers.get('location')!, h.config.issuer).pathname;
  };

  it('ends at the configured lifetime at the authorization endpoint, however recent the activity', async () => {
    const user = await createUser(h.runtime.db, { email: 'lifetime@example.com', password: 'correct horse battery' });
    await h.runtime.stores.consents.grant(user.id, client.id, ['openid']);
    const cookie = await sessionCookie(h, user.id);
    const sid = (await h.runtime.db.userSession.findFirstOrThrow({ where: { userId: user.id } })).id;

    for (let hours = 0; hours < 47; hours += 6) {
      expect(await authorize(cookie)).toBe('/cb'); // signed in: straight back to the app with a code
      h.clock.advance(6 * 3600);
    }
    // 48 h after sign-in, last seen 6 h ago: the idle timeout is far, the absolute one has passed.
    expect(await authorize(cookie)).toBe('/login');
    const row = await h.runtime.db.userSession.findUniqueOrThrow({ where: { id: sid } });
    expect(row.endedAt).toEqual(h.clock.now);
  });

  it('ends in the check next-auth uses too, and leaves the session list', async () => {
    const user = await createUser(h.runtime.db, { email: 'lifetime-check@example.com', password: 'correct horse battery' });
    const isValid = createSessionValidityCheck(h.runtime.db, () => h.clock.now, { absoluteTimeoutSeconds: 3600 });
    const sid = await startUserSession(h.runtime.db, { userId: user.id, amr: ['pwd'] }, h.clock.now);
    h.clock.advance(59 * 60);
    expect(await isValid(user.id, sid)).toBe(true);
    expect(await listUserSessions(h.runtime.db, user.id, sid, h.clock.now, { absoluteTimeoutSeconds: 3600 })).toHaveLength(1);
    h.clock.advance(2 * 60);
    expect(await listUserSessions(h.runtime.db, user.id, sid, h.clock.now, { absoluteTimeoutSeconds: 3600 })).toEqual([]);
    expect(await isValid(user.id, sid)).toBe(false);
    expect((await h.runtime.db.userSession.findUniqueOrThrow({ where: { id: sid } })).endedAt).toEqual(h.clock.now);
  });

  it('keeps the idle timeout as it was', async () => {
    const user = await createUser(h.runtime.db, { email: 'idle@example.com', password: 'correct horse battery' });
    const isValid = createSessionValidityCheck(h.runtime.db, () => h.clock.now, { absoluteTimeoutSeconds: 365 * DAY_S });
    const sid = await startUserSession(h.runtime.db, { userId: user.id, amr: ['pwd'] }, h.clock.now);
    h.clock.advance(SESSION_MAX_AGE_S + 1);
    expect(await isValid(user.id, sid)).toBe(false);
  });
});
