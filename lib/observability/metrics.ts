/**
 * Prometheus metrics on a registry of Portico's own (not prom-client's global one, so two servers
 * or test files in one process never collide): Node process defaults plus, per request,
 * portico_http_requests_total{route,method,status} and
 * portico_http_request_duration_seconds{route,method}.
 * Every label is bounded, whatever clients send: `route` is a protocol endpoint name or a fixed
 * bucket (health, next, other), never the path; `method` a standard verb or "other"; `status` a
 * status code or "aborted" (the client went away before the response was complete).
 */
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { Provider } from '../oidc/provider.ts';

export type RouteLabel = keyof Provider['endpoints'] | 'health' | 'next' | 'other';

export type HttpMetrics = {
  observe(route: RouteLabel, method: string | undefined, status: number | 'aborted', seconds: number): void;
  /** The exposition text for GET /metrics, and its content type. */
  render(): Promise<string>;
  contentType: string;
};

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics(): HttpMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'portico_http_requests_total',
    help: 'HTTP requests answered, by route (endpoint name or bucket), method and status.',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'portico_http_request_duration_seconds',
    help: 'Time from receiving a request to sending the last byte of its response.',
    labelNames: ['route', 'method'] as const,
    buckets: BUCKETS,
    registers: [registry],
  });
  // prom-client hashes a label object on every call; the label sets are few, so keep their children.
  const counters = new Map<string, { inc(): void }>();
  const timers = new Map<string, { observe(seconds: number): void }>();
  return {
    observe(route, method, status, seconds) {
      const verb = method && METHODS.has(method) ? method : 'other';
      const series = `${route} ${verb}`;
      const counted = `${series} ${status}`;
      let counter = counters.get(counted);
      if (!counter) counters.set(counted, (counter = requests.labels({ route, method: verb, status: String(status) })));
      let timer = timers.get(series);
      if (!timer) timers.set(series, (timer = duration.labels({ route, method: verb })));
      counter.inc();
      timer.observe(seconds);
    },
    render: () => registry.metrics(),
    contentType: registry.contentType,
  };
}
