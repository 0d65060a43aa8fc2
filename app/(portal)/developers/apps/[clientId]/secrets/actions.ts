'use server';

import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/components/portal/action-result';
import { revokeClientSecret, rotateClientSecret } from '@/lib/portal';
import { parseInput } from '@/lib/portal/errors';
import { rotateClientSecretSchema, type RotateClientSecretInput } from '@/lib/validation/client-update';
import { failure } from '../../../../_lib/failure';
import { actionContext } from '../../../../_lib/session';

const appPath = (clientId: string) => `/developers/apps/${encodeURIComponent(clientId)}`;

/** A new secret; the previous ones keep working for the chosen grace period. The plaintext is in this answer only. */
export async function rotateSecret(clientId: string, input: RotateClientSecretInput): Promise<ActionResult<{ clientSecret: string; last4: string | null }>> {
  try {
    const { db, actor, config } = await actionContext();
    const values = parseInput(rotateClientSecretSchema, input);
    const { secret, clientSecret } = await rotateClientSecret(db, actor, String(clientId), values, new Date(), config.secret);
    revalidatePath(appPath(String(clientId)), 'layout');
    return { ok: true, data: { clientSecret, last4: secret.last4 } };
  } catch (err) {
    return failure(err);
  }
}

export async function revokeSecret(clientId: string, secretId: string): Promise<ActionResult> {
  try {
    const { db, actor } = await actionContext();
    await revokeClientSecret(db, actor, String(clientId), String(secretId));
    revalidatePath(appPath(String(clientId)), 'layout');
    return { ok: true, data: null };
  } catch (err) {
    return failure(err);
  }
}
