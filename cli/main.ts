/**
 * The portico CLI: picks the command from the first words, hands it the remaining flags, and turns
 * any failure into one paragraph on stderr (exit 1, or 2 for usage mistakes). bin/portico.mjs runs it.
 */
import { bootstrap } from './commands/bootstrap.ts';
import { clientCreate } from './commands/client-create.ts';
import { clientUpdate } from './commands/client-update.ts';
import { clientUnverify, clientVerify } from './commands/client-verify.ts';
import { dbMigrate } from './commands/db-migrate.ts';
import { keysRotate } from './commands/keys-rotate.ts';
import { resourceApprove } from './commands/resource-approve.ts';
import { resourceCreate } from './commands/resource-create.ts';
import { resourceDefault } from './commands/resource-default.ts';
import { resourceList } from './commands/resource-list.ts';
import { resourceScopeAdd } from './commands/resource-scope-add.ts';
import { settingsRegistration } from './commands/settings-registration.ts';
import { settingsShow } from './commands/settings-show.ts';
import { userCreate } from './commands/user-create.ts';
import { userResetPassword } from './commands/user-reset-password.ts';
import { describeError, UsageError } from './errors.ts';
import type { Out } from './output.ts';
import { USAGE } from './usage.ts';

export type CommandContext = { env: Record<string, string | undefined>; out: Out };
type Command = (argv: string[], ctx: CommandContext) => Promise<void>;

const COMMANDS: Record<string, Command> = {
  'user create': userCreate,
  'user reset-password': userResetPassword,
  'client create': clientCreate,
  'client update': clientUpdate,
  'client verify': clientVerify,
  'client unverify': clientUnverify,
  bootstrap,
  'keys rotate': keysRotate,
  'db migrate': dbMigrate,
  'resources create': resourceCreate,
  'resources list': resourceList,
  'resources scope add': resourceScopeAdd,
  'resources approve': resourceApprove,
  'resources default': resourceDefault,
  'settings show': settingsShow,
  'settings registration': settingsRegistration,
};

const HELP = new Set(['help', '--help', '-h']);

export async function main(
  argv: string[],
  env: Record<string, string | undefined> = process.env,
  out: Out = (text) => void process.stdout.write(text),
  err: Out = (text) => void process.stderr.write(text),
): Promise<number> {
  if (argv.length === 0 || argv.some((arg) => HELP.has(arg))) {
    out(USAGE);
    return 0;
  }
  try {
    const [name, rest] = findCommand(argv);
    await COMMANDS[name]!(rest, { env, out });
    return 0;
  } catch (error) {
    const { message, exitCode } = describeError(error);
    err(`portico: ${message}\n`);
    return exitCode;
  }
}

function findCommand(argv: string[]): [string, string[]] {
  const [first = '', second = '', third = ''] = argv;
  if (`${first} ${second} ${third}` in COMMANDS) return [`${first} ${second} ${third}`, argv.slice(3)];
  if (`${first} ${second}` in COMMANDS) return [`${first} ${second}`, argv.slice(2)];
  if (first in COMMANDS) return [first, argv.slice(1)];
  const subcommands = Object.keys(COMMANDS).filter((name) => name.startsWith(`${first} `));
  if (subcommands.length) {
    const known = subcommands.map((name) => `"portico ${name}"`).join(', ');
    throw new UsageError(second ? `Unknown command "${first} ${second}". Did you mean ${known}?` : `"${first}" needs a subcommand: ${known}.`);
  }
  throw new UsageError(`Unknown command "${first}".`);
}
