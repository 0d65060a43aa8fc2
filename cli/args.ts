/** Flag parsing for every command: node:util parseArgs, strict, no positionals. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseFlags<T extends Options>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
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
