'use server';

import { redirect } from 'next/navigation';
import type { ActionResult } from '@/components/portal/action-result';
import { acceptInvitation, ForbiddenError, NotFoundError, ValidationError } from '@/lib/portal';
import { failure } from '../../../_lib/failure';
import { actionContext } from '../../../_lib/session';

/** Joins the team for the signed-in user, then opens the dashboard on that team. */
export async function accept(token: string): Promise<ActionResult> {
  let teamId: string;
  try {
    const { db, actor } = await actionContext();
    teamId = (await acceptInvitation(db, actor, String(token))).id;
  } catch (err) {
    if (err instanceof NotFoundError) {
      return { ok: false, error: 'This invitation link is not valid. Check that you opened the whole link, or ask the team owner for a new one.' };
    }
    if (err instanceof ValidationError) return { ok: false, error: err.issues[0]?.message ?? err.message };
    if (err instanceof ForbiddenError) return { ok: false, error: err.message };
    return failure(err);
  }
  redirect(`/developers?team=${encodeURIComponent(teamId)}`);
}
