/**
 * The core's request and response (lib/oidc/http/message.ts) on Node's http module, with no Fetch
 * objects in between: headers are read from `req.headers`, the body is read only if an endpoint
 * asks for it, and responses are written with one writeHead.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { contentTooLarge } from '../oidc/errors.ts';
import type { HttpRequest, HttpResponse } from '../oidc/http/message.ts';

/** No request body on any path may exceed this (RFC 9110 §15.5.14: 413 otherwise). */
export const MAX_BODY_BYTES = 1024 * 1024;
const TOO_LARGE = `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`;
export const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;

/** A 413 decided from Content-Length alone, before any of the body is read; null when it fits. */
export function declaredBodyTooLarge(req: IncomingMessage) {
  const declared = Number(req.headers['content-length'] ?? 0);
  return declared > MAX_BODY_BYTES ? contentTooLarge(TOO_LARGE) : null;
}

export function nodeRequest(req: IncomingMessage, origin: string): HttpRequest {
  let body: Promise<string> | null = null;
  return {
    receivedAt: performance.now(),
    method: req.method ?? 'GET',
    url: origin + (req.url ?? '/'),
    headers: {
      get(name: string) {
        const value = req.headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    },
    text: () => (body ??= readBody(req)),
  };
}

/**
 * The body as text. Past MAX_BODY_BYTES it rejects with 413 and drops the rest as it arrives, so
 * the connection stays usable (a client still sending would otherwise see a reset, or leave the
 * next request on its connection stuck); past DRAIN_LIMIT_BYTES the connection is cut.
 */
function readBody(req: IncomingMessage): Promise<string> {
  if (req.method === 'GET' || req.method === 'HEAD') return Promise.resolve('');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (refused) {
        if (size > DRAIN_LIMIT_BYTES) req.destroy();
      } else if (size > MAX_BODY_BYTES) {
        refused = true;
        chunks.length = 0;
        reject(contentTooLarge(TOO_LARGE));
      } else chunks.push(chunk);
    });
    req.once('end', () => refused || resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
  });
}

export function writeResponse(res: ServerResponse, r: HttpResponse): void {
  const headers: OutgoingHttpHeaders = { ...r.headers };
  if (r.cookies?.length) headers['set-cookie'] = r.cookies;
  if (r.body !== null) headers['content-length'] = Buffer.byteLength(r.body);
  res.writeHead(r.status, headers);
  res.end(r.body ?? undefined);
}
