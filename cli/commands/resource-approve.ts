/**
 * portico resources approve <resource> <client_id> --scope "a b" [--json]
 * The operator approves scopes of an operator-managed API for an app: whether it asked in the
 * portal or not (apps made with the CLI cannot ask). The approval replaces the previous one.
 */
import { loadConfig } from '../../lib/config.ts';
import { decideOperatorApiAccess } from '../../lib/portal/decide-operator-api-access.ts';
import { parseFlagsAndArguments, required } from '../args.ts';
import { withDatabase } from '../database.ts';
import type { CommandContext } from '../main.ts';
import { printJson } from '../output.ts';
import { describeFailure, resourceRef } from './resource-errors.ts';

const NOT_FOUND_HINT =
  'Check the API (its id or identifier, "portico resources list") and the client ID (shown on the app’s page). A team’s API is decided by its team in the portal.';

export async function resourceApprove(argv: string[], ctx: CommandContext): Promise<void> {
  const { flags, args } = parseFlagsAndArguments(argv, { scope: { type: 'string' }, json: { type: 'boolean', default: false } }, ['resource', 'client_id']);
  const [resource, clientId] = args as [string, string];
  const scope = required(flags.scope, '--scope');
  const result = await withDatabase(loadConfig(ctx.env), (db) => decideOperatorApiAccess(db, resourceRef(resource), clientId, { decision: 'approve', scopes: scope }))
    .catch((err: unknown) => {
      throw describeFailure(err, { scopes: '--scope' }, NOT_FOUND_HINT);
    });
  if (flags.json) {
    return printJson(ctx.out, {
      resource_id: result.resource.id, resource: result.resource.identifier, client_id: result.client.id, client_name: result.client.name,
      status: result.status, requested_scope: result.requestedScopes.join(' '), approved_scope: result.approvedScopes.join(' '),
    });
  }
  ctx.out(`Approved ${result.approvedScopes.join(' ')} of ${result.resource.identifier} for "${result.client.name}" (${result.client.id}). It applies to the app's next token request.\n`);
}
