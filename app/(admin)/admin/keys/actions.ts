'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionResult } from '@/components/portal/action-result';
import { rotateSigningKeys } from '@/lib/admin';
import { ValidationError } from '@/lib/portal/errors';
import { failure } from '../_lib/failure';
import { operatorAction } from '../_lib/operator';

const scheduleInput = z.object({ activatesAt: z.iso.datetime({ offset: true }) });

/** New signing keys now (they sign once every instance has published them) or at `activatesAt` (ISO 8601). */
export async function rotateKeysAction(input: { activatesAt?: string } = {}): Promise<ActionResult<{ activatesAt: string }>> {
  try {
    let activatesAt: Date | undefined;
    if (input?.activatesAt !== undefined) {
      const parsed = scheduleInput.safeParse(input);
      if (!parsed.success) throw ValidationError.of('activatesAt', 'Enter the date and time the new keys should start signing.');
      activatesAt = new Date(parsed.data.activatesAt);
    }
    const { db, actor, runtime, config } = await operatorAction();
    const rotation = await rotateSigningKeys(db, actor, runtime.provider.keys, config.ttl, { activatesAt });
    revalidatePath('/admin/keys');
    return { ok: true, data: { activatesAt: rotation.activatesAt.toISOString() } };
  } catch (err) {
    return failure(err);
  }
}
