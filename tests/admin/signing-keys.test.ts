/**
 * Signing key status and rotation from /admin, on SQLite and PostgreSQL, with the runtime's real
 * key ring: rotate now (new keys pending until every instance has published them, the old ones
 * retiring then), schedule for later, refuse a schedule in the past or too far ahead, the JWKS
 * publishing the new keys at once, and the audit record (the operator, or null for the CLI).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyRetentionSeconds, listSigningKeys, rotateSigningKeys, rotateSigningKeysFromCli } from '@/lib/admin/index.ts';
import { ValidationError } from '@/lib/portal/errors.ts';
import { startCore, type Harness } from '../support/core-harness.ts';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.ts';
import { makeActor } from '../support/portal.ts';

describe.each(DATABASES)('signing keys from the console (%s)', (kind) => {
  let database: TestDatabase;
  let h: Harness;
  let operator: { userId: string; email: string };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    h = await startCore({ DATABASE_URL: database.url });
    operator = await makeActor(h.runtime.db, { admin: true });
  });
  afterAll(async () => {
    await h?.close();
    await database?.drop();
  });

  const ring = () => h.runtime.provider.keys;
  const ttl = () => h.config.ttl;

  it('lists one active key per algorithm at first start', async () => {
    const keys = await listSigningKeys(h.runtime.db, operator, h.clock.now);
    expect(keys.map((k) => [k.alg, k.state]).sort()).toEqual([['ES256', 'active'], ['EdDSA', 'active'], ['RS256', 'active']]);
  });

  it('rotates now: new keys published at once, signing after the activation delay; the old ones retire then', async () => {
    const before = await listSigningKeys(h.runtime.db, operator, h.clock.now);
    const rotation = await rotateSigningKeys(h.runtime.db, operator, ring(), ttl(), {}, h.clock.now);
    expect(rotation.kids).toHaveLength(3);
    expect(rotation.activatesAt.getTime()).toBe(h.clock.now.getTime() + ring().activationDelaySeconds * 1000);
    expect(rotation.publishUntil.getTime()).toBe(rotation.activatesAt.getTime() + keyRetentionSeconds(ttl()) * 1000);
    expect(rotation.retiredKids.sort()).toEqual(before.map((k) => k.kid).sort());

    const keys = await listSigningKeys(h.runtime.db, operator, h.clock.now);
    const state = (kid: string) => keys.find((k) => k.kid === kid)?.state;
    expect(rotation.kids.map(state)).toEqual(['pending', 'pending', 'pending']);
    expect(rotation.retiredKids.map(state)).toEqual(['retiring', 'retiring', 'retiring']);
    const jwks = await ring().publicJwks();
    expect(rotation.kids.every((kid) => jwks.keys.some((k) => k.kid === kid))).toBe(true);

    const later = new Date(rotation.activatesAt.getTime() + 1000);
    const afterwards = await listSigningKeys(h.runtime.db, operator, later);
    expect(rotation.kids.map((kid) => afterwards.find((k) => k.kid === kid)?.state)).toEqual(['active', 'active', 'active']);
    expect(rotation.retiredKids.map((kid) => afterwards.find((k) => k.kid === kid)?.state)).toEqual(['retired', 'retired', 'retired']);

    const audit = await h.runtime.db.auditEvent.findFirst({ where: { action: 'admin.keys_rotated' }, orderBy: { createdAt: 'desc' } });
    expect(audit).toMatchObject({ actorUserId: operator.userId });
    expect(JSON.parse(audit!.details)).toMatchObject({ kids: rotation.kids, activatesAt: rotation.activatesAt.toISOString() });
  });

  it('schedules a rotation for a chosen time, and refuses the past or more than 90 days ahead', async () => {
    const at = new Date(h.clock.now.getTime() + 3 * 86_400_000);
    const rotation = await rotateSigningKeys(h.runtime.db, operator, ring(), ttl(), { activatesAt: at }, h.clock.now);
    expect(rotation.activatesAt.getTime()).toBe(at.getTime());
    const keys = await listSigningKeys(h.runtime.db, operator, h.clock.now);
    expect(keys.filter((k) => rotation.kids.includes(k.kid)).map((k) => k.activatesAt.getTime())).toEqual([at.getTime(), at.getTime(), at.getTime()]);

    const past = await rotateSigningKeys(h.runtime.db, operator, ring(), ttl(), { activatesAt: new Date(h.clock.now.getTime() - 1000) }, h.clock.now).catch((e: unknown) => e);
    expect((past as ValidationError).issues[0]).toMatchObject({ path: ['activatesAt'], message: expect.stringContaining('in the future') });
    const far = new Date(h.clock.now.getTime() + 91 * 86_400_000);
    await expect(rotateSigningKeys(h.runtime.db, operator, ring(), ttl(), { activatesAt: far }, h.clock.now)).rejects.toBeInstanceOf(ValidationError);
  });

  it('the CLI rotates through the same use case, audited without an actor', async () => {
    const rotation = await rotateSigningKeysFromCli(h.runtime.db, ring(), ttl(), {}, h.clock.now);
    const audit = await h.runtime.db.auditEvent.findFirst({ where: { action: 'admin.keys_rotated', details: { contains: rotation.kids[0]! } } });
    expect(audit).toMatchObject({ actorUserId: null });
  });
});
