/**
 * portico settings show [--json]
 * The operator settings as the server reads them: stored values, or the defaults from the
 * environment where none was stored.
 */
import { loadConfig } from '../../lib/config.ts';
import { parseFlags } from '../args.ts';
import { withRuntime } from '../database.ts';
import { printJson } from '../output.ts';
import type { CommandContext } from '../main.ts';
import { describeRegistration } from './settings-registration.ts';

export async function settingsShow(argv: string[], ctx: CommandContext): Promise<void> {
  const flags = parseFlags(argv, { json: { type: 'boolean', default: false } });
  const config = loadConfig(ctx.env);
  const settings = await withRuntime(config, ({ stores }) => stores.settings.get());
  const { registration } = settings;
  const tokenSet = !!config.registrationToken;

  if (flags.json) {
    return printJson(ctx.out, {
      default_resource: settings.defaultResource,
      registration: { mode: registration.mode, open_client_ttl_days: registration.openClientTtlDays },
      registration_token_set: tokenSet,
    });
  }
  const rows: [string, string][] = [
    ['Default API', settings.defaultResource ?? '(none: tokens without a resource are for sign-in only)'],
    ['Registration', registration.mode],
    ['Open client TTL', `${registration.openClientTtlDays} days`],
    ['Initial token', tokenSet ? 'PORTICO_REGISTRATION_TOKEN is set' : 'PORTICO_REGISTRATION_TOKEN is not set in this environment'],
  ];
  ctx.out(`${rows.map(([label, value]) => `  ${`${label}:`.padEnd(18)}${value}`).join('\n')}\n${describeRegistration(registration)}\n`);
}
