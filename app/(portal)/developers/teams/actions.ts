'use server';

import { redirect } from 'next/navigation';
import type { ActionResult } from '@/components/portal/action-result';
import { createTeam } from '@/lib/portal';
import { parseInput } from '@/lib/portal/errors';
import { createTeamSchema, type CreateTeamInput } from '@/lib/validation/team';
import { failure } from '../../_lib/failure';
import { actionContext } from '../../_lib/session';

/** Creates the team (the creator is its owner) and opens its page, where members are invited. */
export async function createTeamAction(input: CreateTeamInput): Promise<ActionResult<{ name: string }>> {
  let teamId: string;
  try {
    const { db, actor } = await actionContext();
    teamId = (await createTeam(db, actor, parseInput(createTeamSchema, input))).id;
  } catch (err) {
    return failure(err);
  }
  redirect(`/developers/teams/${encodeURIComponent(teamId)}?created=1`);
}
