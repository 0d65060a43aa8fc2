'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { ActionResult } from '@/components/portal/action-result';
import { deleteApiResource, getApiResource, updateApiResource, type ApiResourceDetail } from '@/lib/portal';
import { parseInput } from '@/lib/portal/errors';
import { updateApiResourceSchema, type UpdateApiResourceInput } from '@/lib/validation/api-resource';
import { failure } from '../../../_lib/failure';
import { actionContext } from '../../../_lib/session';

const apiPath = (resourceId: string) => `/developers/apis/${encodeURIComponent(resourceId)}`;

/** Saves the Settings tab (never the identifier). */
export async function saveApiSettings(resourceId: string, patch: UpdateApiResourceInput): Promise<ActionResult<ApiResourceDetail>> {
  try {
    const { db, actor } = await actionContext();
    parseInput(updateApiResourceSchema, patch);
    const updated = await updateApiResource(db, actor, String(resourceId), patch);
    revalidatePath(apiPath(updated.id), 'layout');
    return { ok: true, data: updated };
  } catch (err) {
    return failure(err);
  }
}

/** Deletes the API (owners only). The typed name is checked here too, so the confirmation cannot be skipped. */
export async function deleteApi(resourceId: string, confirmName: string): Promise<ActionResult> {
  try {
    const { db, actor } = await actionContext();
    const api = await getApiResource(db, actor, String(resourceId));
    if (String(confirmName).trim() !== api.name.trim()) {
      return { ok: false, error: `Type the API’s name, ${api.name}, exactly to confirm.`, fieldErrors: { confirmName: 'The name does not match.' } };
    }
    await deleteApiResource(db, actor, api.id);
    revalidatePath('/developers/apis');
  } catch (err) {
    return failure(err);
  }
  redirect('/developers/apis');
}
