/** An app's controlled access as the console and the API show it: its policy and who is assigned. */
import { isPlausibleId } from '../portal/access.ts';
import { NotFoundError } from '../portal/errors.ts';
import type { Tx } from '../portal/transaction.ts';
import type { Db } from '../db/client.ts';
import { asAccessPolicy } from './app-view.ts';
import type { AppAccess } from './types.ts';

export async function loadAppAccess(db: Db | Tx, clientId: string): Promise<AppAccess> {
  if (!isPlausibleId(clientId)) throw new NotFoundError();
  const row = await db.client.findUnique({
    where: { id: clientId },
    select: {
      id: true,
      name: true,
      accessPolicy: true,
      userAssignments: { select: { createdAt: true, user: { select: { id: true, email: true, name: true } } }, orderBy: { user: { email: 'asc' } } },
      groupAssignments: { select: { createdAt: true, group: { select: { id: true, name: true, _count: { select: { members: true } } } } }, orderBy: { group: { name: 'asc' } } },
    },
  });
  if (!row) throw new NotFoundError();
  return {
    client: { id: row.id, name: row.name },
    policy: asAccessPolicy(row.accessPolicy),
    users: row.userAssignments.map((a) => ({ ...a.user, assignedAt: a.createdAt })),
    groups: row.groupAssignments.map((a) => ({ id: a.group.id, name: a.group.name, members: a.group._count.members, assignedAt: a.createdAt })),
  };
}
