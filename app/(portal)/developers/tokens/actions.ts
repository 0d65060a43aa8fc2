'use server';

import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/components/portal/action-result';
import { createPersonalAccessToken, revokePersonalAccessToken } from '@/lib/portal';
import { parseInput } from '@/lib/portal/errors';
import { createPersonalAccessTokenSchema, type CreatePersonalAccessTokenInput } from '@/lib/validation/personal-access-token';
import { failure } from '../../_lib/failure';
import { actionContext } from '../../_lib/session';

/** The token's plaintext is in this answer only. */
export async function createToken(input: CreatePersonalAccessTokenInput): Promise<ActionResult<{ name: string; secret: string }>> {
  try {
    const { db, actor } = await actionContext();
    parseInput(createPersonalAccessTokenSchema, input);
    const { token, secret } = await createPersonalAccessToken(db, actor, input);
    revalidatePath('/developers/tokens');
    return { ok: true, data: { name: token.name, secret } };
  } catch (err) {
    return failure(err);
  }
}

export async function revokeToken(tokenId: string): Promise<ActionResult> {
  try {
    const { db, actor } = await actionContext();
    await revokePersonalAccessToken(db, actor, String(tokenId));
    revalidatePath('/developers/tokens');
    return { ok: true, data: null };
  } catch (err) {
    return failure(err);
  }
}
