'use server';

import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/components/portal/action-result';
import { decideApiAccess } from '@/lib/portal';
import { parseInput } from '@/lib/portal/errors';
import { decideApiAccessSchema, type DecideApiAccessInput } from '@/lib/validation/api-resource';
import { failure } from '../../../../_lib/failure';
import { actionContext } from '../../../../_lib/session';

/** Approves some of the scopes an app asked for, or rejects the request. */
export async function decideAccess(resourceId: string, clientId: string, input: DecideApiAccessInput): Promise<ActionResult> {
  try {
    const { db, actor } = await actionContext();
    await decideApiAccess(db, actor, String(resourceId), String(clientId), parseInput(decideApiAccessSchema, input));
    revalidatePath(`/developers/apis/${encodeURIComponent(String(resourceId))}/access`);
    return { ok: true, data: null };
  } catch (err) {
    return failure(err);
  }
}
