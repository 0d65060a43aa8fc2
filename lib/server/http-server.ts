/**
 * The production server: protocol endpoints are served straight from their
 * `(Request) => Promise<Response>` functions (Next's router costs ~40x on the hot path, see README
 * "Performance"); every other path — portal, sign-in, consent, assets — goes to Next.js.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import next from 'next';
import type { Config } from '../config.ts';
import { scheduleCleanup } from '../db/cleanup.ts';
import { stampClientIp } from './client-ip.ts';
import { protocolRoute } from './handlers.ts';
import { invalidRequest } from '../oidc/errors.ts';
import { errorJson, errorPage } from '../oidc/http/responses.ts';
import { sendResponse, toRequest } from './node-http.ts';
import { getRuntime } from './runtime.ts';

export async function startHttpServer(config: Config, dir: string): Promise<{ close(): Promise<void>; port: number }> {
  const runtime = await getRuntime();
  const app = next({ dev: false, dir, hostname: 'localhost', port: config.port });
  await app.prepare();
  const nextHandler = app.getRequestHandler();
  const origin = new URL(config.issuer).origin;
  const stopCleanup = scheduleCleanup(runtime.db, () => new Date());

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (!isDecodable(path)) return void sendResponse(res, malformedUrl(path));
    stampClientIp(req, config.trustedProxies);
    const name = protocolRoute(path);
    if (!name) return void nextHandler(req, res);
    try {
      const response = await runtime.provider.endpoints[name](await toRequest(req, origin));
      await sendResponse(res, response);
    } catch (err) {
      console.error('[portico] request failed', err);
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify({ error: 'server_error', error_description: 'The server encountered an unexpected error.' }));
      }
    }
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        stopCleanup();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function isDecodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** Next.js answers an undecodable path with a bare 500; answer 400 in the format the caller expects. */
function malformedUrl(path: string): Response {
  const err = invalidRequest('The URL is malformed (invalid percent-encoding).');
  return path.startsWith('/api/') || path.startsWith('/oauth/') ? errorJson(err) : errorPage(err);
}
