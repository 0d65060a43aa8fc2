/**
 * Writes a new client and, when its authentication method uses one, its first secret — inside the
 * caller's transaction, so there is never a client without the secret it needs.
 *
 * - client_id: 128 random bits, base64url (URL-safe; RFC 6749 §2.2 leaves the format to us).
 * - Apps that authenticate with a secret (client_secret_basic, _post, _jwt) get a `cs_` secret of
 *   256 random bits (issue-client-secret.ts): only its SHA-256 hash and last four characters are
 *   stored (sealed too for client_secret_jwt), and the plaintext is returned once, to the caller.
 *   A private_key_jwt app proves itself with its key and gets none; public apps get none.
 * - Grant types, the authentication method and lifetimes default per type (client-defaults.ts);
 *   response types default to the code flow when the grant types allow it (response-types.ts).
 */
import { randomClientId } from '../oidc/tokens.ts';
import type { CreateClientValues } from '../validation/client.ts';
import { usesSecret } from '../validation/client-auth-method.ts';
import { resolveResponseTypes } from '../validation/response-types.ts';
import { scopeDescriptionsColumn } from '../validation/scope-descriptions.ts';
import { clientDefaults } from './client-defaults.ts';
import { issueClientSecret } from './issue-client-secret.ts';
import type { Tx } from './transaction.ts';

/** The columns a client gets from validated input and its type's defaults (creation, or RFC 7592 replacement). */
export function clientColumns(values: CreateClientValues) {
  const defaults = clientDefaults(values.type);
  const scope = values.scope ?? defaults.scope;
  const grantTypes = values.grantTypes ?? defaults.grantTypes;
  return {
    name: values.name,
    tokenEndpointAuthMethod: values.tokenEndpointAuthMethod ?? defaults.tokenEndpointAuthMethod,
    redirectUris: JSON.stringify(values.redirectUris),
    postLogoutRedirectUris: JSON.stringify(values.postLogoutRedirectUris),
    grantTypes: JSON.stringify(grantTypes),
    responseTypes: JSON.stringify(resolveResponseTypes(values.responseTypes, undefined, grantTypes)),
    scope,
    scopeDescriptions: scopeDescriptionsColumn(values.scopeDescriptions ?? {}, scope),
    accessTokenFormat: values.accessTokenFormat ?? 'opaque',
    idTokenSignedResponseAlg: values.idTokenAlg ?? 'RS256',
    description: values.description ?? null,
    logoUri: values.logoUri ?? null,
    clientUri: values.clientUri ?? null,
    policyUri: values.policyUri ?? null,
    tosUri: values.tosUri ?? null,
    backchannelLogoutUri: values.backchannelLogoutUri ?? null,
    refreshTokenRotation: values.refreshTokenRotation ?? true,
    jwks: values.jwks ? JSON.stringify(values.jwks) : null,
    jwksUri: values.jwksUri ?? null,
    tokenEndpointAuthSigningAlg: values.tokenEndpointAuthSigningAlg ?? null,
    requestObjectSigningAlg: values.requestObjectSigningAlg ?? null,
    requirePushedAuthorizationRequests: values.requirePushedAuthorizationRequests ?? false,
    dpopBoundAccessTokens: values.dpopBoundAccessTokens ?? false,
    subjectType: values.subjectType ?? 'public',
    sectorIdentifierUri: values.sectorIdentifierUri ?? null,
    frontchannelLogoutUri: values.frontchannelLogoutUri ?? null,
    frontchannelLogoutSessionRequired: values.frontchannelLogoutSessionRequired ?? false,
  };
}

/** `serverSecret` (config.secret) seals a client_secret_jwt app's secret; other apps do without it. */
export async function insertClient(tx: Tx, values: CreateClientValues, teamId: string | null, now = new Date(), serverSecret?: string) {
  const defaults = clientDefaults(values.type);
  const columns = clientColumns(values);
  const row = await tx.client.create({
    data: {
      ...columns,
      id: randomClientId(16),
      teamId,
      type: values.type,
      accessTokenTtl: defaults.accessTokenTtl,
      refreshTokenTtl: defaults.refreshTokenTtl,
      createdAt: now,
    },
  });
  const issued = usesSecret(columns.tokenEndpointAuthMethod) ? await issueClientSecret(tx, row.id, columns.tokenEndpointAuthMethod, now, serverSecret) : null;
  return { row: { ...row, secrets: issued ? [issued.row] : [] }, clientSecret: issued?.clientSecret ?? null };
}
