'use server';

import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/components/portal/action-result';
import { setResourceServers } from '@/lib/portal';
import { parseInput } from '@/lib/portal/errors';
import { setResourceServersSchema } from '@/lib/validation/api-resource';
import { failure } from '../../../../_lib/failure';
import { actionContext } from '../../../../_lib/session';

/** Replaces the apps that serve the API (confidential apps of its own team). */
export async function saveServers(resourceId: string, clientIds: string[]): Promise<ActionResult> {
  try {
    const { db, actor } = await actionContext();
    await setResourceServers(db, actor, String(resourceId), parseInput(setResourceServersSchema, { clientIds }));
    revalidatePath(`/developers/apis/${encodeURIComponent(String(resourceId))}`, 'layout');
    return { ok: true, data: null };
  } catch (err) {
    return failure(err);
  }
}
