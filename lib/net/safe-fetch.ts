/**
 * An outbound request for URLs chosen by untrusted parties: GET for client ID metadata documents,
 * POST for back-channel logout tokens. The rules:
 * - https only; http only when the caller says so (`allowHttp`).
 * - The host is resolved here, and every address it resolves to must be a public one
 *   (special-addresses.ts: loopback, private, link-local and cloud metadata, CGNAT, multicast, …,
 *   also in IPv4-mapped IPv6 form). The connection then goes to the address that was checked: the
 *   agent's `lookup` answers with it, so a second DNS answer cannot swap in another (DNS rebinding).
 *   TLS still verifies the certificate against the host name.
 * - `allowedHosts` names exact host:port pairs an operator permits although they resolve to
 *   internal addresses (a metadata service inside the network, tests). It is not an off switch:
 *   every other host is still checked.
 * - Redirects are never followed: a 3xx is an error (draft-ietf-oauth-client-id-metadata-document §5).
 * - The whole exchange (DNS, connect, TLS, headers, body) has one deadline, and the body a size
 *   cap; a declared Content-Length over the cap is refused before reading (§8.7).
 * - `acceptContentType` may refuse a successful (2xx) response by its Content-Type before its body
 *   is read; other statuses are returned for the caller to judge.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { specialAddress } from './special-addresses.ts';

export type ResolvedAddress = { address: string; family: 4 | 6 };

export type SafeFetchOptions = {
  /** GET (default) or POST with `body`, whose Content-Type goes in `headers`. */
  method?: 'GET' | 'POST';
  body?: string;
  /** Permit http: URLs (never for client ID metadata documents). */
  allowHttp?: boolean;
  /** Exact "host:port" pairs (IPv6 in brackets) that may resolve to internal addresses. */
  allowedHosts?: readonly string[];
  /** Largest body read, in bytes; default 64 KB. */
  maxBytes?: number;
  /** Deadline for the whole exchange, in milliseconds; default 5 s. */
  timeoutMs?: number;
  headers?: Record<string, string>;
  /** Refuses a 2xx response by its Content-Type (null when absent) before the body is read. */
  acceptContentType?: (contentType: string | null) => boolean;
  /** Extra trust anchors for TLS (tests use a self-signed certificate). */
  ca?: string | Buffer | (string | Buffer)[];
  /** DNS resolution; default: the system resolver (tests substitute answers). */
  resolve?: (hostname: string) => Promise<ResolvedAddress[]>;
};

export type SafeFetchResponse = { status: number; headers: IncomingHttpHeaders; body: Buffer };

export type SafeFetchErrorCode =
  | 'invalid_url'
  | 'scheme'
  | 'forbidden_address'
  | 'dns'
  | 'timeout'
  | 'too_large'
  | 'redirect'
  | 'content_type'
  | 'network';

export class SafeFetchError extends Error {
  constructor(
    readonly code: SafeFetchErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const DEFAULT_MAX_BYTES = 64 * 1024;
export const DEFAULT_TIMEOUT_MS = 5000;

export async function safeFetch(target: string, options: SafeFetchOptions = {}): Promise<SafeFetchResponse> {
  const url = parseTarget(target, options);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  let onTimeout: () => void = () => {};
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new SafeFetchError('timeout', `No complete answer from ${url.host} within ${timeoutMs} ms.`));
    }, timeoutMs);
  });
  deadline.catch(() => {});
  try {
    const pinned = await Promise.race([checkedAddress(url, options), deadline]);
    return await Promise.race([request(url, pinned, options, (abort) => (onTimeout = abort)), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function parseTarget(target: string, options: SafeFetchOptions): URL {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new SafeFetchError('invalid_url', 'Not an absolute URL.');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && options.allowHttp)) {
    throw new SafeFetchError('scheme', `Only https URLs are fetched (got ${url.protocol}).`);
  }
  if (url.username || url.password) throw new SafeFetchError('invalid_url', 'URLs with credentials are not fetched.');
  return url;
}

const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');
const portOf = (url: URL) => Number(url.port || (url.protocol === 'https:' ? 443 : 80));

function isAllowListed(url: URL, allowed: readonly string[] | undefined): boolean {
  if (!allowed?.length) return false;
  const pair = `${url.hostname}:${portOf(url)}`.toLowerCase();
  return allowed.some((entry) => entry.trim().toLowerCase() === pair);
}

/** The one address the connection will use, after every address of the host passed the check. */
async function checkedAddress(url: URL, options: SafeFetchOptions): Promise<ResolvedAddress> {
  const host = hostOf(url);
  const literal = isIP(host);
  let addresses: ResolvedAddress[];
  if (literal) {
    addresses = [{ address: host, family: literal as 4 | 6 }];
  } else {
    try {
      addresses = await (options.resolve ?? systemResolve)(host);
    } catch {
      throw new SafeFetchError('dns', `The host ${host} could not be resolved.`);
    }
    if (!addresses.length) throw new SafeFetchError('dns', `The host ${host} has no addresses.`);
  }
  if (!isAllowListed(url, options.allowedHosts)) {
    // Every answer is checked, not just the first: a mixed answer is refused as a whole.
    for (const { address } of addresses) {
      const problem = specialAddress(address);
      if (problem) throw new SafeFetchError('forbidden_address', `${host} resolves to ${address}, a ${problem} address, which is not fetched.`);
    }
  }
  return addresses[0]!;
}

async function systemResolve(host: string): Promise<ResolvedAddress[]> {
  const answers = await dnsLookup(host, { all: true, verbatim: true });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
}

function request(url: URL, pinned: ResolvedAddress, options: SafeFetchOptions, setAbort: (abort: () => void) => void): Promise<SafeFetchResponse> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  // The connection may only go to the checked address, whatever name it is asked to resolve.
  const lookup: LookupFunction = (_hostname, lookupOptions, callback) => {
    if ((lookupOptions as { all?: boolean }).all) (callback as (e: null, a: ResolvedAddress[]) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  const secure = url.protocol === 'https:';
  const agent = secure
    ? new https.Agent({ keepAlive: false, maxSockets: 1, lookup, ...(options.ca ? { ca: options.ca } : {}) })
    : new http.Agent({ keepAlive: false, maxSockets: 1, lookup });
  return new Promise<SafeFetchResponse>((resolve, reject) => {
    const fail = (err: unknown) => {
      reject(err instanceof SafeFetchError ? err : new SafeFetchError('network', `Reading the answer of ${url.host} failed.`));
      req.destroy();
    };
    const req = (secure ? https : http).request(
      {
        host: hostOf(url),
        port: portOf(url),
        path: `${url.pathname}${url.search}`,
        method: options.method ?? 'GET',
        agent,
        headers: {
          'accept-encoding': 'identity', 'user-agent': 'Portico', ...options.headers, host: url.host,
          ...(options.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(options.body)) }),
        },
      },
      (res) => readResponse(res, url, maxBytes, options).then(resolve, fail),
    );
    setAbort(() => req.destroy());
    req.on('error', (err) => reject(err instanceof SafeFetchError ? err : new SafeFetchError('network', `Fetching ${url.host} failed: ${err.message}`)));
    req.end(options.body);
  }).finally(() => agent.destroy());
}

async function readResponse(res: IncomingMessage, url: URL, maxBytes: number, options: SafeFetchOptions): Promise<SafeFetchResponse> {
  const status = res.statusCode ?? 0;
  if (status >= 300 && status < 400) {
    res.resume();
    throw new SafeFetchError('redirect', `${url.host} answered with a redirect (${status}); redirects are not followed.`);
  }
  const contentType = res.headers['content-type'] ?? null;
  if (status >= 200 && status < 300 && options.acceptContentType && !options.acceptContentType(contentType)) {
    res.resume();
    throw new SafeFetchError('content_type', `${url.host} answered with Content-Type ${contentType ?? '(none)'}, which is not accepted.`);
  }
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    res.resume();
    throw new SafeFetchError('too_large', `The response is larger than ${maxBytes} bytes.`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new SafeFetchError('too_large', `The response is larger than ${maxBytes} bytes.`);
    chunks.push(chunk as Buffer);
  }
  return { status, headers: res.headers, body: Buffer.concat(chunks) };
}
