/**
 * portico bootstrap [--name APP] [--redirect-uri U …] [--json]
 * One web application registered three times — Development, Staging, Production — so each
 * environment has its own credentials from day one. Credentials are printed once.
 */
import { loadConfig } from '../../lib/config.ts';
import { createClient, type CreatedClient } from '../../lib/portal/create-client.ts';
import { createClientSchema, type CreateClientInput } from '../../lib/validation/client.ts';
import { parseFlags } from '../args.ts';
import { withDatabase } from '../database.ts';
import { clientJson, clientText, printJson, SECRET_WARNING } from '../output.ts';
import type { CommandContext } from '../main.ts';

const ENVIRONMENTS = [
  ['development', 'Development'],
  ['staging', 'Staging'],
  ['production', 'Production'],
] as const;

export const DEFAULT_APP_NAME = 'My App';
export const DEFAULT_REDIRECT_URI = 'http://localhost:3001/callback';

export async function bootstrap(argv: string[], ctx: CommandContext): Promise<void> {
  const flags = parseFlags(argv, {
    name: { type: 'string', default: DEFAULT_APP_NAME },
    'redirect-uri': { type: 'string', multiple: true },
    json: { type: 'boolean', default: false },
  });
  const redirectUris = flags['redirect-uri'] ?? [DEFAULT_REDIRECT_URI];
  const inputs = ENVIRONMENTS.map(([, label]): CreateClientInput => ({ name: `${flags.name} (${label})`, type: 'web', redirectUris }));
  // Validate all three before writing any, so a bad flag leaves nothing half-created.
  for (const input of inputs) createClientSchema.parse(input);

  const config = loadConfig(ctx.env);
  const created = await withDatabase(config, async (db) => {
    const clients: CreatedClient[] = [];
    for (const input of inputs) clients.push(await createClient(db, input));
    return clients;
  });

  if (flags.json) {
    const clients = Object.fromEntries(ENVIRONMENTS.map(([key], i) => [key, clientJson(created[i]!, config.issuer)]));
    return printJson(ctx.out, { issuer: config.issuer, clients });
  }
  ctx.out(`Created three web applications for "${flags.name}".\n`);
  ENVIRONMENTS.forEach(([, label], i) => ctx.out(`\n${label}\n${clientText(created[i]!, config.issuer)}\n`));
  ctx.out(`\n${SECRET_WARNING} Keep each environment's secret in that environment only.\n`);
}
