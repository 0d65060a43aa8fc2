/**
 * RFC 8628 §5.1: a user code is short enough to be guessed, so wrong entries are limited per IP
 * (userCodePerIp, lib/rate-limit/policies.ts). Each entry first takes a point, atomically, so
 * concurrent guesses cannot slip past a count read earlier; an entry that matched a code on record
 * (pending, expired or used) gives its point back, so only wrong codes count.
 */
import type { Limiter } from '../rate-limit/limiter.ts';

export type UserCodeRateLimited = { status: 'rate_limited'; retryAfterSeconds: number };

export async function guardUserCodeEntry<T extends { status: string }>(
  limiter: Limiter | undefined,
  ip: string | null,
  attempt: () => Promise<T>,
): Promise<T | UserCodeRateLimited> {
  if (!limiter || !ip) return attempt();
  const decision = await limiter.consume(ip);
  if (!decision.allowed) return { status: 'rate_limited', retryAfterSeconds: decision.retryAfterSeconds };
  const result = await attempt();
  if (result.status !== 'unknown') await limiter.reward(ip);
  return result;
}
