/**
 * Chooses the apps that serve an API and may introspect its tokens (RFC 7662 §2.1, §4: the
 * introspection endpoint tells only the token's own resource servers about it). Owners and
 * developers of the API's team; only confidential apps OF THAT TEAM qualify (a public client has
 * no secret to authenticate at the introspection endpoint), so no team can read another's
 * tokens by naming its app. The list replaces the previous one.
 */
import type { Db } from '../db/client.ts';
import { setResourceServersSchema, type SetResourceServersInput } from '../validation/api-resource.ts';
import { isPlausibleId } from './access.ts';
import { requireResourceRole } from './api-resource-access.ts';
import { recordAudit } from './audit.ts';
import { parseInput, ValidationError, type ValidationIssue } from './errors.ts';
import type { Actor } from './types.ts';

export async function setResourceServers(
  db: Db, actor: Actor, resourceId: string, input: SetResourceServersInput, now = new Date(),
): Promise<{ id: string; name: string }[]> {
  const { clientIds } = parseInput(setResourceServersSchema, input);
  return db.$transaction(async (tx) => {
    const { resource } = await requireResourceRole(tx, actor, resourceId, 'developer', 'choose an API’s resource servers');
    const plausible = clientIds.filter(isPlausibleId);
    const found = await tx.client.findMany({ where: { id: { in: plausible }, teamId: resource.team.id }, select: { id: true, name: true, tokenEndpointAuthMethod: true } });
    const byId = new Map(found.map((c) => [c.id, c]));
    const issues: ValidationIssue[] = [];
    clientIds.forEach((id, index) => {
      const client = byId.get(id);
      if (!client) issues.push({ path: ['clientIds', index], message: `"${id}" is not an app of ${resource.team.name}: only the team's own apps can serve its API.` });
      else if (client.tokenEndpointAuthMethod === 'none') {
        issues.push({ path: ['clientIds', index], message: `"${client.name}" is a public client: it has no secret to call the introspection endpoint with. Choose a web app or a service.` });
      }
    });
    if (issues.length) throw new ValidationError(issues);
    const before = await tx.apiResourceServer.findMany({ where: { resourceId: resource.id }, select: { clientId: true } });
    const had = new Set(before.map((s) => s.clientId));
    const added = clientIds.filter((id) => !had.has(id));
    const removed = [...had].filter((id) => !clientIds.includes(id));
    if (removed.length) await tx.apiResourceServer.deleteMany({ where: { resourceId: resource.id, clientId: { in: removed } } });
    for (const clientId of added) await tx.apiResourceServer.create({ data: { resourceId: resource.id, clientId, createdAt: now } });
    if (added.length || removed.length) {
      await recordAudit(tx, { actor, action: 'api.servers_changed', teamId: resource.team.id, details: { resourceId: resource.id, added, removed }, at: now });
    }
    return clientIds.map((id) => ({ id, name: byId.get(id)!.name })).sort((a, b) => a.name.localeCompare(b.name));
  });
}
