/**
 * portico settings registration --mode open|off|initial_access_token [--ttl-days N] [--json]
 * Who may register clients at /oauth/register (RFC 7591): nobody, anyone (clients expire N days
 * after registration, default 30), or only with PORTICO_REGISTRATION_TOKEN. Running servers apply
 * it within moments, without a restart.
 */
import { loadConfig } from '../../lib/config.ts';
import { setRegistrationPolicy } from '../../lib/portal/set-registration-policy.ts';
import { oneOf, parseFlags, required } from '../args.ts';
import { withDatabase } from '../database.ts';
import { UsageError } from '../errors.ts';
import { printJson } from '../output.ts';
import type { CommandContext } from '../main.ts';

export const REGISTRATION_MODES = ['off', 'open', 'initial_access_token'] as const;
const MAX_TTL_DAYS = 3650;

export async function settingsRegistration(argv: string[], ctx: CommandContext): Promise<void> {
  const flags = parseFlags(argv, { mode: { type: 'string' }, 'ttl-days': { type: 'string' }, json: { type: 'boolean', default: false } });
  const mode = oneOf(required(flags.mode, '--mode'), REGISTRATION_MODES, '--mode')!;
  const ttlDays = flags['ttl-days'] === undefined ? undefined : parseDays(flags['ttl-days']);
  const config = loadConfig(ctx.env);
  const setting = await withDatabase(config, (db) => setRegistrationPolicy(db, { mode, ttlDays }));
  const tokenMissing = mode === 'initial_access_token' && !config.registrationToken;

  if (flags.json) {
    return printJson(ctx.out, { registration: { mode: setting.mode, open_client_ttl_days: setting.openClientTtlDays }, registration_token_set: !!config.registrationToken });
  }
  ctx.out(`${describeRegistration(setting)}\nRunning servers apply this within a few seconds; no restart is needed.\n`);
  if (tokenMissing) {
    ctx.out('Note: PORTICO_REGISTRATION_TOKEN is not set in this environment. The server needs it set, or registration stays off.\n');
  }
}

/** One sentence for people: what the setting means. */
export function describeRegistration(setting: { mode: (typeof REGISTRATION_MODES)[number]; openClientTtlDays: number }): string {
  switch (setting.mode) {
    case 'off':
      return 'Dynamic client registration is off: /oauth/register answers 404 and discovery does not list it.';
    case 'open':
      return `Dynamic client registration is open to anyone (limited per IP address); clients expire ${setting.openClientTtlDays} days after registration.`;
    case 'initial_access_token':
      return 'Dynamic client registration needs the initial access token (PORTICO_REGISTRATION_TOKEN) as a Bearer token.';
  }
}

function parseDays(value: string): number {
  const days = Number(value);
  if (!/^\d+$/.test(value) || days < 1 || days > MAX_TTL_DAYS) {
    throw new UsageError(`--ttl-days must be a whole number of days from 1 to ${MAX_TTL_DAYS} (got "${value}").`);
  }
  return days;
}
