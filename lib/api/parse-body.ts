/** A request body checked against a schema; problems become 400 invalid_request naming each field. */
import type { z } from 'zod';
import { requestError } from './responses.ts';

export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body);
  if (!result.success) throw requestError(result.error.issues, 'request');
  return result.data;
}
