/** One API of the actor's teams with its scopes and resource servers (any member may read it). */
import type { Db } from '../db/client.ts';
import { requireResourceRole } from './api-resource-access.ts';
import type { ApiResourceDetail } from './api-resource-types.ts';
import { toApiResourceDetail } from './api-resource-view.ts';
import type { Actor } from './types.ts';

export async function getApiResource(db: Db, actor: Actor, resourceId: string): Promise<ApiResourceDetail> {
  const { resource, role } = await requireResourceRole(db, actor, resourceId, 'viewer', 'view APIs');
  const [scopes, servers] = await Promise.all([
    db.apiScope.findMany({ where: { resourceId: resource.id } }),
    db.apiResourceServer.findMany({ where: { resourceId: resource.id }, include: { client: { select: { id: true, name: true } } } }),
  ]);
  return toApiResourceDetail({ ...resource, scopes, servers }, resource.team, role);
}
