/**
 * Database rows → what the portal shows. Secret rows lose their hash here; viewers also lose
 * last4 (README.md "Roles"). JSON list columns are parsed once, here.
 */
import type { ClientKind } from '../oidc/redirect-uri.ts';
import { parseScopeDescriptions } from '../oidc/scopes.ts';
import type { Client, ClientSecret, Team } from '../db/generated/sqlite/client.ts';
import { hasRole } from './access.ts';
import type { ClientDetail, ClientSummary, SecretStatus, SecretSummary, TeamRole } from './types.ts';

export function secretStatus(secret: Pick<ClientSecret, 'expiresAt' | 'revokedAt'>, now: Date): SecretStatus {
  if (secret.revokedAt) return 'revoked';
  if (!secret.expiresAt) return 'active';
  return secret.expiresAt > now ? 'expiring' : 'expired';
}

export function toSecretSummary(secret: ClientSecret, role: TeamRole, now: Date): SecretSummary {
  return {
    id: secret.id,
    last4: hasRole(role, 'developer') ? secret.last4 : null,
    createdAt: secret.createdAt,
    expiresAt: secret.expiresAt,
    revokedAt: secret.revokedAt,
    status: secretStatus(secret, now),
  };
}

export function toClientSummary(client: Client, team: Pick<Team, 'id' | 'name'>, role: TeamRole): ClientSummary {
  return {
    id: client.id,
    name: client.name,
    type: client.type as ClientKind,
    description: client.description,
    logoUri: client.logoUri,
    disabled: client.disabled,
    verified: client.verified,
    createdAt: client.createdAt,
    team: { id: team.id, name: team.name },
    role,
  };
}

export function toClientDetail(
  client: Client & { secrets: ClientSecret[] },
  team: Pick<Team, 'id' | 'name'>,
  role: TeamRole,
  now = new Date(),
): ClientDetail {
  return {
    ...toClientSummary(client, team, role),
    tokenEndpointAuthMethod: client.tokenEndpointAuthMethod as ClientDetail['tokenEndpointAuthMethod'],
    redirectUris: JSON.parse(client.redirectUris) as string[],
    postLogoutRedirectUris: JSON.parse(client.postLogoutRedirectUris) as string[],
    grantTypes: JSON.parse(client.grantTypes) as string[],
    scope: client.scope,
    scopeDescriptions: parseScopeDescriptions(client.scopeDescriptions),
    clientUri: client.clientUri,
    policyUri: client.policyUri,
    tosUri: client.tosUri,
    backchannelLogoutUri: client.backchannelLogoutUri,
    refreshTokenRotation: client.refreshTokenRotation,
    accessTokenTtl: client.accessTokenTtl,
    refreshTokenTtl: client.refreshTokenTtl,
    accessTokenFormat: client.accessTokenFormat === 'jwt' ? 'jwt' : 'opaque',
    idTokenSignedResponseAlg: client.idTokenSignedResponseAlg,
    skipConsent: client.skipConsent,
    updatedAt: client.updatedAt,
    secrets: [...client.secrets].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).map((s) => toSecretSummary(s, role, now)),
  };
}
