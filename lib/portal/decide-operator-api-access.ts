/**
 * The operator's decision (CLI) on an app's access to an operator-managed API: approve scopes of
 * that API — also for an app that never asked, such as one made with the CLI, which has no portal
 * to ask from — or reject. Approved scopes are added to the app's requested ones, so the
 * invariant "approved ⊆ requested" holds. A team's API is refused: its team decides.
 */
import type { Db } from '../db/client.ts';
import { decideApiAccessSchema, type DecideApiAccessInput } from '../validation/api-resource.ts';
import { isPlausibleId } from './access.ts';
import { findOperatorResource } from './api-resource-access.ts';
import type { ApiAccessRequest, ApiResourceRef } from './api-resource-types.ts';
import { scopeList, toAccessState } from './api-resource-view.ts';
import { requireScopesOf } from './api-scope-rules.ts';
import { recordAudit } from './audit.ts';
import { NotFoundError, parseInput } from './errors.ts';

export async function decideOperatorApiAccess(
  db: Db, resourceRef: ApiResourceRef, clientId: string, input: DecideApiAccessInput, now = new Date(),
): Promise<ApiAccessRequest & { resource: { id: string; identifier: string } }> {
  const decision = parseInput(decideApiAccessSchema, input);
  return db.$transaction(async (tx) => {
    const resource = await findOperatorResource(tx, resourceRef);
    const client = isPlausibleId(clientId)
      ? await tx.client.findUnique({ where: { id: clientId }, select: { id: true, name: true, team: { select: { id: true, name: true } } } })
      : null;
    if (!client) throw new NotFoundError();
    const key = { resourceId_clientId: { resourceId: resource.id, clientId: client.id } };
    const existing = await tx.apiAccess.findUnique({ where: key });
    let approved: string[] = [];
    if (decision.decision === 'approve') {
      requireScopesOf(resource.scopes.map((s) => s.name), decision.scopes, 'scopes');
      approved = decision.scopes;
    } else if (!existing) {
      throw new NotFoundError('access request');
    }
    const requested = [...new Set([...scopeList(existing?.requestedScope ?? ''), ...approved])];
    const data = { requestedScope: requested.join(' '), approvedScope: approved.join(' '), decidedAt: now };
    const row = await tx.apiAccess.upsert({ where: key, create: { resourceId: resource.id, clientId: client.id, requestedAt: now, ...data }, update: data });
    await recordAudit(tx, {
      actor: null,
      action: decision.decision === 'approve' ? 'api.access_approved' : 'api.access_rejected',
      clientId: client.id,
      details: { resourceId: resource.id, requested, approved },
      at: now,
    });
    return {
      ...toAccessState(row),
      client: { id: client.id, name: client.name },
      team: client.team,
      resource: { id: resource.id, identifier: resource.identifier },
    };
  });
}
