/**
 * portico client update <client_id> [--name N] [--redirect-uri U …] [--post-logout-redirect-uri U …]
 *   [--scope S] [protocol flags, client-flags.ts] [--json]
 * Changes any app as the operator. Lists given replace the stored ones; what is not given stays.
 * A change to client_secret_jwt (or away from private_key_jwt) issues a new secret, printed once.
 */
import { loadConfig } from '../../lib/config.ts';
import { NotFoundError } from '../../lib/portal/errors.ts';
import { updateOperatorClient } from '../../lib/portal/update-operator-client.ts';
import { parseFlagsAndArgument } from '../args.ts';
import { withDatabase } from '../database.ts';
import { CliError, UsageError } from '../errors.ts';
import { printJson, SECRET_WARNING } from '../output.ts';
import type { CommandContext } from '../main.ts';
import { PROTOCOL_FLAGS, protocolInput, withFlagNames } from './client-flags.ts';
import { operatorClientJson, operatorClientText } from './client-summary.ts';

export async function clientUpdate(argv: string[], ctx: CommandContext): Promise<void> {
  const { flags, argument: clientId } = parseFlagsAndArgument(
    argv,
    {
      name: { type: 'string' },
      'redirect-uri': { type: 'string', multiple: true },
      'post-logout-redirect-uri': { type: 'string', multiple: true },
      scope: { type: 'string' },
      ...PROTOCOL_FLAGS,
      json: { type: 'boolean', default: false },
    },
    'client_id',
  );
  const patch = Object.fromEntries(
    Object.entries({
      name: flags.name,
      redirectUris: flags['redirect-uri'],
      postLogoutRedirectUris: flags['post-logout-redirect-uri'],
      scope: flags.scope,
      ...protocolInput(flags),
    }).filter(([, value]) => value !== undefined),
  );
  if (Object.keys(patch).length === 0) throw new UsageError('Nothing to change: give at least one flag, such as --response-type or --token-endpoint-auth-method.');
  const config = loadConfig(ctx.env);
  const updated = await withDatabase(config, (db) => updateOperatorClient(db, clientId, patch, { serverSecret: config.secret, sectorFetch: { allowedHosts: config.outboundAllowedHosts } })).catch((err: unknown) => {
    if (err instanceof NotFoundError) throw new CliError(`No application has the client ID "${clientId}". Check the ID (the portal shows it on the app's page) and run the command again.`);
    return withFlagNames(err);
  });
  if (flags.json) return printJson(ctx.out, operatorClientJson(updated.client, updated.clientSecret, config.issuer));
  ctx.out(`Updated "${updated.client.name}" (${updated.client.id}).\n\n${operatorClientText(updated.client, updated.clientSecret)}\n`);
  if (updated.clientSecret) ctx.out(`\n${SECRET_WARNING}\n`);
}
