/**
 * Request parameters for the protocol endpoints.
 * RFC 6749 §3.1 / §3.2: parameters sent without a value are treated as omitted, and
 * request and response parameters must not be included more than once — except `resource`,
 * which RFC 8707 §2 lets a client repeat: its values are kept space-separated under one key
 * (a URI holds no spaces, so a value that does is refused here as invalid_target).
 */
import { contentTooLarge, invalidRequest, invalidTarget, methodNotAllowed } from '../errors.ts';
import type { HttpRequest } from './message.ts';

/** Form bodies above this are refused (a protocol request is a few hundred bytes; request objects a few KB). */
export const MAX_FORM_BYTES = 64 * 1024;

export type Params = Map<string, string>;

export function toParams(search: URLSearchParams): Params {
  const params: Params = new Map();
  for (const [key, value] of search) {
    if (key === 'resource' && value !== '') {
      if (/\s/.test(value)) throw invalidTarget('A resource must be an absolute URI (RFC 8707 §2); this one contains whitespace.');
      const before = params.get(key);
      params.set(key, before === undefined ? value : `${before} ${value}`);
      continue;
    }
    if (params.has(key)) throw invalidRequest(`The "${key}" parameter must not be included more than once.`);
    if (value !== '') params.set(key, value);
  }
  return params;
}

export function queryParams(request: HttpRequest): Params {
  return toParams(new URL(request.url).searchParams);
}

/** RFC 6749 §3.2: the token endpoint takes application/x-www-form-urlencoded POST bodies. */
export async function formParams(request: HttpRequest): Promise<Params> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    throw invalidRequest('The request body must be application/x-www-form-urlencoded.');
  }
  const body = await request.text();
  if (body.length > MAX_FORM_BYTES) throw contentTooLarge(`The request body is larger than ${MAX_FORM_BYTES / 1024} KB.`);
  return toParams(new URLSearchParams(body));
}

/** GET reads the query, POST the form body (OIDC Core §3.1.2.1 allows both for authorize/userinfo). */
export async function requestParams(request: HttpRequest): Promise<Params> {
  if (request.method === 'POST') return formParams(request);
  if (request.method === 'GET') return queryParams(request);
  throw methodNotAllowed(`${request.method} is not supported here: use GET or POST.`, 'GET, POST');
}

export function required(params: Params, name: string): string {
  const value = params.get(name);
  if (value === undefined) throw invalidRequest(`The "${name}" parameter is required.`);
  return value;
}
