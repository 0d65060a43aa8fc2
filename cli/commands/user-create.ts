/** portico user create --email E --password P [--name N] [--admin] [--json] */
import { createUser } from '../../lib/account/create-user.ts';
import { loadConfig } from '../../lib/config.ts';
import { parseFlags, required } from '../args.ts';
import { withDatabase } from '../database.ts';
import { printJson } from '../output.ts';
import type { CommandContext } from '../main.ts';

export async function userCreate(argv: string[], ctx: CommandContext): Promise<void> {
  const flags = parseFlags(argv, {
    email: { type: 'string' },
    password: { type: 'string' },
    name: { type: 'string' },
    admin: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  });
  const input = {
    email: required(flags.email, '--email'),
    password: required(flags.password, '--password'),
    name: flags.name,
    isAdmin: flags.admin,
  };
  const config = loadConfig(ctx.env);
  const user = await withDatabase(config, (db) => createUser(db, input));
  if (flags.json) return printJson(ctx.out, { id: user.id, email: user.email });
  ctx.out(`Created ${user.isAdmin ? 'administrator' : 'user'} ${user.email} (id ${user.id}). They can sign in at ${config.issuer}.\n`);
}
