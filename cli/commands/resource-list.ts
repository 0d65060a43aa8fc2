/**
 * portico resources list [--json]
 * Every API — the operator's and every team's — with its owner and scopes.
 */
import { loadConfig } from '../../lib/config.ts';
import type { PublicApiResource } from '../../lib/portal/api-resource-types.ts';
import { listAllApiResources } from '../../lib/portal/list-all-api-resources.ts';
import { parseFlags } from '../args.ts';
import { withDatabase } from '../database.ts';
import type { CommandContext } from '../main.ts';
import { printJson } from '../output.ts';

/** An API as the CLI prints it with --json (snake_case, like the REST API). */
export const resourceJson = (api: PublicApiResource) => ({
  id: api.id,
  identifier: api.identifier,
  name: api.name,
  description: api.description,
  owner: api.ownerName,
  token_format: api.tokenFormat,
  open_access: api.openAccess,
  access_token_ttl: api.accessTokenTtl,
  scopes: api.scopes,
});

export async function resourceList(argv: string[], ctx: CommandContext): Promise<void> {
  const flags = parseFlags(argv, { json: { type: 'boolean', default: false } });
  const apis = await withDatabase(loadConfig(ctx.env), (db) => listAllApiResources(db));
  if (flags.json) return printJson(ctx.out, { resources: apis.map(resourceJson) });
  if (apis.length === 0) {
    ctx.out('No APIs yet. Create one with: portico resources create --identifier https://api.example.com --name "My API"\n');
    return;
  }
  for (const api of apis) {
    const owner = api.ownerName === null ? 'operator-managed' : `team "${api.ownerName}"`;
    ctx.out(`${api.name}  (${owner})\n  ID:          ${api.id}\n  Identifier:  ${api.identifier}\n  Tokens:      ${api.tokenFormat}, ${api.accessTokenTtl} s\n`);
    ctx.out(api.scopes.length ? `  Scopes:\n${api.scopes.map((s) => `    ${s.name}  ${s.description}`).join('\n')}\n` : '  Scopes:      (none)\n');
    ctx.out('\n');
  }
}
