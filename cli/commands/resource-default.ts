/**
 * portico resources default <identifier> | --none [--json]
 * The default API (the `default_resource` setting): the audience of tokens requested without an
 * RFC 8707 resource parameter. Only an operator-managed API can be the default.
 */
import { loadConfig } from '../../lib/config.ts';
import { setDefaultResource } from '../../lib/portal/set-default-resource.ts';
import { parseFlagsAndArguments } from '../args.ts';
import { withDatabase } from '../database.ts';
import { UsageError } from '../errors.ts';
import type { CommandContext } from '../main.ts';
import { printJson } from '../output.ts';
import { describeFailure } from './resource-errors.ts';

const OPTIONS = { none: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } } as const;
const NOT_FOUND_HINT = 'The default must be an operator-managed API: create it with "portico resources create", or see them with "portico resources list".';

export async function resourceDefault(argv: string[], ctx: CommandContext): Promise<void> {
  const none = argv.includes('--none');
  if (none && argv.some((a) => !a.startsWith('-'))) throw new UsageError('Give either an <identifier> or --none, not both.');
  const { flags, args } = parseFlagsAndArguments(argv, OPTIONS, none ? [] : ['identifier']);
  const identifier = none ? null : args[0]!;
  const result = await withDatabase(loadConfig(ctx.env), (db) => setDefaultResource(db, identifier)).catch((err: unknown) => {
    throw describeFailure(err, {}, NOT_FOUND_HINT);
  });
  if (flags.json) return printJson(ctx.out, { default_resource: result.identifier });
  ctx.out(
    result.identifier
      ? `Tokens requested without a resource are now for "${result.name}" (${result.identifier}), on every server within seconds.\n`
      : 'No default API: tokens requested without a resource are for sign-in only, with no API audience.\n',
  );
}
