/** Creates a group (unique name); members and app assignments are added afterwards. */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { recordAudit } from '../portal/audit.ts';
import { parseInput, ValidationError } from '../portal/errors.ts';
import type { Actor } from '../portal/types.ts';
import { createGroupSchema, type CreateGroupInput } from '../validation/group.ts';
import { isDuplicateName, loadGroupDetail } from './group-view.ts';
import { asOperator } from './operator.ts';
import type { GroupDetail } from './types.ts';

export async function createGroup(db: Db, actor: Actor, input: CreateGroupInput, now = new Date()): Promise<GroupDetail> {
  const { name, description } = parseInput(createGroupSchema, input);
  const id = `grp_${randomBytes(12).toString('base64url')}`;
  try {
    return await asOperator(db, actor, async (tx) => {
      await tx.group.create({ data: { id, name, description: description ?? null, createdAt: now } });
      await recordAudit(tx, { actor, action: 'admin.group_created', details: { groupId: id, name }, at: now });
      return loadGroupDetail(tx, id);
    });
  } catch (err) {
    if (isDuplicateName(err)) throw ValidationError.of('name', `A group named "${name}" already exists. Choose another name, or add people to that group.`);
    throw err;
  }
}
