'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { ActionResult } from '@/components/portal/action-result';
import { deleteClient, getClient, setClientDisabled } from '@/lib/portal';
import { failure } from '../../../../_lib/failure';
import { actionContext } from '../../../../_lib/session';

export async function setDisabled(clientId: string, disabled: boolean): Promise<ActionResult> {
  try {
    const { db, actor } = await actionContext();
    const app = await setClientDisabled(db, actor, String(clientId), disabled === true);
    revalidatePath(`/developers/apps/${encodeURIComponent(app.id)}`, 'layout');
    return { ok: true, data: null };
  } catch (err) {
    return failure(err);
  }
}

/**
 * Deletes the app (owners only; every token it holds is revoked). The typed name is checked here
 * too, so the confirmation cannot be skipped by calling the action directly.
 */
export async function deleteApp(clientId: string, confirmName: string): Promise<ActionResult> {
  try {
    const { db, actor } = await actionContext();
    const app = await getClient(db, actor, String(clientId));
    if (String(confirmName).trim() !== app.name.trim()) {
      return { ok: false, error: `Type the app’s name, ${app.name}, exactly to confirm.`, fieldErrors: { confirmName: 'The name does not match.' } };
    }
    await deleteClient(db, actor, app.id); // the logo goes with it (ClientLogo cascade)
    revalidatePath('/developers');
  } catch (err) {
    return failure(err);
  }
  redirect('/developers');
}
