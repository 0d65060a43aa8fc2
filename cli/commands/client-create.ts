/**
 * portico client create --name N --redirect-uri U … [--post-logout-redirect-uri U …]
 *   [--type web|spa|native|service] [--scope S] [--access-token-format opaque|jwt]
 *   [--token-endpoint-auth-method client_secret_basic|client_secret_post] [--id-token-alg RS256|ES256|EdDSA] [--json]
 */
import { loadConfig } from '../../lib/config.ts';
import { createClient } from '../../lib/portal/create-client.ts';
import { ACCESS_TOKEN_FORMATS, CLIENT_TYPES, ID_TOKEN_ALGS, SECRET_AUTH_METHODS } from '../../lib/validation/client.ts';
import { oneOf, parseFlags, required } from '../args.ts';
import { withDatabase } from '../database.ts';
import { clientJson, clientText, printJson, SECRET_WARNING } from '../output.ts';
import type { CommandContext } from '../main.ts';

export async function clientCreate(argv: string[], ctx: CommandContext): Promise<void> {
  const flags = parseFlags(argv, {
    name: { type: 'string' },
    type: { type: 'string' },
    'redirect-uri': { type: 'string', multiple: true },
    'post-logout-redirect-uri': { type: 'string', multiple: true },
    scope: { type: 'string' },
    'access-token-format': { type: 'string' },
    'token-endpoint-auth-method': { type: 'string' },
    'id-token-alg': { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  const input = {
    name: required(flags.name, '--name'),
    type: oneOf(flags.type, CLIENT_TYPES, '--type'),
    redirectUris: flags['redirect-uri'] ?? [],
    postLogoutRedirectUris: flags['post-logout-redirect-uri'] ?? [],
    scope: flags.scope,
    accessTokenFormat: oneOf(flags['access-token-format'], ACCESS_TOKEN_FORMATS, '--access-token-format'),
    tokenEndpointAuthMethod: oneOf(flags['token-endpoint-auth-method'], SECRET_AUTH_METHODS, '--token-endpoint-auth-method'),
    idTokenAlg: oneOf(flags['id-token-alg'], ID_TOKEN_ALGS, '--id-token-alg'),
  };
  const config = loadConfig(ctx.env);
  const created = await withDatabase(config, (db) => createClient(db, input));
  if (flags.json) return printJson(ctx.out, clientJson(created, config.issuer));
  ctx.out(`Created ${created.client.type} application "${created.client.name}".\n\n${clientText(created, config.issuer)}\n`);
  if (created.clientSecret) ctx.out(`\n${SECRET_WARNING}\n`);
}
