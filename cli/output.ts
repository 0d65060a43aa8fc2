/** What the CLI prints: one JSON object with --json, short human text otherwise. */
import type { CreatedClient } from '../lib/portal/create-client.ts';

export type Out = (text: string) => void;

export const SECRET_WARNING = 'Store the client secret now; it will not be shown again.';

export function printJson(out: Out, value: unknown): void {
  out(`${JSON.stringify(value, null, 2)}\n`);
}

/** A client as its registration metadata (RFC 7591 §3.2.1 names), secret only for confidential clients. */
export function clientJson({ client, clientSecret }: CreatedClient, issuer: string) {
  return {
    client_id: client.id,
    ...(clientSecret ? { client_secret: clientSecret } : {}),
    client_name: client.name,
    redirect_uris: client.redirectUris,
    post_logout_redirect_uris: client.postLogoutRedirectUris,
    grant_types: client.grantTypes,
    token_endpoint_auth_method: client.tokenEndpointAuthMethod,
    id_token_signed_response_alg: client.idTokenSignedResponseAlg,
    scope: client.scope,
    issuer,
  };
}

export function clientText({ client, clientSecret }: CreatedClient, issuer: string): string {
  const rows: [string, string][] = [
    ['Client ID', client.id],
    ['Client secret', clientSecret ?? (client.tokenEndpointAuthMethod === 'private_key_jwt' ? '(none: signs with its private key, private_key_jwt)' : '(none: public client, uses PKCE)')],
    ['Type', client.type],
    ['Redirect URIs', client.redirectUris.join(' ') || '(none)'],
    ['Post-logout URIs', client.postLogoutRedirectUris.join(' ') || '(none)'],
    ['Grant types', client.grantTypes.join(', ')],
    ['Auth method', client.tokenEndpointAuthMethod],
    ['Scope', client.scope || '(none)'],
    ['Issuer', issuer],
    ['Discovery', `${issuer}/.well-known/openid-configuration`],
  ];
  return rows.map(([label, value]) => `  ${`${label}:`.padEnd(18)}${value}`).join('\n');
}
