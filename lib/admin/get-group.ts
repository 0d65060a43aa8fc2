/** One group with its members and the apps assigned to it. */
import type { Db } from '../db/client.ts';
import type { Actor } from '../portal/types.ts';
import { loadGroupDetail } from './group-view.ts';
import { readAsOperator } from './operator.ts';
import type { GroupDetail } from './types.ts';

export async function getGroup(db: Db, actor: Actor, groupId: string): Promise<GroupDetail> {
  return readAsOperator(db, actor, () => loadGroupDetail(db, groupId));
}
