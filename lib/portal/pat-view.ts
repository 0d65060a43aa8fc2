/** A personal access token row as the portal shows it: never the hash. */
import type { PersonalAccessToken } from '../db/generated/sqlite/client.ts';
import type { PatScope, PersonalAccessTokenSummary } from './types.ts';

export const parsePatScopes = (scopes: string) => scopes.split(' ').filter(Boolean) as PatScope[];

export function toPatSummary(row: PersonalAccessToken): PersonalAccessTokenSummary {
  return {
    id: row.id,
    name: row.name,
    last4: row.last4,
    scopes: parsePatScopes(row.scopes),
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    lastUsedAt: row.lastUsedAt,
  };
}
