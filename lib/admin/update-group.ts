/** Renames a group or changes its description. */
import type { Db } from '../db/client.ts';
import { recordAudit } from '../portal/audit.ts';
import { parseInput, ValidationError } from '../portal/errors.ts';
import type { Actor } from '../portal/types.ts';
import { updateGroupSchema, type UpdateGroupInput } from '../validation/group.ts';
import { isDuplicateName, loadGroupDetail } from './group-view.ts';
import { asOperator } from './operator.ts';
import type { GroupDetail } from './types.ts';

export async function updateGroup(db: Db, actor: Actor, groupId: string, patch: UpdateGroupInput, now = new Date()): Promise<GroupDetail> {
  const { name, description } = parseInput(updateGroupSchema, patch);
  try {
    return await asOperator(db, actor, async (tx) => {
      const before = await loadGroupDetail(tx, groupId);
      const data = { ...(name !== undefined ? { name } : {}), ...(description !== undefined ? { description } : {}) };
      if (Object.keys(data).length === 0) return before;
      await tx.group.update({ where: { id: groupId }, data });
      await recordAudit(tx, { actor, action: 'admin.group_updated', details: { groupId, name: name ?? before.name, ...(name && name !== before.name ? { previousName: before.name } : {}) }, at: now });
      return loadGroupDetail(tx, groupId);
    });
  } catch (err) {
    if (isDuplicateName(err)) throw ValidationError.of('name', `A group named "${name}" already exists. Choose another name.`);
    throw err;
  }
}
