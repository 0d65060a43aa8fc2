/**
 * portico client create --name N --redirect-uri U … [--post-logout-redirect-uri U …]
 *   [--type web|spa|native|service] [--scope S] [--access-token-format opaque|jwt]
 *   [--id-token-alg RS256|ES256|EdDSA] [protocol flags, client-flags.ts: --grant-type, --response-type,
 *   --token-endpoint-auth-method, --jwks/--jwks-file/--jwks-uri, algorithms, DPoP, PAR, subject type,
 *   front-channel logout] [--json]
 */
import { loadConfig } from '../../lib/config.ts';
import { createClient } from '../../lib/portal/create-client.ts';
import { ACCESS_TOKEN_FORMATS, CLIENT_TYPES, ID_TOKEN_ALGS } from '../../lib/validation/client.ts';
import { oneOf, parseFlags, required } from '../args.ts';
import { withDatabase } from '../database.ts';
import { clientText, SECRET_WARNING, printJson } from '../output.ts';
import type { CommandContext } from '../main.ts';
import { PROTOCOL_FLAGS, protocolInput, withFlagNames } from './client-flags.ts';
import { operatorClientJson } from './client-summary.ts';

export async function clientCreate(argv: string[], ctx: CommandContext): Promise<void> {
  const flags = parseFlags(argv, {
    name: { type: 'string' },
    type: { type: 'string' },
    'redirect-uri': { type: 'string', multiple: true },
    'post-logout-redirect-uri': { type: 'string', multiple: true },
    scope: { type: 'string' },
    'access-token-format': { type: 'string' },
    'id-token-alg': { type: 'string' },
    ...PROTOCOL_FLAGS,
    json: { type: 'boolean', default: false },
  });
  const input = {
    name: required(flags.name, '--name'),
    type: oneOf(flags.type, CLIENT_TYPES, '--type'),
    redirectUris: flags['redirect-uri'] ?? [],
    postLogoutRedirectUris: flags['post-logout-redirect-uri'] ?? [],
    scope: flags.scope,
    accessTokenFormat: oneOf(flags['access-token-format'], ACCESS_TOKEN_FORMATS, '--access-token-format'),
    idTokenAlg: oneOf(flags['id-token-alg'], ID_TOKEN_ALGS, '--id-token-alg'),
    ...protocolInput(flags),
  };
  const config = loadConfig(ctx.env);
  const created = await withDatabase(config, (db) => createClient(db, input, config.secret, { allowedHosts: config.outboundAllowedHosts })).catch(withFlagNames);
  if (flags.json) return printJson(ctx.out, operatorClientJson(created.client, created.clientSecret, config.issuer));
  ctx.out(`Created ${created.client.type} application "${created.client.name}".\n\n${clientText(created, config.issuer)}\n`);
  if (created.clientSecret) ctx.out(`\n${SECRET_WARNING}\n`);
}
