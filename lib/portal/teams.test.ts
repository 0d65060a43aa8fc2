import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Harness } from '@/tests/support/core-harness.ts';
import { makeActor } from '@/tests/support/portal.ts';
import { createTeam, ensurePersonalTeam, listTeams, NotFoundError, ValidationError } from './index.ts';

let h: Harness;
beforeAll(async () => (h = await startCore()));
afterAll(() => h?.close());

describe('teams', () => {
  it('makes the creator the owner and lists teams with roles, personal first', async () => {
    const db = h.runtime.db;
    const ada = await makeActor(db, { email: 'ada.lovelace@example.com' });
    const team = await createTeam(db, ada, { name: '  Analytical Engines ' });
    expect(team).toMatchObject({ name: 'Analytical Engines', role: 'owner', personal: false });
    const personal = await ensurePersonalTeam(db, ada);
    expect(personal).toMatchObject({ name: "ada.lovelace's apps", role: 'owner', personal: true });
    expect((await listTeams(db, ada)).map((t) => t.id)).toEqual([personal.id, team.id]);
    const audit = await db.auditEvent.findMany({ where: { teamId: team.id } });
    expect(audit).toMatchObject([{ action: 'team.created', actorUserId: ada.userId }]);
  });

  it('creates the personal team once, even for concurrent first requests', async () => {
    const db = h.runtime.db;
    const bob = await makeActor(db);
    const teams = await Promise.all([ensurePersonalTeam(db, bob), ensurePersonalTeam(db, bob), ensurePersonalTeam(db, bob)]);
    expect(new Set(teams.map((t) => t.id)).size).toBe(1);
    expect(await db.team.count({ where: { personalForUserId: bob.userId } })).toBe(1);
    expect((await ensurePersonalTeam(db, bob)).id).toBe(teams[0]!.id);
  });

  it('refuses blank names and unknown users', async () => {
    const db = h.runtime.db;
    const carol = await makeActor(db);
    await expect(createTeam(db, carol, { name: '  ' })).rejects.toMatchObject({ issues: [{ path: ['name'] }] });
    await expect(createTeam(db, carol, { name: '' })).rejects.toBeInstanceOf(ValidationError);
    await expect(createTeam(db, { userId: 'nobody' }, { name: 'Ghosts' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(ensurePersonalTeam(db, { userId: 'nobody' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
