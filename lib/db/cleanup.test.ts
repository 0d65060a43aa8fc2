import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_MAX_AGE_S } from '../account/user-sessions.ts';
import { deleteExpired } from './cleanup.ts';
import { startCore, type Harness } from '../../tests/support/core-harness.ts';

let h: Harness;
beforeAll(async () => (h = await startCore()));
afterAll(() => h?.close());

describe('deleting expired rows', () => {
  it('removes expired interactions, codes and tokens a day past expiry, and dead sessions, and nothing else', async () => {
    const { db } = h.runtime;
    const now = new Date('2026-11-25T12:00:00Z');
    const ago = (ms: number) => new Date(now.getTime() - ms);
    const token = (hash: string, expiresAt: Date) => ({ hash, kind: 'access', grantId: 'g', clientId: 'c', scope: '', expiresAt, createdAt: ago(0) });
    await db.token.createMany({ data: [token('old', ago(86_400_001)), token('recent', ago(1000)), token('live', ago(-1000))] });
    await db.interaction.createMany({
      data: [
        { id: 'ix_old', params: '{}', clientId: 'c', expiresAt: ago(1) },
        { id: 'ix_live', params: '{}', clientId: 'c', expiresAt: ago(-1000) },
      ],
    });
    const user = await db.user.create({ data: { id: 'u', email: 'u@example.com', passwordHash: 'x' } });
    const session = (id: string, lastSeenAt: Date, endedAt: Date | null = null) => ({ id, userId: user.id, amr: 'pwd', createdAt: lastSeenAt, lastSeenAt, endedAt });
    await db.userSession.createMany({
      data: [
        session('ended-long-ago', ago(3600_000), ago(86_400_001)),
        session('ended-recently', ago(3600_000), ago(1000)),
        session('idle-past-cookie', ago((SESSION_MAX_AGE_S + 86_400) * 1000 + 1)),
        session('live', ago(1000)),
      ],
    });
    await db.usedJti.createMany({ data: [{ key: 'jti-spent', expiresAt: ago(1) }, { key: 'jti-live', expiresAt: ago(-1000) }] });
    await db.authorizationRejection.createMany({
      data: [
        { id: 'rej-old', clientId: 'c', reason: 'x', createdAt: ago(31 * 86_400_000) },
        { id: 'rej-recent', clientId: 'c', reason: 'x', createdAt: ago(29 * 86_400_000) },
      ],
    });
    expect(await deleteExpired(db, now)).toEqual({ interactions: 1, codes: 0, tokens: 1, sessions: 2 });
    expect((await db.userSession.findMany({ orderBy: { id: 'asc' } })).map((s) => s.id)).toEqual(['ended-recently', 'live']);
    expect((await db.token.findMany({ orderBy: { hash: 'asc' } })).map((t) => t.hash)).toEqual(['live', 'recent']);
    expect((await db.interaction.findMany()).map((i) => i.id)).toEqual(['ix_live']);
    expect((await db.usedJti.findMany()).map((j) => j.key)).toEqual(['jti-live']);
    expect((await db.authorizationRejection.findMany()).map((r) => r.id)).toEqual(['rej-recent']);
  });
});
