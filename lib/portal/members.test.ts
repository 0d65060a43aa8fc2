/** Invitations (single use, 7 days, email-bound, stored hashed) and membership changes (a team keeps an owner). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '@/lib/oidc/tokens.ts';
import { startCore, type Harness } from '@/tests/support/core-harness.ts';
import { auditActions, makeActor, makeTeam } from '@/tests/support/portal.ts';
import {
  acceptInvitation, changeMemberRole, ensurePersonalTeam, ForbiddenError, inviteMember, listMembers, NotFoundError, removeMember, ValidationError,
} from './index.ts';

let h: Harness;
beforeAll(async () => (h = await startCore()));
afterAll(() => h?.close());

const tokenOf = (path: string) => path.split('/').pop()!;

describe('invitations', () => {
  it('are links with a 256-bit inv_ token stored hashed, accepted once by the invited email', async () => {
    const db = h.runtime.db;
    const owner = await makeActor(db);
    const invitee = await makeActor(db);
    const team = await makeTeam(db, owner);
    const { path, invitation } = await inviteMember(db, owner, team.id, { email: invitee.email.toUpperCase(), role: 'viewer' });
    expect(path).toMatch(/^\/invitations\/inv_[A-Za-z0-9_-]{43}$/);
    expect(invitation).toMatchObject({ email: invitee.email, role: 'viewer' });
    expect(invitation.expiresAt.getTime() - invitation.createdAt.getTime()).toBe(7 * 24 * 3600 * 1000);
    const row = await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(row.tokenHash).toBe(sha256(tokenOf(path)));
    expect((await listMembers(db, owner, team.id)).invitations).toHaveLength(1);

    const stranger = await makeActor(db);
    await expect(acceptInvitation(db, stranger, tokenOf(path))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await acceptInvitation(db, invitee, tokenOf(path))).toMatchObject({ id: team.id, role: 'viewer' });
    await expect(acceptInvitation(db, invitee, tokenOf(path))).rejects.toMatchObject({ message: expect.stringMatching(/already been used/) });
    await expect(acceptInvitation(db, invitee, 'inv_nonsense')).rejects.toBeInstanceOf(NotFoundError);
    const { members, invitations } = await listMembers(db, invitee, team.id);
    expect(members.map((m) => [m.email, m.role])).toEqual([[owner.email, 'owner'], [invitee.email, 'viewer']]);
    expect(invitations).toEqual([]); // only owners see pending invitations
    expect(await auditActions(db, { teamId: team.id })).toEqual(['team.created', 'team.member_invited', 'team.member_joined']);
  });

  it('expire after 7 days', async () => {
    const db = h.runtime.db;
    const owner = await makeActor(db);
    const invitee = await makeActor(db);
    const team = await makeTeam(db, owner);
    const past = new Date(Date.now() - 7 * 24 * 3600 * 1000 - 1000);
    const { path } = await inviteMember(db, owner, team.id, { email: invitee.email, role: 'developer' }, past);
    await expect(acceptInvitation(db, invitee, tokenOf(path))).rejects.toMatchObject({ message: expect.stringMatching(/expired/) });
  });

  it('are for owners only and not for existing members', async () => {
    const db = h.runtime.db;
    const owner = await makeActor(db);
    const dev = await makeActor(db);
    const team = await makeTeam(db, owner, [[dev, 'developer']]);
    await expect(inviteMember(db, dev, team.id, { email: 'x@example.com', role: 'viewer' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(inviteMember(db, await makeActor(db), team.id, { email: 'x@example.com', role: 'viewer' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(inviteMember(db, owner, team.id, { email: dev.email, role: 'viewer' })).rejects.toBeInstanceOf(ValidationError);
    await expect(inviteMember(db, owner, team.id, { email: 'not-an-email', role: 'viewer' })).rejects.toMatchObject({ issues: [{ path: ['email'] }] });
  });
});

describe('membership changes', () => {
  it('never leave a team without an owner', async () => {
    const db = h.runtime.db;
    const owner = await makeActor(db);
    const dev = await makeActor(db);
    const team = await makeTeam(db, owner, [[dev, 'developer']]);
    await expect(changeMemberRole(db, owner, team.id, owner.userId, 'developer')).rejects.toBeInstanceOf(ValidationError);
    await expect(removeMember(db, owner, team.id, owner.userId)).rejects.toBeInstanceOf(ValidationError);
    await expect(changeMemberRole(db, dev, team.id, dev.userId, 'owner')).rejects.toBeInstanceOf(ForbiddenError);
    expect(await changeMemberRole(db, owner, team.id, dev.userId, 'owner')).toMatchObject({ role: 'owner' });
    await removeMember(db, dev, team.id, owner.userId);
    expect((await listMembers(db, dev, team.id)).members.map((m) => m.userId)).toEqual([dev.userId]);
    await expect(listMembers(db, owner, team.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('let any member leave, and owners remove others', async () => {
    const db = h.runtime.db;
    const owner = await makeActor(db);
    const [a, b] = [await makeActor(db), await makeActor(db)];
    const team = await makeTeam(db, owner, [[a, 'viewer'], [b, 'viewer']]);
    await expect(removeMember(db, a, team.id, b.userId)).rejects.toBeInstanceOf(ForbiddenError);
    await removeMember(db, a, team.id, a.userId);
    await removeMember(db, owner, team.id, b.userId);
    await expect(removeMember(db, owner, team.id, b.userId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await auditActions(db, { teamId: team.id })).toContain('team.member_left');
  });

  it('keep a personal team’s user as its owner', async () => {
    const db = h.runtime.db;
    const ada = await makeActor(db);
    const other = await makeActor(db);
    const personal = await ensurePersonalTeam(db, ada);
    const { path } = await inviteMember(db, ada, personal.id, { email: other.email, role: 'developer' });
    await acceptInvitation(db, other, tokenOf(path));
    await changeMemberRole(db, ada, personal.id, other.userId, 'owner');
    await expect(removeMember(db, other, personal.id, ada.userId)).rejects.toBeInstanceOf(ValidationError);
    await expect(changeMemberRole(db, other, personal.id, ada.userId, 'viewer')).rejects.toBeInstanceOf(ValidationError);
  });
});
