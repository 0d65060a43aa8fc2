/**
 * How the CLI reports failure: one short paragraph on stderr, never a stack trace.
 * Exit 2 for usage mistakes (wrong command or flags), exit 1 for everything else.
 */
import { ZodError } from 'zod';
import { DuplicateEmailError } from '../lib/account/create-user.ts';
import { ConfigError } from '../lib/config.ts';

/** The command line itself is wrong: exit 2 with a pointer to the usage text. */
export class UsageError extends Error {}

/** A failure whose message is already written for the person at the terminal. */
export class CliError extends Error {}

/** Schema fields as the flags that set them, so a validation message names what to change. */
const FLAG_FOR_FIELD: Record<string, string> = {
  name: '--name',
  email: '--email',
  password: '--password',
  isAdmin: '--admin',
  type: '--type',
  redirectUris: '--redirect-uri',
  postLogoutRedirectUris: '--post-logout-redirect-uri',
  scope: '--scope',
  accessTokenFormat: '--access-token-format',
};

export function describeError(err: unknown): { message: string; exitCode: 1 | 2 } {
  if (err instanceof UsageError) return { message: `${err.message}\nRun "portico help" for usage.`, exitCode: 2 };
  if (err instanceof ConfigError) {
    return { message: `${err.message}\nFix these environment variables (see .env.example) and run the command again.`, exitCode: 1 };
  }
  if (err instanceof ZodError) {
    const lines = err.issues.map((issue) => {
      const field = String(issue.path[0] ?? '');
      const flag = FLAG_FOR_FIELD[field] ?? field;
      return flag ? `  ${flag}: ${issue.message}` : `  ${issue.message}`;
    });
    return { message: `Invalid input:\n${lines.join('\n')}\nCorrect the values and run the command again.`, exitCode: 1 };
  }
  if (err instanceof DuplicateEmailError) return { message: `${err.message} Choose another --email.`, exitCode: 1 };
  if (err instanceof CliError) return { message: err.message, exitCode: 1 };
  if (isFileSystemError(err)) return { message: `${reason(err)}. ${FILE_SYSTEM_HINT}`, exitCode: 1 };
  return { message: `Unexpected error: ${reason(err)}`, exitCode: 1 };
}

/** Error codes (Node, pg, Prisma, driver adapters) that mean "could not reach or open the database". */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH',
  'P1000', 'P1001', 'P1002', 'P1003', 'P1010', 'P1017',
  '28P01', '28000', '3D000', '57P03',
  'SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_PERM', 'SQLITE_NOTADB',
  'DatabaseNotReachable', 'DatabaseDoesNotExist', 'DatabaseAccessDenied', 'AuthenticationFailed', 'SocketTimeout',
]);

export function isConnectionError(err: unknown): boolean {
  for (const e of causes(err)) {
    const { code, kind } = e as { code?: unknown; kind?: unknown };
    if (CONNECTION_CODES.has(String(code)) || CONNECTION_CODES.has(String(kind))) return true;
  }
  return false;
}

const FILE_SYSTEM_CODES = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'ENOENT', 'EISDIR', 'ENOSPC']);
export const FILE_SYSTEM_HINT = 'Check that PORTICO_DATA_DIR (default ./data) is a directory this user can write.';

/** The data directory or SQLite file cannot be created, read or written. */
export function isFileSystemError(err: unknown): boolean {
  const { code, syscall } = (err ?? {}) as { code?: unknown; syscall?: unknown };
  return typeof syscall === 'string' && FILE_SYSTEM_CODES.has(String(code));
}

/** The most useful one-line reason: the first non-empty message along the cause chain. */
export function reason(err: unknown): string {
  for (const e of causes(err)) {
    const message = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
    const lines = message.split('\n').map((line) => line.trim()).filter(Boolean);
    // Prisma's messages open with "Invalid `db.x.y()` invocation in" and a code frame; the cause is last.
    const line = /^Invalid `.*` invocation/.test(lines[0] ?? '') ? lines.at(-1) : lines[0];
    if (line) return line;
    const code = (e as { code?: unknown } | null)?.code;
    if (code) return String(code);
  }
  return String(err);
}

function* causes(err: unknown): Generator<unknown> {
  const seen = new Set<unknown>();
  const queue = [err];
  while (queue.length) {
    const e = queue.shift();
    if (e === undefined || e === null || seen.has(e)) continue;
    seen.add(e);
    yield e;
    if (typeof e === 'object') {
      queue.push((e as { cause?: unknown }).cause);
      const nested = (e as { errors?: unknown }).errors;
      if (Array.isArray(nested)) queue.push(...nested);
    }
  }
}
