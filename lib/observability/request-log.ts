/**
 * Per request: a request id (request-id.ts) set on the request and echoed in the response's
 * x-request-id, then, once the response is complete, one log line and the metrics. It watches
 * the Node response itself ('close': after the last byte, or when the client went away first),
 * so it serves every request alike, whoever answers it: protocol endpoints, health checks or Next.js.
 * The line holds method, path without the query (a query may carry a code or token), route,
 * status, duration in ms, request id and client IP (lib/server/client-ip.ts); never a body.
 * Server errors (5xx) are logged at warn, health probes at debug so they do not drown the rest.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CLIENT_IP_HEADER } from '../server/client-ip.ts';
import { lineWriter, type LineValue, type Logger } from './logger.ts';
import type { HttpMetrics, RouteLabel } from './metrics.ts';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id.ts';

export type ObserveRequest = (req: IncomingMessage, res: ServerResponse, route: RouteLabel) => string;

/** Returns `observe(req, res, route)`, which starts watching a request and returns its id. */
export function createRequestObserver(logger: Logger, metrics: HttpMetrics): ObserveRequest {
  const write = lineWriter(logger);
  return (req, res, route) => {
    const started = performance.now();
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    req.headers[REQUEST_ID_HEADER] = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const record = () => {
      const seconds = (performance.now() - started) / 1000;
      const aborted = !res.writableFinished;
      metrics.observe(route, req.method, aborted ? 'aborted' : res.statusCode, seconds);
      const line: Record<string, LineValue> = {
        requestId,
        method: req.method ?? null,
        path: (req.url ?? '/').split('?')[0]!,
        route,
        status: res.statusCode,
        durationMs: Math.round(seconds * 1e6) / 1000,
        clientIp: (req.headers[CLIENT_IP_HEADER] as string | undefined) ?? null,
        ...(aborted ? { aborted: true } : {}),
      };
      write(route === 'health' ? 'debug' : res.statusCode >= 500 && !aborted ? 'warn' : 'info', line, 'request');
    };
    res.once('close', record); // emitted once the response is complete, or the connection went first
    return requestId;
  };
}
