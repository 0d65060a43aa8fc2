/**
 * Every rate limit of one instance (the budgets and why: policies.ts). With a Redis URL the
 * limits are shared by every instance that uses the same Redis and key prefix, so a guesser gains
 * nothing by spreading requests across instances; without one each instance counts alone. The
 * token endpoint's per-client limit always counts in memory, per instance: it sits on the hot
 * path and only has to stop runaway clients, which per-instance counting does.
 */
import type { Redis } from 'ioredis';
import { createKeyHasher } from './keys.ts';
import { createLimiter, type Limiter, type LimitStore } from './limiter.ts';
import { POLICIES, type LimitName } from './policies.ts';
import { closeRedis, connectRedis, redisReady } from './redis.ts';

export type { LimitDecision, Limiter } from './limiter.ts';
export { normaliseEmail } from './keys.ts';

export type RateLimits = Record<LimitName, Limiter> & {
  /** Resolves once shared counting works (at once in memory; when Redis first connects). */
  ready(): Promise<void>;
  close(): Promise<void>;
};

export type RateLimitOptions = {
  /** redis:// or rediss:// URL; unset = counts in this process's memory. */
  redisUrl?: string;
  /** Prefix of every Redis key; instances share counts only with the same prefix. */
  keyPrefix?: string;
  /** The server secret: Redis keys become HMACs under a key derived from it (keys.ts). */
  keySecret?: string;
  /** Overrides tokenPerClient's budget per second (PORTICO_TOKEN_RATE_LIMIT). */
  tokenRequestsPerSecond?: number;
};

const MEMORY_ONLY: ReadonlySet<LimitName> = new Set(['tokenPerClient']);

export function createRateLimits(options: RateLimitOptions = {}, log: (message: string) => void = console.error): RateLimits {
  const client: Redis | null = options.redisUrl ? connectRedis(options.redisUrl, (m) => log(`[portico] rate limits: ${m}`)) : null;
  const shared: LimitStore = client
    ? { kind: 'redis', client, keyPrefix: options.keyPrefix ?? 'portico:rl', hashKey: createKeyHasher(options.keySecret) }
    : { kind: 'memory' };
  const policy = (name: LimitName) =>
    name === 'tokenPerClient' && options.tokenRequestsPerSecond ? { ...POLICIES[name], points: options.tokenRequestsPerSecond } : POLICIES[name];
  const limiter = (name: LimitName) => createLimiter(policy(name), MEMORY_ONLY.has(name) ? { kind: 'memory' } : shared, log);
  return {
    signInPerIp: limiter('signInPerIp'),
    signInPerAccount: limiter('signInPerAccount'),
    currentPasswordPerAccount: limiter('currentPasswordPerAccount'),
    tokenPerClient: limiter('tokenPerClient'),
    registrationPerIp: limiter('registrationPerIp'),
    passwordResetPerIp: limiter('passwordResetPerIp'),
    passwordResetPerEmail: limiter('passwordResetPerEmail'),
    signUpPerIp: limiter('signUpPerIp'),
    userCodePerIp: limiter('userCodePerIp'),
    verificationEmailPerAccount: limiter('verificationEmailPerAccount'),
    ready: () => (client ? redisReady(client) : Promise.resolve()),
    close: () => (client ? closeRedis(client) : Promise.resolve()),
  };
}
