'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionResult } from '@/components/portal/action-result';
import { assignAppAccess, setAppAccessPolicy, setAppDisabled, setAppVerified, unassignAppAccess } from '@/lib/admin';
import { parseInput } from '@/lib/portal/errors';
import { accessPolicyField } from '@/lib/validation/app-access';
import { emailField } from '@/lib/validation/user';
import { failure } from '../_lib/failure';
import { parseId } from '../_lib/inputs';
import { operatorAction } from '../_lib/operator';

const appPath = (clientId: string) => `/admin/apps/${encodeURIComponent(clientId)}`;

async function run(clientId: string, change: (id: string, ctx: Awaited<ReturnType<typeof operatorAction>>) => Promise<unknown>): Promise<ActionResult> {
  try {
    const id = parseId(clientId, 'app');
    await change(id, await operatorAction());
    revalidatePath(appPath(id));
    revalidatePath('/admin/apps');
    return { ok: true, data: null };
  } catch (err) {
    return failure(err);
  }
}

export async function setAppVerifiedAction(clientId: string, verified: boolean): Promise<ActionResult> {
  return run(clientId, (id, { db, actor }) => setAppVerified(db, actor, id, verified === true));
}

export async function setAppDisabledAction(clientId: string, disabled: boolean): Promise<ActionResult> {
  return run(clientId, (id, { db, actor }) => setAppDisabled(db, actor, id, disabled === true));
}

export async function setAccessPolicyAction(clientId: string, input: { policy: string }): Promise<ActionResult> {
  return run(clientId, (id, { db, actor }) => setAppAccessPolicy(db, actor, id, parseInput(z.object({ policy: accessPolicyField }), input).policy));
}

export async function assignUserAction(clientId: string, input: { email: string }): Promise<ActionResult> {
  return run(clientId, (id, { db, actor }) => assignAppAccess(db, actor, id, parseInput(z.object({ email: emailField }), input)));
}

export async function assignGroupAction(clientId: string, input: { groupId: string }): Promise<ActionResult> {
  return run(clientId, (id, { db, actor }) => assignAppAccess(db, actor, id, { groupId: parseId(input?.groupId, 'group') }));
}

export async function unassignUserAction(clientId: string, userId: string): Promise<ActionResult> {
  return run(clientId, (id, { db, actor }) => unassignAppAccess(db, actor, id, { userId: parseId(userId, 'account') }));
}

export async function unassignGroupAction(clientId: string, groupId: string): Promise<ActionResult> {
  return run(clientId, (id, { db, actor }) => unassignAppAccess(db, actor, id, { groupId: parseId(groupId, 'group') }));
}
