/**
 * The request id: a caller's X-Request-Id when it is short and made of safe characters (so a
 * proxy's id ties its logs to ours, and nothing odd reaches a log line or a response header),
 * else a fresh random UUID. The server echoes it in the response's x-request-id.
 */
import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function requestIdFrom(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && SAFE_ID.test(incoming) ? incoming : randomUUID();
}
