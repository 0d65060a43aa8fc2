/**
 * Database rows → what the portal shows. Secret rows lose their hash here; viewers also lose
 * last4 (README.md "Roles"). JSON columns (lists, descriptions, keys) are parsed once, here.
 */
import type { ClientKind } from '../oidc/redirect-uri.ts';
import { parseScopeDescriptions } from '../oidc/scopes.ts';
import type { Client, ClientSecret, Team } from '../db/generated/sqlite/client.ts';
import type { JwkSet } from '../validation/jwks.ts';
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

/** A stored JWK Set (checked when it was registered); null when absent or unreadable. */
function parseJwks(value: string | null): JwkSet | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(value) as { keys?: unknown };
    return Array.isArray(parsed.keys) ? (parsed as JwkSet) : null;
  } catch {
    return null;
  }
}

/** Everything about an app but its team, the viewer's role and its secrets: also for apps with no team (CLI, RFC 7591). */
export function clientSettingsOf(client: Client) {
  return {
    id: client.id,
    name: client.name,
    type: client.type as ClientKind,
    teamId: client.teamId,
    description: client.description,
    logoUri: client.logoUri,
    disabled: client.disabled,
    verified: client.verified,
    createdAt: client.createdAt,
    updatedAt: client.updatedAt,
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
    accessTokenFormat: client.accessTokenFormat === 'jwt' ? ('jwt' as const) : ('opaque' as const),
    idTokenSignedResponseAlg: client.idTokenSignedResponseAlg,
    skipConsent: client.skipConsent,
    responseTypes: JSON.parse(client.responseTypes) as string[],
    jwks: parseJwks(client.jwks),
    jwksUri: client.jwksUri,
    tokenEndpointAuthSigningAlg: client.tokenEndpointAuthSigningAlg,
    requestObjectSigningAlg: client.requestObjectSigningAlg,
    requirePushedAuthorizationRequests: client.requirePushedAuthorizationRequests,
    dpopBoundAccessTokens: client.dpopBoundAccessTokens,
    subjectType: client.subjectType === 'pairwise' ? ('pairwise' as const) : ('public' as const),
    sectorIdentifierUri: client.sectorIdentifierUri,
    frontchannelLogoutUri: client.frontchannelLogoutUri,
    frontchannelLogoutSessionRequired: client.frontchannelLogoutSessionRequired,
  };
}
export type ClientSettings = ReturnType<typeof clientSettingsOf>;

export function toClientDetail(
  client: Client & { secrets: ClientSecret[] },
  team: Pick<Team, 'id' | 'name'>,
  role: TeamRole,
  now = new Date(),
): ClientDetail {
  const { teamId: _teamId, ...settings } = clientSettingsOf(client);
  return {
    ...settings,
    team: { id: team.id, name: team.name },
    role,
    secrets: [...client.secrets].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).map((s) => toSecretSummary(s, role, now)),
  };
}
