'use server';

import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/components/portal/action-result';
import { addApiScope, removeApiScope, updateApiScope } from '@/lib/portal';
import { parseInput } from '@/lib/portal/errors';
import { addApiScopeSchema, updateApiScopeSchema, type AddApiScopeInput } from '@/lib/validation/api-resource';
import { failure } from '../../../../_lib/failure';
import { actionContext } from '../../../../_lib/session';

const refresh = (resourceId: string) => revalidatePath(`/developers/apis/${encodeURIComponent(resourceId)}`, 'layout');

export async function addScope(resourceId: string, input: AddApiScopeInput): Promise<ActionResult> {
  try {
    const { db, actor } = await actionContext();
    await addApiScope(db, actor, String(resourceId), parseInput(addApiScopeSchema, input));
    refresh(String(resourceId));
    return { ok: true, data: null };
  } catch (err) {
    return failure(err);
  }
}

export async function editScope(resourceId: string, name: string, description: string): Promise<ActionResult> {
  try {
    const { db, actor } = await actionContext();
    await updateApiScope(db, actor, String(resourceId), String(name), parseInput(updateApiScopeSchema, { description }));
    refresh(String(resourceId));
    return { ok: true, data: null };
  } catch (err) {
    return failure(err);
  }
}

/** Also takes the scope out of every app's request and approval (removeApiScope). */
export async function removeScope(resourceId: string, name: string): Promise<ActionResult> {
  try {
    const { db, actor } = await actionContext();
    await removeApiScope(db, actor, String(resourceId), String(name));
    refresh(String(resourceId));
    return { ok: true, data: null };
  } catch (err) {
    return failure(err);
  }
}
