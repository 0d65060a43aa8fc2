'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { ActionResult } from '@/components/portal/action-result';
import { deleteUser, endUserSessionsAsOperator, getUser, resetUserTwoFactor, setUserDisabled } from '@/lib/admin';
import { ValidationError } from '@/lib/portal/errors';
import { announceEndedSessions } from '@/lib/server/sessions-ended';
import { failure } from '../_lib/failure';
import { parseId } from '../_lib/inputs';
import { operatorAction } from '../_lib/operator';

const userPath = (userId: string) => `/admin/users/${encodeURIComponent(userId)}`;

/** Disable (ends sessions and tokens, tells the apps) or enable an account. */
export async function setUserDisabledAction(userId: string, disabled: boolean): Promise<ActionResult> {
  try {
    const id = parseId(userId, 'account');
    const { db, actor } = await operatorAction();
    const { endedSessions } = await setUserDisabled(db, actor, id, disabled === true);
    await announceEndedSessions(id, endedSessions);
    revalidatePath(userPath(id));
    return { ok: true, data: null };
  } catch (err) {
    return failure(err);
  }
}

export async function resetTwoFactorAction(userId: string): Promise<ActionResult> {
  try {
    const id = parseId(userId, 'account');
    const { db, actor } = await operatorAction();
    await resetUserTwoFactor(db, actor, id);
    revalidatePath(userPath(id));
    return { ok: true, data: null };
  } catch (err) {
    return failure(err);
  }
}

/** Signs the user out of one session (`sessionId`) or all of them (null), and tells the apps. */
export async function endSessionsAction(userId: string, sessionId: string | null): Promise<ActionResult> {
  try {
    const id = parseId(userId, 'account');
    const which = sessionId === null ? 'all' : { sessionId: parseId(sessionId, 'session') };
    const { db, actor } = await operatorAction();
    const { endedSessions } = await endUserSessionsAsOperator(db, actor, id, which);
    await announceEndedSessions(id, endedSessions);
    revalidatePath(userPath(id));
    return { ok: true, data: null };
  } catch (err) {
    return failure(err);
  }
}

/** Deletes the account once its email address is typed to confirm; then back to the list. */
export async function deleteUserAction(userId: string, confirmEmail: string): Promise<ActionResult> {
  try {
    const id = parseId(userId, 'account');
    const { db, actor, runtime } = await operatorAction();
    const target = await getUser(db, actor, id);
    if (String(confirmEmail).trim().toLowerCase() !== target.email) {
      throw ValidationError.of('confirmName', `Type ${target.email} to confirm.`);
    }
    const { clientIds } = await deleteUser(db, actor, id);
    for (const clientId of clientIds) {
      void runtime.provider.logout.accessRevoked(id, clientId).catch((err: unknown) => console.error('back-channel logout failed', err));
    }
  } catch (err) {
    return failure(err);
  }
  revalidatePath('/admin/users');
  redirect('/admin/users');
}
