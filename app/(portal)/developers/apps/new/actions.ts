'use server';

import type { ActionResult } from '@/components/portal/action-result';
import { createTeamClient } from '@/lib/portal';
import { parseInput } from '@/lib/portal/errors';
import { createClientSchema, type CreateClientInput } from '@/lib/validation/client';
import { failure } from '../../../_lib/failure';
import { actionContext } from '../../../_lib/session';

export type CreatedApp = { id: string; name: string; clientSecret: string | null };

/** Registers the app in the chosen team; the answer carries its secret, the only time it exists in plaintext. */
export async function createApp(teamId: string, input: CreateClientInput): Promise<ActionResult<CreatedApp>> {
  try {
    const { db, actor } = await actionContext();
    parseInput(createClientSchema, input);
    const { client, clientSecret } = await createTeamClient(db, actor, String(teamId), input);
    return { ok: true, data: { id: client.id, name: client.name, clientSecret } };
  } catch (err) {
    return failure(err);
  }
}
