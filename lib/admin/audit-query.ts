/**
 * The audit log read with the console's filters (lib/validation/audit-filter.ts), newest first,
 * with who, which team and which app named (AuditEvent has no foreign keys: deleted users, teams
 * and apps show their ids with no name).
 */
import type { Db } from '../db/client.ts';
import type { AuditFilter } from '../validation/audit-filter.ts';
import type { AuditRecord } from './types.ts';

const DAY_MS = 86_400_000;

export async function auditWhere(db: Db, filter: AuditFilter) {
  const actorIds = filter.actor ? await actorIdsFor(db, filter.actor) : undefined;
  return {
    ...(actorIds ? { actorUserId: { in: actorIds } } : {}),
    ...(filter.action ? { action: { startsWith: filter.action } } : {}),
    ...(filter.clientId ? { clientId: filter.clientId } : {}),
    ...(filter.teamId ? { teamId: filter.teamId } : {}),
    ...(filter.from || filter.to
      ? {
          createdAt: {
            ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
            ...(filter.to ? { lt: new Date(Date.parse(`${filter.to}T00:00:00Z`) + DAY_MS) } : {}),
          },
        }
      : {}),
  };
}

/** An email address names the account that has it now; anything else is taken as a user id. */
async function actorIdsFor(db: Db, actor: string): Promise<string[]> {
  if (!actor.includes('@')) return [actor];
  const user = await db.user.findUnique({ where: { email: actor.toLowerCase() }, select: { id: true } });
  return user ? [user.id] : [];
}

type EventRow = { id: string; actorUserId: string | null; teamId: string | null; clientId: string | null; action: string; details: string; createdAt: Date };

/** Names the actors, teams and apps of `rows` with one query each. */
export async function describeEvents(db: Db, rows: EventRow[]): Promise<AuditRecord[]> {
  const ids = (pick: (r: EventRow) => string | null) => [...new Set(rows.map(pick).filter((v): v is string => v !== null))];
  const [users, teams, clients] = await Promise.all([
    db.user.findMany({ where: { id: { in: ids((r) => r.actorUserId) } }, select: { id: true, email: true } }),
    db.team.findMany({ where: { id: { in: ids((r) => r.teamId) } }, select: { id: true, name: true } }),
    db.client.findMany({ where: { id: { in: ids((r) => r.clientId) } }, select: { id: true, name: true } }),
  ]);
  const email = new Map(users.map((u) => [u.id, u.email]));
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const clientName = new Map(clients.map((c) => [c.id, c.name]));
  return rows.map((r) => ({
    id: r.id,
    at: r.createdAt,
    action: r.action,
    actor: r.actorUserId ? { id: r.actorUserId, email: email.get(r.actorUserId) ?? null } : null,
    team: r.teamId ? { id: r.teamId, name: teamName.get(r.teamId) ?? null } : null,
    client: r.clientId ? { id: r.clientId, name: clientName.get(r.clientId) ?? null } : null,
    details: parseDetails(r.details),
  }));
}

function parseDetails(details: string): Record<string, unknown> {
  try {
    const value = JSON.parse(details) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
