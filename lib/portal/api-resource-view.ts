/** Database rows → what the portal, the REST API and the CLI show for APIs and access requests. */
import type { ApiAccess, ApiResource, ApiScope, Team } from '../db/generated/sqlite/client.ts';
import type { ApiTokenFormat } from '../validation/api-resource.ts';
import type { ApiAccessState, ApiResourceDetail, ApiResourceSummary, PublicApiResource } from './api-resource-types.ts';
import type { TeamRole } from './types.ts';

/** A space-separated scope column as a list (and back with join(' ')). */
export const scopeList = (value: string) => value.split(' ').filter(Boolean);

const tokenFormat = (value: string): ApiTokenFormat => (value === 'opaque' ? 'opaque' : 'jwt');

export function toApiResourceSummary(row: ApiResource, team: Pick<Team, 'id' | 'name'>, role: TeamRole, scopeCount: number): ApiResourceSummary {
  return {
    id: row.id,
    identifier: row.identifier,
    name: row.name,
    description: row.description,
    tokenFormat: tokenFormat(row.tokenFormat),
    accessTokenTtl: row.accessTokenTtl,
    openAccess: row.openAccess,
    team: { id: team.id, name: team.name },
    role,
    scopeCount,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toApiResourceDetail(
  row: ApiResource & { scopes: ApiScope[]; servers: { client: { id: string; name: string } }[] },
  team: Pick<Team, 'id' | 'name'>,
  role: TeamRole,
): ApiResourceDetail {
  const scopes = [...row.scopes].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.name.localeCompare(b.name));
  return {
    ...toApiResourceSummary(row, team, role, scopes.length),
    scopes: scopes.map((s) => ({ name: s.name, description: s.description, createdAt: s.createdAt })),
    servers: row.servers.map((s) => ({ id: s.client.id, name: s.client.name })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

export function toAccessState(row: Pick<ApiAccess, 'requestedScope' | 'approvedScope' | 'requestedAt' | 'decidedAt'>): ApiAccessState {
  const approvedScopes = scopeList(row.approvedScope);
  return {
    requestedScopes: scopeList(row.requestedScope),
    approvedScopes,
    status: row.decidedAt === null ? 'pending' : approvedScopes.length ? 'approved' : 'rejected',
    requestedAt: row.requestedAt,
    decidedAt: row.decidedAt,
  };
}

export function toPublicApiResource(row: ApiResource & { team: Pick<Team, 'id' | 'name'> | null; scopes: ApiScope[] }, memberOf: ReadonlySet<string>): PublicApiResource {
  const scopes = [...row.scopes].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.name.localeCompare(b.name));
  return {
    id: row.id,
    identifier: row.identifier,
    name: row.name,
    description: row.description,
    ownerName: row.team?.name ?? null,
    memberTeamId: row.team && memberOf.has(row.team.id) ? row.team.id : null,
    tokenFormat: tokenFormat(row.tokenFormat),
    accessTokenTtl: row.accessTokenTtl,
    openAccess: row.openAccess,
    scopes: scopes.map((s) => ({ name: s.name, description: s.description })),
  };
}
