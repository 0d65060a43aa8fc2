/**
 * The production server: protocol endpoints are served straight from the core's
 * `(HttpRequest) => Promise<HttpResponse>` functions (Next's router costs ~40x on the hot path, see
 * README "Performance"); /healthz and /readyz are answered here too; every other path — portal,
 * sign-in, consent, assets — goes to Next.js, which runs in a process of its own (web-app.ts) so
 * that this one never loads it. Every request gets a request id, security headers, one log line
 * and its metrics (lib/observability/); with PORTICO_METRICS_PORT a second listener serves /metrics.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Config } from '../config.ts';
import { scheduleCleanup } from '../db/cleanup.ts';
import { stampClientIp } from './client-ip.ts';
import { protocolRoute } from './handlers.ts';
import { invalidRequest, OAuthError } from '../oidc/errors.ts';
import { errorJson, errorPage } from '../oidc/http/responses.ts';
import { declaredBodyTooLarge, DRAIN_LIMIT_BYTES, nodeRequest, writeResponse } from './node-http.ts';
import type { HttpResponse } from '../oidc/http/message.ts';
import { preparePageSecurity, setCommonSecurityHeaders } from './security-headers.ts';
import { getRuntime } from './runtime.ts';
import { startWebApp } from './web-app.ts';
import { databaseCheck, isHealthPath, serveHealth, signingKeysCheck } from '../observability/health.ts';
import { processLogger } from '../observability/logger.ts';
import { createMetrics, type RouteLabel } from '../observability/metrics.ts';
import { startMetricsServer } from '../observability/metrics-server.ts';
import { createRequestObserver } from '../observability/request-log.ts';

export async function startHttpServer(config: Config, dir: string): Promise<{ close(): Promise<void>; port: number }> {
  const runtime = await getRuntime();
  const logger = processLogger(config.logLevel);
  const metrics = createMetrics();
  const observe = createRequestObserver(logger, metrics);
  const readinessChecks = { database: databaseCheck(runtime.db), signingKeys: signingKeysCheck(runtime.provider.keys) };
  const onCheckFailure = (check: string, err: unknown) => logger.warn({ check, err }, 'readiness check failed');
  const web = await startWebApp(dir, logger);
  const origin = new URL(config.issuer).origin;
  const httpsIssuer = config.issuer.startsWith('https://');
  const stopCleanup = scheduleCleanup(runtime.db, () => new Date());

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]!;
    stampClientIp(req, config.trustedProxies);
    const decodable = isDecodable(path);
    const name = decodable ? protocolRoute(path) : undefined;
    const route: RouteLabel = !decodable ? 'other' : (name ?? (isHealthPath(path) ? 'health' : 'next'));
    const requestId = observe(req, res, route);
    setCommonSecurityHeaders(res, httpsIssuer);
    try {
      if (!decodable) return writeResponse(res, errorFor(path, invalidRequest('The URL is malformed (invalid percent-encoding).')));
      const tooLarge = declaredBodyTooLarge(req);
      if (tooLarge) return await refuseBody(req, res, path, tooLarge);
      if (route === 'health') return await serveHealth(req, res, path, readinessChecks, { onFailure: onCheckFailure });
      if (!name) {
        preparePageSecurity(req, res);
        return web.handle(req, res);
      }
      writeResponse(res, await runtime.provider.endpoints[name](nodeRequest(req, origin)));
    } catch (err) {
      // A body that grew past the limit while it was read (no or a false Content-Length).
      if (err instanceof OAuthError && !res.headersSent) return await refuseBody(req, res, path, err);
      logger.error({ err, requestId, route }, 'request failed');
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify({ error: 'server_error', error_description: 'The server encountered an unexpected error.' }));
      } else res.destroy();
    }
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const metricsServer = config.metricsPort === undefined ? null : await startMetricsServer(metrics, config.metricsPort, config.host).catch((err) => {
    stopCleanup();
    server.close();
    void web.close();
    throw err;
  });
  return {
    port,
    close: async () => {
      stopCleanup();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await Promise.all([closed, metricsServer?.close(), web.close()]);
    },
  };
}

const DRAIN_MS = 5_000;

function isDecodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * An error in the format the caller of `path` expects: JSON for APIs and protocol endpoints, a page
 * for browsers. Used where Next.js would answer a bare 500 (an undecodable path, an oversized body).
 */
function errorFor(path: string, err: OAuthError): HttpResponse {
  const json = path.startsWith('/api/') || path.startsWith('/.well-known/') || (path.startsWith('/oauth/') && path !== '/oauth/authorize' && path !== '/oauth/end-session');
  return json ? errorJson(err) : errorPage(err);
}

/**
 * Answers a refused body, then closes the connection. The rest of the body is read and dropped
 * first (up to DRAIN_LIMIT_BYTES, for DRAIN_MS at most), because a client still writing when the socket
 * closes sees a reset instead of the 413.
 */
async function refuseBody(req: IncomingMessage, res: ServerResponse, path: string, err: OAuthError): Promise<void> {
  await new Promise<void>((resolve) => {
    let drained = 0;
    const done = () => {
      clearTimeout(timer);
      req.removeAllListeners('data');
      resolve();
    };
    const timer = setTimeout(done, DRAIN_MS);
    req.on('data', (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > DRAIN_LIMIT_BYTES) done();
    });
    req.once('end', done);
    req.once('error', done);
    if (req.readableEnded) done();
  });
  res.setHeader('connection', 'close');
  writeResponse(res, errorFor(path, err));
}
