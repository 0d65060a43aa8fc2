/**
 * How the resources commands report a refused input: the use case's field errors as the flags or
 * arguments that set them, and "not found" with where to look. Everything else goes to
 * cli/errors.ts as usual.
 */
import { NotFoundError, ValidationError } from '../../lib/portal/errors.ts';
import type { ApiResourceRef } from '../../lib/portal/api-resource-types.ts';
import { CliError } from '../errors.ts';

/** An API named on the command line: its identifier (a URI) or its id (api_…). */
export const resourceRef = (value: string): ApiResourceRef => (value.includes('://') ? { identifier: value } : { id: value });

export function describeFailure(err: unknown, flags: Record<string, string>, notFoundHint: string): unknown {
  if (err instanceof ValidationError) {
    const lines = err.issues.map((i) => {
      const field = String(i.path[0] ?? '');
      const flag = flags[field] ?? field;
      return flag ? `  ${flag}: ${i.message}` : `  ${i.message}`;
    });
    return new CliError(`Invalid input:\n${lines.join('\n')}\nCorrect the values and run the command again.`);
  }
  if (err instanceof NotFoundError) return new CliError(`${err.message.replace(', or you do not have access to it.', '.')} ${notFoundHint}`);
  return err;
}
