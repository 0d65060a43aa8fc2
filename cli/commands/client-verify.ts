/**
 * portico client verify <client_id> [--json]
 * portico client unverify <client_id> [--json]
 * The operator vouches (or stops vouching) for who runs an app; the consent screen shows it.
 */
import { loadConfig } from '../../lib/config.ts';
import { NotFoundError } from '../../lib/portal/errors.ts';
import { setClientVerified } from '../../lib/portal/set-client-verified.ts';
import { parseFlagsAndArgument } from '../args.ts';
import { withDatabase } from '../database.ts';
import { CliError } from '../errors.ts';
import { printJson } from '../output.ts';
import type { CommandContext } from '../main.ts';

export const clientVerify = (argv: string[], ctx: CommandContext) => setVerified(argv, ctx, true);
export const clientUnverify = (argv: string[], ctx: CommandContext) => setVerified(argv, ctx, false);

async function setVerified(argv: string[], ctx: CommandContext, verified: boolean): Promise<void> {
  const { flags, argument: clientId } = parseFlagsAndArgument(argv, { json: { type: 'boolean', default: false } }, 'client_id');
  const config = loadConfig(ctx.env);
  const result = await withDatabase(config, (db) => setClientVerified(db, clientId, verified)).catch((err: unknown) => {
    if (err instanceof NotFoundError) throw new CliError(`No application has the client ID "${clientId}". Check the ID (the portal shows it on the app's page) and run the command again.`);
    throw err;
  });
  if (flags.json) return printJson(ctx.out, { client_id: result.id, client_name: result.name, verified: result.verified, changed: result.changed });
  if (!result.changed) {
    ctx.out(`"${result.name}" (${result.id}) was already ${verified ? 'verified' : 'not verified'}; nothing changed.\n`);
    return;
  }
  ctx.out(
    verified
      ? `Verified "${result.name}" (${result.id}). Within a few seconds the consent screen tells users that you have checked who runs this app.\n`
      : `"${result.name}" (${result.id}) is no longer verified. Within a few seconds the consent screen tells users to continue only if they trust it.\n`,
  );
}
