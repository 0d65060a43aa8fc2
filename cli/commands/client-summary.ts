/** How the CLI shows an app after `client update`: its RFC 7591 metadata with --json, a few lines otherwise. */
import type { ClientSettings } from '../../lib/portal/client-view.ts';
import { toClientMetadata } from '../../lib/validation/client-metadata-response.ts';

export function operatorClientJson(client: ClientSettings, clientSecret: string | null, issuer: string) {
  return { ...toClientMetadata(client, { clientSecret }), issuer };
}

export function operatorClientText(client: ClientSettings, clientSecret: string | null): string {
  const keys = client.jwksUri ?? (client.jwks ? `${client.jwks.keys.length} key(s) registered inline` : '(none)');
  const rows: [string, string][] = [
    ['Client ID', client.id],
    ...(clientSecret ? [['New secret', clientSecret] as [string, string]] : []),
    ['Type', client.type],
    ['Redirect URIs', client.redirectUris.join(' ') || '(none)'],
    ['Grant types', client.grantTypes.join(', ')],
    ['Response types', client.responseTypes.join(', ') || '(none)'],
    ['Auth method', client.tokenEndpointAuthMethod + (client.tokenEndpointAuthSigningAlg ? ` (${client.tokenEndpointAuthSigningAlg})` : '')],
    ['Public keys', keys],
    ['DPoP-bound', client.dpopBoundAccessTokens ? 'required' : 'no'],
    ['PAR', client.requirePushedAuthorizationRequests ? 'required' : 'no'],
    ['Subject type', client.subjectType],
    ['Scope', client.scope || '(none)'],
  ];
  return rows.map(([label, value]) => `  ${`${label}:`.padEnd(18)}${value}`).join('\n');
}
