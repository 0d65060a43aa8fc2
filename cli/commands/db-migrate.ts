/** portico db migrate: apply pending migrations (every other command does this first too). */
import { loadConfig } from '../../lib/config.ts';
import { parseFlags } from '../args.ts';
import { describeDatabase, migrate } from '../database.ts';
import type { CommandContext } from '../main.ts';

export async function dbMigrate(argv: string[], ctx: CommandContext): Promise<void> {
  parseFlags(argv, {});
  const config = loadConfig(ctx.env);
  await migrate(config);
  ctx.out(`The database ${describeDatabase(config.databaseUrl)} is up to date.\n`);
}
