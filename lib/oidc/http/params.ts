/**
 * Request parameters for the protocol endpoints.
 * RFC 6749 §3.1 / §3.2: parameters sent without a value are treated as omitted, and
 * request and response parameters must not be included more than once.
 */
import { invalidRequest } from '../errors.ts';

export type Params = Map<string, string>;

export function toParams(search: URLSearchParams): Params {
  const params: Params = new Map();
  for (const [key, value] of search) {
    if (params.has(key)) throw invalidRequest(`The "${key}" parameter must not be included more than once.`);
    if (value !== '') params.set(key, value);
  }
  return params;
}

export function queryParams(request: Request): Params {
  return toParams(new URL(request.url).searchParams);
}

/** RFC 6749 §3.2: the token endpoint takes application/x-www-form-urlencoded POST bodies. */
export async function formParams(request: Request): Promise<Params> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    throw invalidRequest('The request body must be application/x-www-form-urlencoded.');
  }
  const body = await request.text();
  if (body.length > 64 * 1024) throw invalidRequest('The request body is too large.');
  return toParams(new URLSearchParams(body));
}

/** GET reads the query, POST the form body (OIDC Core §3.1.2.1 allows both for authorize/userinfo). */
export async function requestParams(request: Request): Promise<Params> {
  return request.method === 'POST' ? formParams(request) : queryParams(request);
}

export function required(params: Params, name: string): string {
  const value = params.get(name);
  if (value === undefined) throw invalidRequest(`The "${name}" parameter is required.`);
  return value;
}
