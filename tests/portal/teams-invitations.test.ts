/**
 * Teams and their invitations through the portal use cases, on SQLite and PostgreSQL: renaming a
 * team (owners only, audited); an invitation emailed with its accept link (the local outbox, as
 * with no SMTP server); an owner revoking a pending invitation (its link is refused with a clear
 * message, by the invitation page and by invite-only sign-up) and resending one (a new link
 * replaces the old, the 7 days start again, an expired one comes back to life).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '@/lib/account/mailer.ts';
import type { Db } from '@/lib/db/client.ts';
import { REVOKED_INVITATION_MESSAGE } from '@/lib/portal/accept-invitation.ts';
import {
  acceptInvitation, createTeam, describeInvitation, ForbiddenError, inviteMember, listMembers, listTeams, NotFoundError, renameTeam, resendInvitation,
  revokeInvitation, sendInvitationEmail, ValidationError,
} from '@/lib/portal/index.ts';
import { signUpRefusal } from '@/lib/settings/sign-up-policy.ts';
import { writeSetting } from '@/lib/settings/write-setting.ts';
import { startCore, type Harness } from '../support/core-harness.ts';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.ts';
import { mailTo } from '../support/end-user.ts';
import { makeActor, makeTeam } from '../support/portal.ts';

const tokenOf = (path: string) => path.split('/').pop()!;
const DAY = 24 * 3600 * 1000;

describe.each(DATABASES)('teams and invitations (%s)', (kind) => {
  let database: TestDatabase;
  let h: Harness;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    h = await startCore({ DATABASE_URL: database.url });
    db = h.runtime.db;
  });
  afterAll(async () => {
    await h?.close();
    await database?.drop();
  });

  /** Invites and emails, as the portal's invite action does; answers the path and the mailed URL. */
  async function inviteAndMail(owner: { userId: string }, teamId: string, email: string, now = new Date()) {
    const { invitation, path } = await inviteMember(db, owner, teamId, { email, role: 'developer' }, now);
    const url = `${h.config.issuer}${path}`;
    await sendInvitationEmail(db, createMailer(h.config), { invitationId: invitation.id, url });
    return { invitation, path, url };
  }

  it('lets an owner rename the team (audited); developers, outsiders and blank names are refused', async () => {
    const owner = await makeActor(db);
    const dev = await makeActor(db);
    const team = await makeTeam(db, owner, [[dev, 'developer']]);
    const renamed = await renameTeam(db, owner, team.id, { name: '  Analytical Engines  ' });
    expect(renamed).toMatchObject({ id: team.id, name: 'Analytical Engines', role: 'owner', personal: false });
    expect((await listTeams(db, dev)).find((t) => t.id === team.id)?.name).toBe('Analytical Engines');
    const audit = await db.auditEvent.findFirstOrThrow({ where: { teamId: team.id, action: 'team.renamed' } });
    expect(JSON.parse(audit.details)).toEqual({ from: team.name, to: 'Analytical Engines' });

    await expect(renameTeam(db, dev, team.id, { name: 'Mine now' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(renameTeam(db, await makeActor(db), team.id, { name: 'Mine now' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(renameTeam(db, owner, team.id, { name: '   ' })).rejects.toMatchObject({ issues: [{ path: ['name'] }] });
    expect((await listTeams(db, owner)).find((t) => t.id === team.id)?.name).toBe('Analytical Engines');
  });

  it('emails the invitation with its accept link, which the invited person uses', async () => {
    const owner = await makeActor(db, { email: `owner-${kind}@example.com` });
    await db.user.update({ where: { id: owner.userId }, data: { name: 'Olive Owner' } });
    const team = await createTeam(db, owner, { name: 'Difference Engine' });
    const email = `bea-${kind}@example.com`;
    const { url, path } = await inviteAndMail(owner, team.id, email);

    const [message] = await mailTo(h, email);
    expect(message?.subject).toBe('Join Difference Engine on Portico');
    expect(message?.text).toContain(`Olive Owner (owner-${kind}@example.com) invited you to join the team "Difference Engine"`);
    expect(message?.text).toContain('as a developer');
    expect(message?.text.split(/\s+/)).toContain(url);

    const bea = await makeActor(db, { email });
    expect(await acceptInvitation(db, bea, tokenOf(path))).toMatchObject({ id: team.id, role: 'developer' });
  });

  it('revokes a pending invitation: the link is refused with a clear message everywhere', async () => {
    const owner = await makeActor(db);
    const dev = await makeActor(db);
    const team = await makeTeam(db, owner, [[dev, 'developer']]);
    const email = `cy-${kind}@example.com`;
    const { invitation, path } = await inviteAndMail(owner, team.id, email);

    await expect(revokeInvitation(db, dev, team.id, invitation.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(revokeInvitation(db, owner, team.id, 'not-an-invitation')).rejects.toBeInstanceOf(NotFoundError);
    await revokeInvitation(db, owner, team.id, invitation.id);
    await revokeInvitation(db, owner, team.id, invitation.id); // twice is harmless
    expect(await db.auditEvent.count({ where: { teamId: team.id, action: 'team.invitation_revoked' } })).toBe(1);

    expect(await describeInvitation(db, tokenOf(path))).toMatchObject({ teamName: team.name, status: 'revoked' });
    expect((await listMembers(db, owner, team.id)).invitations).toEqual([]);
    const cy = await makeActor(db, { email });
    const refused = await acceptInvitation(db, cy, tokenOf(path)).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).issues[0]?.message).toBe(REVOKED_INVITATION_MESSAGE);
    expect(await db.teamMember.count({ where: { teamId: team.id, userId: cy.userId } })).toBe(0);

    // Invite-only sign-up no longer admits the address on the strength of that invitation.
    await writeSetting(db, 'sign_up', 'invite_only');
    expect(await signUpRefusal(db, 'dee@example.com')).not.toBeNull();
    const dee = await inviteMember(db, owner, team.id, { email: 'dee@example.com', role: 'viewer' });
    expect(await signUpRefusal(db, 'dee@example.com')).toBeNull();
    await revokeInvitation(db, owner, team.id, dee.invitation.id);
    expect(await signUpRefusal(db, 'dee@example.com')).not.toBeNull();
    await writeSetting(db, 'sign_up', 'open');
  });

  it('refuses to revoke an accepted invitation, pointing to removing the member', async () => {
    const owner = await makeActor(db);
    const team = await createTeam(db, owner, { name: 'Jacquard' });
    const eli = await makeActor(db);
    const { invitation, path } = await inviteMember(db, owner, team.id, { email: eli.email, role: 'viewer' });
    await acceptInvitation(db, eli, tokenOf(path));
    await expect(revokeInvitation(db, owner, team.id, invitation.id)).rejects.toMatchObject({
      issues: [{ message: expect.stringMatching(/has already accepted this invitation\. To take their access away, remove them/) }],
    });
  });

  it('resends an invitation: a new link is emailed, the old one stops working, the 7 days start again', async () => {
    const owner = await makeActor(db);
    const team = await createTeam(db, owner, { name: 'Mill' });
    const email = `fay-${kind}@example.com`;
    const sentAt = new Date();
    const first = await inviteAndMail(owner, team.id, email, sentAt);

    // Eight days later the first link has expired; resending brings the invitation back.
    const later = new Date(sentAt.getTime() + 8 * DAY);
    expect(await describeInvitation(db, tokenOf(first.path), later)).toMatchObject({ status: 'expired' });
    const again = await resendInvitation(db, owner, team.id, first.invitation.id, later);
    expect(again.invitation.expiresAt.getTime()).toBe(later.getTime() + 7 * DAY);
    expect(again.path).not.toBe(first.path);
    const url = `${h.config.issuer}${again.path}`;
    await sendInvitationEmail(db, createMailer(h.config), { invitationId: again.invitation.id, url });
    const mails = await mailTo(h, email);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.text.split(/\s+/)).toContain(url);
    expect(await db.auditEvent.count({ where: { teamId: team.id, action: 'team.invitation_resent' } })).toBe(1);

    expect(await describeInvitation(db, tokenOf(first.path), later)).toBeNull();
    const fay = await makeActor(db, { email });
    await expect(acceptInvitation(db, fay, tokenOf(first.path), later)).rejects.toBeInstanceOf(NotFoundError);
    expect(await acceptInvitation(db, fay, tokenOf(again.path), later)).toMatchObject({ id: team.id });

    // An accepted or revoked invitation is not resent.
    await expect(resendInvitation(db, owner, team.id, first.invitation.id)).rejects.toBeInstanceOf(ValidationError);
    const gus = await inviteMember(db, owner, team.id, { email: 'gus@example.com', role: 'viewer' });
    await revokeInvitation(db, owner, team.id, gus.invitation.id);
    await expect(resendInvitation(db, owner, team.id, gus.invitation.id)).rejects.toMatchObject({
      issues: [{ message: 'This invitation was revoked. Invite gus@example.com again to send a new one.' }],
    });
    // Only owners resend, and only their own team's invitations.
    const other = await createTeam(db, await makeActor(db), { name: 'Elsewhere' });
    await expect(resendInvitation(db, owner, other.id, gus.invitation.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
