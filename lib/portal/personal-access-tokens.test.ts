/** Personal access tokens: shown once, stored hashed, scoped, expiring, revocable. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '@/lib/oidc/tokens.ts';
import { startCore, type Harness } from '@/tests/support/core-harness.ts';
import { makeActor } from '@/tests/support/portal.ts';
import {
  authenticatePersonalAccessToken, createPersonalAccessToken, listPersonalAccessTokens, NotFoundError, revokePersonalAccessToken, ValidationError,
} from './index.ts';

let h: Harness;
beforeAll(async () => (h = await startCore()));
afterAll(() => h?.close());

/** Only an account whose email address is confirmed may create tokens. */
async function makeTokenOwner(db: Harness['runtime']['db']) {
  const actor = await makeActor(db);
  await db.user.update({ where: { id: actor.userId }, data: { emailVerified: true } });
  return actor;
}

describe('personal access tokens', () => {
  it('are pat_ tokens shown once, stored as a hash, that authenticate their user with their scopes', async () => {
    const db = h.runtime.db;
    const ada = await makeTokenOwner(db);
    const { secret, token } = await createPersonalAccessToken(db, ada, { name: 'CI', scopes: ['clients:read'], expiresInDays: 30 });
    expect(secret).toMatch(/^pat_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({ name: 'CI', last4: secret.slice(-4), scopes: ['clients:read'], lastUsedAt: null, revokedAt: null });
    const row = await db.personalAccessToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.hash).toBe(sha256(secret));
    expect(JSON.stringify(row)).not.toContain(secret);

    const now = new Date();
    expect(await authenticatePersonalAccessToken(db, secret, now)).toEqual({ userId: ada.userId, tokenId: token.id, scopes: ['clients:read'] });
    expect((await listPersonalAccessTokens(db, ada))[0]?.lastUsedAt).toEqual(now);
    expect(await authenticatePersonalAccessToken(db, secret + 'x')).toBeNull();
    expect(await authenticatePersonalAccessToken(db, 'cs_' + secret.slice(4))).toBeNull();
    expect(await authenticatePersonalAccessToken(db, secret, new Date(now.getTime() + 30 * 86400_000))).toBeNull();
  });

  it('stop working once revoked, by their owner only', async () => {
    const db = h.runtime.db;
    const ada = await makeTokenOwner(db);
    const bob = await makeTokenOwner(db);
    const { secret, token } = await createPersonalAccessToken(db, ada, { name: 'script', scopes: ['clients:read', 'clients:write'], expiresInDays: 1 });
    await expect(revokePersonalAccessToken(db, bob, token.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await listPersonalAccessTokens(db, bob)).toEqual([]);
    expect((await revokePersonalAccessToken(db, ada, token.id)).revokedAt).toBeInstanceOf(Date);
    expect(await authenticatePersonalAccessToken(db, secret)).toBeNull();
    const audit = await db.auditEvent.findMany({ where: { actorUserId: ada.userId }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['pat.created', 'pat.revoked']);
    expect(audit.map((a) => a.details).join()).not.toContain(secret);
  });

  it('have a name, known scopes and 1–365 days', async () => {
    const db = h.runtime.db;
    const ada = await makeTokenOwner(db);
    const bad = { name: ' ', scopes: ['admin'], expiresInDays: 366 } as unknown as Parameters<typeof createPersonalAccessToken>[2];
    const err = await createPersonalAccessToken(db, ada, bad).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).issues.map((i) => i.path[0])).toEqual(['name', 'scopes', 'expiresInDays']);
    await expect(createPersonalAccessToken(db, ada, { name: 'x', scopes: [], expiresInDays: 0 })).rejects.toBeInstanceOf(ValidationError);
  });
});
