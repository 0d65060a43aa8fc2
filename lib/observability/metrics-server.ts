/**
 * The metrics listener (PORTICO_METRICS_PORT): a port of its own so the public one never exposes
 * metrics. It answers GET /metrics with the exposition text and 404 to everything else.
 */
import { createServer } from 'node:http';
import type { HttpMetrics } from './metrics.ts';

export type MetricsServer = { port: number; close(): Promise<void> };

export async function startMetricsServer(metrics: HttpMetrics, port: number, host: string): Promise<MetricsServer> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' || path !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found. Metrics are at GET /metrics.\n');
      return;
    }
    metrics.render().then(
      (text) => res.writeHead(200, { 'content-type': metrics.contentType, 'cache-control': 'no-store' }).end(text),
      () => res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Metrics could not be collected.\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
