/**
 * The Redis connection behind shared rate limits. It must never hold up a request: the offline
 * queue is off and commands time out quickly, so while Redis is down or slow every call fails at
 * once and the limiter falls back to its in-memory insurance (limiter.ts). ioredis keeps
 * reconnecting in the background. The outage is logged once, by error code only: the URL may
 * carry a password.
 */
import { Redis } from 'ioredis';

const COMMAND_TIMEOUT_MS = 500;
const CONNECT_TIMEOUT_MS = 2_000;

export function connectRedis(url: string, log: (message: string) => void): Redis {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
  });
  let healthy = true;
  client.on('ready', () => {
    if (!healthy) log('Redis is reachable again: rate limits are shared across instances again.');
    healthy = true;
  });
  client.on('error', (err: unknown) => {
    if (!healthy) return;
    healthy = false;
    log(`Redis is unreachable (${errorCode(err)}): rate limits count in each instance's memory until it is back.`);
  });
  return client;
}

/** Resolves once the client is connected (it may never be: callers bound the wait). */
export function redisReady(client: Redis): Promise<void> {
  return client.status === 'ready' ? Promise.resolve() : new Promise((resolve) => client.once('ready', () => resolve()));
}

export async function closeRedis(client: Redis): Promise<void> {
  if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
  else client.disconnect();
}

function errorCode(err: unknown): string {
  const code = err && typeof err === 'object' && 'code' in err ? err.code : undefined;
  return typeof code === 'string' ? code : err instanceof Error ? err.name : 'unknown error';
}
