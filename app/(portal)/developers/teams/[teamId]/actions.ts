'use server';

import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/components/portal/action-result';
import { createMailer } from '@/lib/account/mailer';
import type { Config } from '@/lib/config';
import type { Db } from '@/lib/db/client';
import {
  changeMemberRole, inviteMember, removeMember, renameTeam, resendInvitation, revokeInvitation, sendInvitationEmail, type TeamRole,
} from '@/lib/portal';
import { parseInput } from '@/lib/portal/errors';
import { inviteMemberSchema, renameTeamSchema, teamRoleField, type InviteMemberInput, type RenameTeamInput } from '@/lib/validation/team';
import { failure } from '../../../_lib/failure';
import { actionContext } from '../../../_lib/session';

/**
 * The team's server actions, shared by the team page (/developers/teams/<id>) and each app's Team
 * tab: both show the same members and invitations, so both are refreshed after a change.
 */
function refresh() {
  revalidatePath('/developers/teams/[teamId]', 'page');
  revalidatePath('/developers/apps/[clientId]/team', 'page');
}

export type SentInvitation = { url: string; email: string; role: TeamRole; emailed: boolean };

/** Mails the link after the invitation is committed; a mail failure leaves the link for the owner to pass on. */
async function mail(db: Db, config: Config, invitationId: string, path: string): Promise<{ url: string; emailed: boolean }> {
  const url = `${config.issuer}${path}`;
  const emailed = await sendInvitationEmail(db, createMailer(config), { invitationId, url }).then(
    () => true,
    (err: unknown) => {
      console.error('could not email the invitation', err);
      return false;
    },
  );
  return { url, emailed };
}

export async function rename(teamId: string, input: RenameTeamInput): Promise<ActionResult<{ name: string }>> {
  try {
    const { db, actor } = await actionContext();
    const team = await renameTeam(db, actor, String(teamId), parseInput(renameTeamSchema, input));
    refresh();
    revalidatePath('/developers', 'layout');
    return { ok: true, data: { name: team.name } };
  } catch (err) {
    return failure(err);
  }
}

/** Creates the invitation and emails it; the absolute link is answered too, shown once for the owner. */
export async function invite(teamId: string, input: InviteMemberInput): Promise<ActionResult<SentInvitation>> {
  try {
    const { db, actor, config } = await actionContext();
    const { invitation, path } = await inviteMember(db, actor, String(teamId), parseInput(inviteMemberSchema, input));
    const sent = await mail(db, config, invitation.id, path);
    refresh();
    return { ok: true, data: { ...sent, email: invitation.email, role: invitation.role } };
  } catch (err) {
    return failure(err);
  }
}

/** A new link for a pending (or expired) invitation, emailed again; the old link stops working. */
export async function resend(teamId: string, invitationId: string): Promise<ActionResult<SentInvitation>> {
  try {
    const { db, actor, config } = await actionContext();
    const { invitation, path } = await resendInvitation(db, actor, String(teamId), String(invitationId));
    const sent = await mail(db, config, invitation.id, path);
    refresh();
    return { ok: true, data: { ...sent, email: invitation.email, role: invitation.role } };
  } catch (err) {
    return failure(err);
  }
}

export async function revoke(teamId: string, invitationId: string): Promise<ActionResult> {
  try {
    const { db, actor } = await actionContext();
    await revokeInvitation(db, actor, String(teamId), String(invitationId));
    refresh();
    return { ok: true, data: null };
  } catch (err) {
    return failure(err);
  }
}

export async function changeRole(teamId: string, userId: string, role: TeamRole): Promise<ActionResult> {
  try {
    const { db, actor } = await actionContext();
    await changeMemberRole(db, actor, String(teamId), String(userId), parseInput(teamRoleField, role));
    refresh();
    return { ok: true, data: null };
  } catch (err) {
    return failure(err);
  }
}

export async function remove(teamId: string, userId: string): Promise<ActionResult> {
  try {
    const { db, actor } = await actionContext();
    await removeMember(db, actor, String(teamId), String(userId));
    refresh();
    return { ok: true, data: null };
  } catch (err) {
    return failure(err);
  }
}
