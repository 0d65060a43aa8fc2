'use server';

import { redirect } from 'next/navigation';
import type { ActionResult } from '@/components/portal/action-result';
import { createApiResource } from '@/lib/portal';
import { parseInput } from '@/lib/portal/errors';
import { createApiResourceSchema, type CreateApiResourceInput } from '@/lib/validation/api-resource';
import { failure } from '../../../_lib/failure';
import { actionContext } from '../../../_lib/session';

/** Registers the API in the chosen team, then opens its Scopes tab (apps ask for scopes, so they come next). */
export async function createApi(teamId: string, input: CreateApiResourceInput): Promise<ActionResult<{ id: string }>> {
  let id: string;
  try {
    const { db, actor } = await actionContext();
    parseInput(createApiResourceSchema, input);
    id = (await createApiResource(db, actor, String(teamId), input)).id;
  } catch (err) {
    return failure(err);
  }
  redirect(`/developers/apis/${encodeURIComponent(id)}/scopes`);
}
