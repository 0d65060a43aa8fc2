/**
 * portico resources create --identifier URI --name NAME [--description TEXT] [--format jwt|opaque] [--ttl SECONDS] [--json]
 * Registers an operator-managed API (RFC 8707 resource): no team owns it; developers can ask for
 * its scopes in the portal and the operator decides with `portico resources approve`.
 */
import { loadConfig } from '../../lib/config.ts';
import { createOperatorApiResource } from '../../lib/portal/create-operator-api-resource.ts';
import { API_TOKEN_FORMATS } from '../../lib/validation/api-resource.ts';
import { oneOf, parseFlags, required } from '../args.ts';
import { withDatabase } from '../database.ts';
import type { CommandContext } from '../main.ts';
import { printJson } from '../output.ts';
import { describeFailure } from './resource-errors.ts';
import { resourceJson } from './resource-list.ts';

const FLAGS = { identifier: '--identifier', name: '--name', description: '--description', tokenFormat: '--format', accessTokenTtl: '--ttl' };

export async function resourceCreate(argv: string[], ctx: CommandContext): Promise<void> {
  const flags = parseFlags(argv, {
    identifier: { type: 'string' },
    name: { type: 'string' },
    description: { type: 'string' },
    format: { type: 'string' },
    ttl: { type: 'string' },
    open: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  });
  const input = {
    identifier: required(flags.identifier, '--identifier'),
    name: required(flags.name, '--name'),
    description: flags.description,
    tokenFormat: oneOf(flags.format, API_TOKEN_FORMATS, '--format'),
    accessTokenTtl: flags.ttl === undefined ? undefined : Number(flags.ttl),
    openAccess: flags.open,
  };
  const config = loadConfig(ctx.env);
  const api = await withDatabase(config, (db) => createOperatorApiResource(db, input)).catch((err: unknown) => {
    throw describeFailure(err, FLAGS, '');
  });
  if (flags.json) return printJson(ctx.out, resourceJson(api));
  ctx.out(
    `Created operator-managed API "${api.name}".\n\n` +
      `  ID:               ${api.id}\n  Identifier:       ${api.identifier}\n  Token format:     ${api.tokenFormat}\n  Token lifetime:   ${api.accessTokenTtl} s\n` +
      `  Open to any app:  ${api.openAccess ? 'yes (users consent)' : 'no (you approve each app)'}\n\n` +
      `Add scopes with: portico resources scope add ${api.id} <name> --description "…"\n`,
  );
}
