/**
 * Writes a validated edit to an app inside the caller's transaction: the portal and REST API edits
 * (update-client.ts) and the operator's (update-operator-client.ts).
 * - JSON columns (lists, descriptions, keys) are written as JSON; a new scope drops the descriptions
 *   of the scopes it no longer has.
 * - Response types: those named, else — when the grant types change — the stored ones the new
 *   grants still allow (response-types.ts).
 * - A change of authentication method drops a client assertion algorithm the patch does not name
 *   (client-key-rules.ts), and gives the app the secrets the new method needs
 *   (change-client-secrets.ts): a secret issued here is in the result once.
 */
import type { Client, ClientSecret } from '../db/generated/sqlite/client.ts';
import { parseScopeDescriptions } from '../oidc/scopes.ts';
import type { UpdateClientValues } from '../validation/client-update.ts';
import { assertionAlgAfter } from '../validation/client-key-rules.ts';
import { resolveResponseTypes } from '../validation/response-types.ts';
import { scopeDescriptionsColumn } from '../validation/scope-descriptions.ts';
import { changeClientSecrets } from './change-client-secrets.ts';
import type { Tx } from './transaction.ts';

export type ClientWithSecrets = Client & { secrets: ClientSecret[] };

export async function applyClientPatch(tx: Tx, client: ClientWithSecrets, values: UpdateClientValues, now: Date, serverSecret?: string) {
  const {
    redirectUris, postLogoutRedirectUris, grantTypes, idTokenAlg, scopeDescriptions, responseTypes, jwks, tokenEndpointAuthSigningAlg: _alg, ...plain
  } = values;
  const descriptions = scopeDescriptions ?? (values.scope === undefined ? undefined : parseScopeDescriptions(client.scopeDescriptions));
  const grants = grantTypes ?? (JSON.parse(client.grantTypes) as string[]);
  const stored = { tokenEndpointAuthMethod: client.tokenEndpointAuthMethod, tokenEndpointAuthSigningAlg: client.tokenEndpointAuthSigningAlg };
  const alg = assertionAlgAfter(values, stored);
  const row = await tx.client.update({
    where: { id: client.id },
    data: {
      ...plain,
      ...(descriptions ? { scopeDescriptions: scopeDescriptionsColumn(descriptions, values.scope ?? client.scope) } : {}),
      ...(redirectUris ? { redirectUris: JSON.stringify(redirectUris) } : {}),
      ...(postLogoutRedirectUris ? { postLogoutRedirectUris: JSON.stringify(postLogoutRedirectUris) } : {}),
      ...(grantTypes ? { grantTypes: JSON.stringify(grantTypes) } : {}),
      ...(responseTypes || grantTypes ? { responseTypes: JSON.stringify(resolveResponseTypes(responseTypes, JSON.parse(client.responseTypes), grants)) } : {}),
      ...(idTokenAlg ? { idTokenSignedResponseAlg: idTokenAlg } : {}),
      ...(jwks !== undefined ? { jwks: jwks ? JSON.stringify(jwks) : null } : {}),
      ...(alg !== undefined && alg !== client.tokenEndpointAuthSigningAlg ? { tokenEndpointAuthSigningAlg: alg } : {}),
    },
  });
  const clientSecret = await changeClientSecrets(tx, client, values.tokenEndpointAuthMethod, now, serverSecret);
  const secrets = clientSecret || values.tokenEndpointAuthMethod ? await tx.clientSecret.findMany({ where: { clientId: client.id } }) : client.secrets;
  return { row: { ...row, secrets }, clientSecret };
}
