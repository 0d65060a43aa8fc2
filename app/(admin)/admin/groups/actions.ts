'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { ActionResult } from '@/components/portal/action-result';
import { addGroupMember, createGroup, deleteGroup, getGroup, removeGroupMember, updateGroup } from '@/lib/admin';
import { parseInput, ValidationError } from '@/lib/portal/errors';
import { createGroupSchema, updateGroupSchema, type CreateGroupInput, type UpdateGroupInput } from '@/lib/validation/group';
import { emailField } from '@/lib/validation/user';
import { z } from 'zod';
import { failure } from '../_lib/failure';
import { parseId } from '../_lib/inputs';
import { operatorAction } from '../_lib/operator';

const groupPath = (groupId: string) => `/admin/groups/${encodeURIComponent(groupId)}`;

/** Creates the group and answers its id (the form then opens it). */
export async function createGroupAction(input: CreateGroupInput): Promise<ActionResult<{ id: string }>> {
  try {
    const { db, actor } = await operatorAction();
    const group = await createGroup(db, actor, parseInput(createGroupSchema, input));
    revalidatePath('/admin/groups');
    return { ok: true, data: { id: group.id } };
  } catch (err) {
    return failure(err);
  }
}

export async function updateGroupAction(groupId: string, input: UpdateGroupInput): Promise<ActionResult> {
  try {
    const id = parseId(groupId, 'group');
    const { db, actor } = await operatorAction();
    await updateGroup(db, actor, id, parseInput(updateGroupSchema, input));
    revalidatePath(groupPath(id));
    return { ok: true, data: null };
  } catch (err) {
    return failure(err);
  }
}

export async function addMemberAction(groupId: string, input: { email: string }): Promise<ActionResult> {
  try {
    const id = parseId(groupId, 'group');
    const { db, actor } = await operatorAction();
    await addGroupMember(db, actor, id, parseInput(z.object({ email: emailField }), input));
    revalidatePath(groupPath(id));
    return { ok: true, data: null };
  } catch (err) {
    return failure(err);
  }
}

export async function removeMemberAction(groupId: string, userId: string): Promise<ActionResult> {
  try {
    const id = parseId(groupId, 'group');
    const { db, actor } = await operatorAction();
    await removeGroupMember(db, actor, id, parseId(userId, 'member'));
    revalidatePath(groupPath(id));
    return { ok: true, data: null };
  } catch (err) {
    return failure(err);
  }
}

/** Deletes the group once its name is typed to confirm; then back to the list. */
export async function deleteGroupAction(groupId: string, confirmName: string): Promise<ActionResult> {
  try {
    const id = parseId(groupId, 'group');
    const { db, actor } = await operatorAction();
    const group = await getGroup(db, actor, id);
    if (String(confirmName).trim() !== group.name) throw ValidationError.of('confirmName', `Type ${group.name} to confirm.`);
    await deleteGroup(db, actor, id);
  } catch (err) {
    return failure(err);
  }
  revalidatePath('/admin/groups');
  redirect('/admin/groups');
}
