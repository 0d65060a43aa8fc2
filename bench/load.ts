/**
 * autocannon wrappers: a fixed request, or one driven per connection (each autocannon connection
 * gets its own closure, so it can keep state such as a refresh-token chain or take a fresh code).
 *
 * autocannon clears its `context` every time it wraps around its request list, so per-connection
 * state cannot live there: `setupClient` installs a per-connection request instead.
 */
import autocannon from 'autocannon';

export type LoadResult = {
  requests: number;
  durationS: number;
  /** Successful (2xx) responses per second: failed requests are counted apart, never as throughput. */
  rps: number;
  p50: number;
  p99: number;
  ok2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** Problems found by checking response bodies (e.g. a 200 without the expected field). */
  bodyProblems: number;
  /** A few non-2xx bodies, to say what went wrong. */
  sampleErrors: string[];
  /** The server's CPU time per request in µs (all its serving processes), when it could be read. */
  cpuUs?: number;
};

export type Conn = {
  /** Builds the next request; returns the body (and headers to merge), or null when out of work. */
  next(): { body?: string; headers?: Record<string, string> } | null;
  onResponse?(status: number, body: string): void;
};

export type LoadSpec = {
  url: string;
  path: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  connections: number;
  /** Seconds; ignored when `amount` is set. */
  duration?: number;
  amount?: number;
  /** Per-connection state; when absent every request is identical. */
  perConnection?: () => Conn;
  /** Checks a 2xx body; false counts as a body problem. */
  check?: (body: string) => boolean;
};

export async function load(spec: LoadSpec): Promise<LoadResult> {
  let bodyProblems = 0;
  let lastResponseAt = 0;
  const sampleErrors: string[] = [];
  const observe = (status: number, body: string) => {
    lastResponseAt = performance.now();
    if (status >= 200 && status < 300) {
      if (spec.check && !spec.check(body)) {
        bodyProblems++;
        if (sampleErrors.length < 3) sampleErrors.push(`${status} ${body.slice(0, 200)}`);
      }
    } else if (sampleErrors.length < 3) sampleErrors.push(`${status} ${body.slice(0, 200)}`);
  };
  const base = { method: spec.method, path: spec.path, headers: spec.headers, ...(spec.body !== undefined ? { body: spec.body } : {}) };
  const needBodies = Boolean(spec.check || spec.perConnection || spec.amount !== undefined);

  const options: autocannon.Options = {
    url: spec.url,
    connections: spec.connections,
    ...(spec.amount !== undefined ? { amount: spec.amount } : { duration: spec.duration ?? 10 }),
    timeout: 20,
    requests: [
      {
        ...base,
        ...(needBodies && !spec.perConnection ? { onResponse: (status: number, body: string) => observe(status, body) } : {}),
      },
    ],
  };
  if (spec.perConnection) {
    const factory = spec.perConnection;
    options.setupClient = (client) => {
      const conn = factory();
      client.setRequests([
        {
          ...base,
          setupRequest: (req) => {
            const next = conn.next() ?? { body: 'exhausted=1' };
            return { ...req, ...(next.body !== undefined ? { body: next.body } : {}), headers: { ...spec.headers, ...next.headers } };
          },
          onResponse: (status, body) => {
            observe(status, body);
            conn.onResponse?.(status, body);
          },
        },
      ]);
    };
  }

  const startedAt = performance.now();
  const r = await autocannon(options);
  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(r.statusCodeStats ?? {})) statusCodes[code] = stat?.count ?? 0;
  const requests = r.requests.total;
  // autocannon notices that an `amount` run is over only on its next 1 s tick: time it ourselves.
  const durationS = spec.amount !== undefined && lastResponseAt > startedAt ? (lastResponseAt - startedAt) / 1000 : r.duration;
  return {
    requests,
    durationS,
    rps: durationS > 0 ? r['2xx'] / durationS : 0,
    p50: r.latency.p50,
    p99: r.latency.p99,
    ok2xx: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes,
    bodyProblems,
    sampleErrors,
  };
}

export const failures = (r: LoadResult) => r.non2xx + r.errors + r.bodyProblems;
