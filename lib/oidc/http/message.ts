/**
 * The core's own request and response, as small as the endpoints need. A Fetch `Request` fits
 * `HttpRequest` as it is (Next.js route files pass theirs straight in), and the production
 * server passes a lighter object read straight off Node's request (lib/server/node-http.ts):
 * building Fetch Request/Response objects costs more than the protocol work on the hot path.
 * Responses are plain values with string bodies; `toFetchResponse` turns one into a Fetch
 * `Response` for Next.js, and the Node server writes them directly.
 */
export interface HttpRequest {
  readonly method: string;
  /** The absolute URL. */
  readonly url: string;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
  /** When the request arrived (`performance.now()`), where the server knows it: lets the stores reuse what they read after it. */
  readonly receivedAt?: number;
}

export type HttpResponse = {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** Set-Cookie values, one header line each. */
  cookies?: string[];
  body: string | null;
};

export type Endpoint = (request: HttpRequest) => Promise<HttpResponse>;

export function response(status: number, body: string | null, headers: Record<string, string> = {}, cookies?: string[]): HttpResponse {
  return cookies?.length ? { status, headers, cookies, body } : { status, headers, body };
}

export function toFetchResponse(r: HttpResponse): Response {
  const headers = new Headers(r.headers);
  for (const cookie of r.cookies ?? []) headers.append('set-cookie', cookie);
  return new Response(r.body, { status: r.status, headers });
}

/** For route files: the same endpoint, taking and giving Fetch objects. */
export function fetchEndpoint(endpoint: Endpoint): (request: Request) => Promise<Response> {
  return async (request) => toFetchResponse(await endpoint(request));
}
