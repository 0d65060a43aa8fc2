/** Flag parsing for every command: node:util parseArgs, strict; positionals only where a command names one. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseFlags<T extends Options>(argv: string[], options: T) {
  return parseStrict(() => parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values);
}

/** Flags plus exactly one positional argument, e.g. `client verify <client_id>`. */
export function parseFlagsAndArgument<T extends Options>(argv: string[], options: T, argument: string) {
  const { values, positionals } = parseStrict(() => parseArgs({ args: argv, options, strict: true, allowPositionals: true }));
  const [value, ...extra] = positionals;
  if (value === undefined) throw new UsageError(`Missing <${argument}>.`);
  if (extra.length) throw new UsageError(`Expected one <${argument}>, got ${positionals.length}: ${positionals.join(' ')}.`);
  return { flags: values, argument: value };
}

/** Flags plus exactly the named positional arguments, in order, e.g. `resources scope add <resource> <name>`. */
export function parseFlagsAndArguments<T extends Options>(argv: string[], options: T, names: readonly string[]) {
  const { values, positionals } = parseStrict(() => parseArgs({ args: argv, options, strict: true, allowPositionals: true }));
  const missing = names.slice(positionals.length);
  if (missing.length) throw new UsageError(`Missing ${missing.map((n) => `<${n}>`).join(' ')}.`);
  if (positionals.length > names.length) {
    throw new UsageError(names.length ? `Expected ${names.map((n) => `<${n}>`).join(' ')}, got ${positionals.length} arguments: ${positionals.join(' ')}.` : `Unexpected argument: ${positionals.join(' ')}.`);
  }
  return { flags: values, args: positionals };
}

function parseStrict<R>(parse: () => R): R {
  try {
    return parse();
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      // Keep the first sentence: node's hint about "--" does not apply to these commands.
      throw new UsageError((err as Error).message.split('. ')[0]!.replace(/\.?$/, '.'));
    }
    throw err;
  }
}

export function required<V>(value: V | undefined, flag: string): V {
  if (value === undefined) throw new UsageError(`Missing ${flag}.`);
  return value;
}

export function oneOf<const A extends readonly string[]>(value: string | undefined, allowed: A, flag: string): A[number] | undefined {
  if (value === undefined || allowed.includes(value)) return value as A[number] | undefined;
  throw new UsageError(`${flag} must be one of: ${allowed.join(', ')} (got "${value}").`);
}
