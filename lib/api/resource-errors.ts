/**
 * Validation problems of /api/v1/resources and /api-access bodies as 400 invalid_request, each
 * field by its name on the wire ("access_token_ttl: …", "scope: …"), whether the body's schema or
 * the use case (a taken identifier or scope name, a scope that was not requested) found it.
 */
import type { z } from 'zod';
import { ValidationError, type ValidationIssue } from '../portal/errors.ts';
import type { ApiHandler } from './context.ts';
import { BadRequest } from './responses.ts';

/** Use-case fields (camelCase) → wire names; the rest are the same on both sides. */
const WIRE_NAME: Record<string, string> = { tokenFormat: 'token_format', accessTokenTtl: 'access_token_ttl', openAccess: 'open_access', scopes: 'scope', clientIds: 'client_ids' };

function fieldName(path: readonly PropertyKey[]): string {
  const [head, ...rest] = path;
  if (head === undefined) return '';
  return (WIRE_NAME[String(head)] ?? String(head)) + rest.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
}

export function invalidBody(issues: readonly { path: readonly PropertyKey[]; message: string }[]): BadRequest {
  const description = issues.map((i) => (i.path.length ? `${fieldName(i.path)}: ${i.message}` : i.message)).join('; ');
  return new BadRequest('invalid_request', description || 'The request body is not valid.');
}

export function parseResourceBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body);
  if (!result.success) throw invalidBody(result.error.issues);
  return result.data;
}

/** The handler, with the use case's ValidationError reported in wire names. */
export const withWireNames = (handler: ApiHandler): ApiHandler => async (req) => {
  try {
    return await handler(req);
  } catch (err) {
    if (err instanceof ValidationError) throw invalidBody(err.issues as ValidationIssue[]);
    throw err;
  }
};
