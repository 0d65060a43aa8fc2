'use server';

import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/components/portal/action-result';
import { requestApiAccess } from '@/lib/portal';
import { parseInput } from '@/lib/portal/errors';
import { requestApiAccessSchema, type RequestApiAccessInput } from '@/lib/validation/api-resource';
import { failure } from '../../../../_lib/failure';
import { actionContext } from '../../../../_lib/session';

/** Asks for scopes of an API for this app (replacing its previous request for that API). */
export async function requestAccess(clientId: string, resourceId: string, input: RequestApiAccessInput): Promise<ActionResult> {
  try {
    const { db, actor } = await actionContext();
    await requestApiAccess(db, actor, String(clientId), { id: String(resourceId) }, parseInput(requestApiAccessSchema, input));
    revalidatePath(`/developers/apps/${encodeURIComponent(String(clientId))}/api-access`);
    return { ok: true, data: null };
  } catch (err) {
    return failure(err);
  }
}
