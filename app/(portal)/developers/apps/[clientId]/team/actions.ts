'use server';

import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/components/portal/action-result';
import { changeMemberRole, inviteMember, removeMember, type TeamRole } from '@/lib/portal';
import { parseInput } from '@/lib/portal/errors';
import { inviteMemberSchema, teamRoleField, type InviteMemberInput } from '@/lib/validation/team';
import { failure } from '../../../../_lib/failure';
import { actionContext } from '../../../../_lib/session';

const refresh = () => revalidatePath('/developers/apps/[clientId]/team', 'page');

/** Creates the invitation and answers its absolute link, shown once for the owner to send. */
export async function invite(teamId: string, input: InviteMemberInput): Promise<ActionResult<{ url: string; email: string; role: TeamRole }>> {
  try {
    const { db, actor, config } = await actionContext();
    parseInput(inviteMemberSchema, input);
    const { invitation, path } = await inviteMember(db, actor, String(teamId), input);
    refresh();
    return { ok: true, data: { url: `${config.issuer}${path}`, email: invitation.email, role: invitation.role } };
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
