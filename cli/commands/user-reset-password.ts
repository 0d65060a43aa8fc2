/**
 * portico user reset-password --email E [--json]
 *
 * For someone locked out (the first administrator whose generated password expired, or anyone
 * without working email): a new temporary password, printed once. It must be changed at the next
 * sign-in and stops working after 24 hours; every session of the account ends (apps are told,
 * back-channel logout) and its personal access tokens are revoked, as for a reset by email
 * (lib/account/issue-temporary-password.ts).
 */
import { issueTemporaryPassword } from '../../lib/account/issue-temporary-password.ts';
import { loadConfig } from '../../lib/config.ts';
import { deleteFirstAdminFile } from '../../lib/server/first-run.ts';
import { parseFlags, required } from '../args.ts';
import { withRuntime } from '../database.ts';
import { CliError } from '../errors.ts';
import { printJson } from '../output.ts';
import type { CommandContext } from '../main.ts';

export async function userResetPassword(argv: string[], ctx: CommandContext): Promise<void> {
  const flags = parseFlags(argv, { email: { type: 'string' }, json: { type: 'boolean', default: false } });
  const email = required(flags.email, '--email');
  const config = loadConfig(ctx.env);
  const issued = await withRuntime(config, async ({ db, provider }) => {
    const result = await issueTemporaryPassword(db, email);
    if (result) {
      // Back-channel logout for the sessions that ended; a slow or failing app does not stop the reset.
      await Promise.allSettled(result.endedSessions.map((sid) => provider.logout.sessionEnded(result.userId, sid)));
    }
    return result;
  });
  if (!issued) throw new CliError(`No account has the email address ${email}. Check the address, or create the account with "portico user create".`);
  // The clear-text first-run password, if this is that account, no longer works.
  deleteFirstAdminFile(config.dataDir, issued.email);
  if (flags.json) return printJson(ctx.out, { email: issued.email, password: issued.password, expires_at: issued.expiresAt.toISOString() });
  ctx.out(
    [
      `New temporary password for ${issued.email}: ${issued.password}`,
      `It works until ${issued.expiresAt.toISOString()} (24 hours), and they must choose a new password when they sign in at ${config.issuer}/login.`,
      'Every session of the account was signed out and its personal access tokens were revoked.',
      '',
    ].join('\n'),
  );
}
