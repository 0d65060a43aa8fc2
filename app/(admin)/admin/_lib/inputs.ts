/** The ids and small values console actions receive from the browser, checked before any use case runs. */
import { z } from 'zod';
import { ValidationError } from '@/lib/portal/errors';

export const idInput = z.string().min(1).max(200);

/** Parses `value` or throws a ValidationError whose message says what to do (shown by failure()). */
export function parseId(value: unknown, what: string): string {
  const parsed = idInput.safeParse(value);
  if (!parsed.success) throw ValidationError.of('', `That ${what} could not be found. Reload the page and try again.`);
  return parsed.data;
}
