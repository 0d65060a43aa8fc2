/**
 * portico resources scope add <resource> <name> --description TEXT [--json]
 * Adds a scope to an operator-managed API (<resource>: its id or identifier). Scope names are
 * unique across every API and never a standard OpenID Connect scope.
 */
import { loadConfig } from '../../lib/config.ts';
import { addOperatorApiScope } from '../../lib/portal/add-operator-api-scope.ts';
import { parseFlagsAndArguments, required } from '../args.ts';
import { withDatabase } from '../database.ts';
import type { CommandContext } from '../main.ts';
import { printJson } from '../output.ts';
import { describeFailure, resourceRef } from './resource-errors.ts';

const NOT_FOUND_HINT = 'Check the API’s id or identifier with "portico resources list"; a team’s API gets its scopes from its team, in the portal.';

export async function resourceScopeAdd(argv: string[], ctx: CommandContext): Promise<void> {
  const { flags, args } = parseFlagsAndArguments(argv, { description: { type: 'string' }, json: { type: 'boolean', default: false } }, ['resource', 'name']);
  const [resource, name] = args as [string, string];
  const description = required(flags.description, '--description');
  const scope = await withDatabase(loadConfig(ctx.env), (db) => addOperatorApiScope(db, resourceRef(resource), { name, description })).catch((err: unknown) => {
    throw describeFailure(err, { name: '<name>', description: '--description' }, NOT_FOUND_HINT);
  });
  if (flags.json) return printJson(ctx.out, { resource_id: scope.resource.id, resource: scope.resource.identifier, name: scope.name, description: scope.description });
  ctx.out(`Added scope "${scope.name}" to ${scope.resource.identifier}.\n`);
}
