import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Harness } from '../../tests/support/core-harness.ts';
import { createUser } from './create-user.ts';
import {
  createSessionValidityCheck,
  endUserSession,
  endUserSessions,
  LAST_SEEN_RESOLUTION_MS,
  listUserSessions,
  SESSION_MAX_AGE_S,
  startUserSession,
} from './user-sessions.ts';

let h: Harness;
beforeAll(async () => (h = await startCore()));
afterAll(() => h?.close());

const now = () => h.clock.now;
const newUser = (email: string) => createUser(h.runtime.db, { email, password: 'correct horse battery' });
const start = (userId: string, seen: { ip?: string; userAgent?: string } = {}) => startUserSession(h.runtime.db, { userId, amr: ['pwd'], ...seen }, now());

describe('server-side browser sessions', () => {
  it('honours a session only for its own user, until it ends', async () => {
    const ada = await newUser('ada@sessions.example');
    const bob = await newUser('bob@sessions.example');
    const isValid = createSessionValidityCheck(h.runtime.db, now);
    const sid = await start(ada.id);
    expect(await isValid(ada.id, sid)).toBe(true);
    expect(await isValid(bob.id, sid)).toBe(false);
    expect(await isValid(ada.id, 'no-such-session')).toBe(false);

    expect(await endUserSession(h.runtime.db, bob.id, sid, now())).toBeNull(); // not Bob's to end
    expect(await endUserSession(h.runtime.db, ada.id, sid, now())).toEqual({ id: sid, userAgent: null });
    expect(await isValid(ada.id, sid)).toBe(false);
    expect(await endUserSession(h.runtime.db, ada.id, sid, now())).toBeNull(); // already ended
  });

  it('records where a session was last seen, writing at most once a minute', async () => {
    const user = await newUser('seen@sessions.example');
    const isValid = createSessionValidityCheck(h.runtime.db, now);
    const sid = await start(user.id, { ip: '203.0.113.7', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0' });
    const row = () => h.runtime.db.userSession.findUniqueOrThrow({ where: { id: sid } });
    const signedInAt = now().getTime();

    h.clock.advance(10);
    await isValid(user.id, sid, { userAgent: 'Other' });
    expect((await row()).lastSeenAt.getTime()).toBe(signedInAt);

    h.clock.advance(LAST_SEEN_RESOLUTION_MS / 1000);
    await isValid(user.id, sid, { ip: '198.51.100.2' });
    expect(await row()).toMatchObject({ lastSeenAt: now(), ip: '198.51.100.2', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0' });

    // A new address is recorded at once, whatever the time since the last write.
    h.clock.advance(1);
    await isValid(user.id, sid, { ip: '192.0.2.9' });
    expect((await row()).ip).toBe('192.0.2.9');
  });

  it('ends a session idle for longer than the cookie lives', async () => {
    const user = await newUser('idle@sessions.example');
    const isValid = createSessionValidityCheck(h.runtime.db, now);
    const sid = await start(user.id);
    h.clock.advance(SESSION_MAX_AGE_S + 1);
    expect(await isValid(user.id, sid)).toBe(false);
    expect(await listUserSessions(h.runtime.db, user.id, sid, now())).toEqual([]);
  });

  it('lists live sessions with the current one first, and ends all but one', async () => {
    const user = await newUser('many@sessions.example');
    const a = await start(user.id, { userAgent: 'A' });
    h.clock.advance(120);
    const b = await start(user.id, { userAgent: 'B' });
    h.clock.advance(120);
    const c = await start(user.id, { userAgent: 'C' });
    const listed = await listUserSessions(h.runtime.db, user.id, a, now());
    expect(listed.map((s) => [s.userAgent, s.current])).toEqual([['A', true], ['C', false], ['B', false]]);

    expect((await endUserSessions(h.runtime.db, user.id, { keep: a, now: now() })).sort()).toEqual([b, c].sort());
    expect((await listUserSessions(h.runtime.db, user.id, a, now())).map((s) => s.id)).toEqual([a]);
    expect(await endUserSessions(h.runtime.db, user.id, { now: now() })).toEqual([a]);
    expect(await listUserSessions(h.runtime.db, user.id, a, now())).toEqual([]);
  });
});
