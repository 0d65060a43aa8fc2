/**
 * One rate limit behind a small interface (rate-limiter-flexible stays in this file). Counts live
 * in the process's memory, or in Redis when instances must share them. Redis counts are atomic
 * (one Lua INCRBY per consume), so concurrent requests cannot all see room that is not there.
 *
 * Fail open: when Redis is unreachable or slow, the limit counts in an in-memory insurance limiter
 * with the same budget, per instance, rather than refusing sign-ins; any other store error lets
 * the request through and is logged (never the key, which may be an email or an IP address).
 */
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { LimitPolicy } from './policies.ts';

export type LimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface Limiter {
  /** Takes `points` (default 1) from the key's budget for the current window; refused once spent. */
  consume(key: string, points?: number): Promise<LimitDecision>;
  /** Gives points back (an attempt that turned out fine). */
  reward(key: string, points?: number): Promise<void>;
  /** Forgets the key's count. */
  reset(key: string): Promise<void>;
}

export type LimitStore =
  | { kind: 'memory' }
  | { kind: 'redis'; client: Redis; keyPrefix: string; hashKey: (key: string) => string };

export function createLimiter(policy: LimitPolicy, store: LimitStore, log: (message: string) => void = console.error): Limiter {
  const limiter = store.kind === 'redis' ? redisLimiter(policy, store) : memoryLimiter(policy);
  const storeKey = store.kind === 'redis' ? store.hashKey : (key: string) => key;
  const failOpen = (err: unknown) => log(`[portico] rate limit ${policy.name}: store error (${err instanceof Error ? err.name : 'unknown'}); not limiting this request`);
  return {
    async consume(key, points = 1) {
      try {
        await limiter.consume(storeKey(key), points);
        return { allowed: true };
      } catch (err) {
        if (err instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(err.msBeforeNext / 1000)) };
        failOpen(err);
        return { allowed: true };
      }
    },
    async reward(key, points = 1) {
      await limiter.reward(storeKey(key), points).catch(failOpen);
    },
    async reset(key) {
      await limiter.delete(storeKey(key)).catch(failOpen);
    },
  };
}

function memoryLimiter(policy: LimitPolicy): RateLimiterAbstract {
  return new RateLimiterMemory({ keyPrefix: policy.name, points: policy.points, duration: policy.durationSeconds });
}

function redisLimiter(policy: LimitPolicy, store: Extract<LimitStore, { kind: 'redis' }>): RateLimiterAbstract {
  return new RateLimiterRedis({
    storeClient: store.client,
    keyPrefix: `${store.keyPrefix}:${policy.name}`,
    points: policy.points,
    duration: policy.durationSeconds,
    rejectIfRedisNotReady: true,
    insuranceLimiter: memoryLimiter(policy),
  });
}
