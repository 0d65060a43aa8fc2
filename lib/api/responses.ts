/**
 * The REST API's one place for responses: JSON with Cache-Control: no-store (bodies can carry
 * secrets), and every failure as `{ error, error_description }`:
 * - 400 invalid_redirect_uri / invalid_client_metadata (RFC 7591 §3.2.2) for client metadata,
 *   invalid_request for other bodies;
 * - 401 / 403 insufficient_scope for the bearer token (RFC 6750 §3.1, authenticate.ts);
 * - 403 forbidden when the role is too low; 404 not_found for unknown and not-visible ids alike;
 * - anything unexpected: 500 server_error, logged, with no internals in the body.
 */
import { json } from '../oidc/http/responses.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../portal/errors.ts';
import { metadataError, type Issue } from '../validation/client-metadata-errors.ts';
import { type HttpRequest, type HttpResponse } from '../oidc/http/message.ts';

export { json };

export const apiError = (status: number, error: string, description: string, headers: Record<string, string> = {}) =>
  json({ error, error_description: description }, status, headers);

/** Thrown by handlers for a bad request body; becomes a 400 (or the given status) with the given code. */
export class BadRequest extends Error {
  constructor(readonly code: string, description: string, readonly status = 400) {
    super(description);
  }
}

/** How a ValidationError's issues are reported: client metadata codes, or invalid_request. */
export type IssueFormat = 'client_metadata' | 'request';

export function requestError(issues: readonly Issue[], format: IssueFormat): BadRequest {
  const { error, error_description } = metadataError(issues);
  return new BadRequest(format === 'client_metadata' ? error : 'invalid_request', error_description);
}

export function errorResponse(err: unknown, format: IssueFormat = 'client_metadata'): HttpResponse {
  if (err instanceof BadRequest) return apiError(err.status, err.code, err.message);
  if (err instanceof ValidationError) return errorResponse(requestError(err.issues, format));
  if (err instanceof NotFoundError) return apiError(404, 'not_found', err.message);
  if (err instanceof ForbiddenError) return apiError(403, 'forbidden', err.message);
  console.error('[portico] API request failed', err);
  return apiError(500, 'server_error', 'The server encountered an unexpected error. Try again; if it persists, contact the operator.');
}

const MAX_BODY_BYTES = 64 * 1024;

/** The request body as a JSON object (an empty body is {}). */
export async function readJsonObject(request: HttpRequest): Promise<Record<string, unknown>> {
  const text = await request.text();
  // RFC 9110 §15.5.14 and §15.5.16.
  if (text.length > MAX_BODY_BYTES) throw new BadRequest('invalid_request', `The body is larger than ${MAX_BODY_BYTES / 1024} KB.`, 413);
  if (text.trim() === '') return {};
  if (!/^application\/([\w.+-]*\+)?json\s*(;|$)/i.test(request.headers.get('content-type') ?? '')) {
    throw new BadRequest('unsupported_media_type', 'Send the body as JSON with Content-Type: application/json.', 415);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new BadRequest('invalid_request', 'The body is not valid JSON. Send a JSON object with Content-Type: application/json.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new BadRequest('invalid_request', 'The body must be a JSON object.');
  return body as Record<string, unknown>;
}
