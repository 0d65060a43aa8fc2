/**
 * The API's team (owners and developers) decides an app's request: approve some or all of the
 * requested scopes, or reject it. A decision can be changed later (approve more of what was
 * requested, approve less, or reject to withdraw access); the app may ask again after a rejection.
 * Requests for operator-managed APIs are the operator's (decideOperatorApiAccess, CLI).
 */
import type { Db } from '../db/client.ts';
import { decideApiAccessSchema, type DecideApiAccessInput } from '../validation/api-resource.ts';
import { isPlausibleId } from './access.ts';
import { requireResourceRole } from './api-resource-access.ts';
import type { ApiAccessRequest } from './api-resource-types.ts';
import { scopeList, toAccessState } from './api-resource-view.ts';
import { requireScopesOf } from './api-scope-rules.ts';
import { recordAudit } from './audit.ts';
import { NotFoundError, parseInput } from './errors.ts';
import type { Actor } from './types.ts';

export async function decideApiAccess(
  db: Db, actor: Actor, resourceId: string, clientId: string, input: DecideApiAccessInput, now = new Date(),
): Promise<ApiAccessRequest> {
  const decision = parseInput(decideApiAccessSchema, input);
  return db.$transaction(async (tx) => {
    const { resource } = await requireResourceRole(tx, actor, resourceId, 'developer', 'decide access requests');
    const key = { resourceId_clientId: { resourceId: resource.id, clientId: String(clientId) } };
    const existing = isPlausibleId(String(clientId))
      ? await tx.apiAccess.findUnique({ where: key, include: { client: { select: { id: true, name: true, team: { select: { id: true, name: true } } } } } })
      : null;
    if (!existing) throw new NotFoundError('access request');
    const approved = decision.decision === 'approve' ? decision.scopes : [];
    requireScopesOf(scopeList(existing.requestedScope), approved, 'scopes', 'requested by this app');
    const row = await tx.apiAccess.update({ where: key, data: { approvedScope: approved.join(' '), decidedAt: now } });
    await recordAudit(tx, {
      actor,
      action: decision.decision === 'approve' ? 'api.access_approved' : 'api.access_rejected',
      teamId: resource.team.id,
      clientId: existing.client.id,
      details: { resourceId: resource.id, requested: scopeList(existing.requestedScope), approved },
      at: now,
    });
    return { ...toAccessState(row), client: { id: existing.client.id, name: existing.client.name }, team: existing.client.team };
  });
}
