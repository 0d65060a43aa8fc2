/**
 * NIST SP 800-63B §5.1.1.2: a new password is compared against a list of values known to be
 * commonly used, and refused when it is on it. The list is lib/account/common-passwords.txt:
 * the 10,000 most frequent passwords of the zxcvbn 4.4.2 npm package's `passwords` frequency list
 * (MIT; from Mark Burnett's 10 million password corpus), one per line, lower-case, most common
 * first. The comparison is case-insensitive ("Password1" is as guessable as "password1").
 *
 * The list stays on the server: node:fs is reached through process.getBuiltinModule, so the
 * browser bundle (forms validate with the same schema for instant feedback) never carries it.
 * There the check passes and the server action, parsing the same schema, refuses.
 */
const LIST_PATH = 'lib/account/common-passwords.txt';

let list: Set<string> | undefined;

function loadList(): Set<string> | undefined {
  const getBuiltin = typeof process === 'object' ? process.getBuiltinModule : undefined;
  if (typeof getBuiltin !== 'function') return undefined; // the browser
  const fs = getBuiltin('node:fs') as typeof import('node:fs');
  const path = getBuiltin('node:path') as typeof import('node:path');
  const url = getBuiltin('node:url') as typeof import('node:url');
  // Beside this module when it runs from source (the CLI, tsx, tests, whatever the working
  // directory); from the project root inside the Next.js bundle, where modules are relocated.
  const candidates = [path.join(process.cwd(), LIST_PATH)];
  if (import.meta.url.startsWith('file:')) candidates.unshift(path.join(path.dirname(url.fileURLToPath(import.meta.url)), '..', '..', LIST_PATH));
  const file = candidates.find((c) => fs.existsSync(c));
  if (!file) throw new Error(`The common-password list is missing (${LIST_PATH}); reinstall Portico.`);
  const text = fs.readFileSync(file, 'utf8');
  return new Set(text.split('\n').map((line) => line.trim().toLowerCase()).filter(Boolean));
}

/** True when the password (any case) is on the bundled list. Always false in the browser. */
export function isCommonPassword(password: string): boolean {
  list ??= loadList();
  return list?.has(password.toLowerCase()) ?? false;
}
