import { afterAll, describe, expect, it } from 'vitest';
import { createKeyHasher } from './keys.ts';
import { createLimiter, type LimitStore } from './limiter.ts';
import { closeRedis, connectRedis, redisReady } from './redis.ts';
import { deleteKeysUnder, keysUnder, TEST_REDIS_URL, testKeyPrefix } from './test-support.ts';

const prefix = testKeyPrefix();
const logs: string[] = [];
const redis = connectRedis(TEST_REDIS_URL, (m) => logs.push(m));
afterAll(async () => {
  await deleteKeysUnder(prefix);
  await closeRedis(redis);
});

const stores: [string, () => Promise<LimitStore>][] = [
  ['memory', async () => ({ kind: 'memory' })],
  ['redis', async () => (await redisReady(redis), { kind: 'redis', client: redis, keyPrefix: prefix, hashKey: createKeyHasher('limiter-test-secret') })],
];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(stores)('a limiter counting in %s', (kind, store) => {
  it('refuses once the budget is spent and says when to come back', async () => {
    const limiter = createLimiter({ name: `budget-${kind}`, points: 3, durationSeconds: 60 }, await store());
    for (let i = 0; i < 3; i++) expect(await limiter.consume('ada@example.com')).toEqual({ allowed: true });
    const refused = await limiter.consume('ada@example.com');
    expect(refused).toMatchObject({ allowed: false });
    if (refused.allowed) throw new Error('unreachable');
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    // Another key has a budget of its own.
    expect(await limiter.consume('grace@example.com')).toEqual({ allowed: true });
  });

  it('takes several points at once, gives points back, and forgets a key on reset', async () => {
    const limiter = createLimiter({ name: `reward-${kind}`, points: 3, durationSeconds: 60 }, await store());
    expect(await limiter.consume('k', 3)).toEqual({ allowed: true });
    expect(await limiter.consume('k')).toMatchObject({ allowed: false });
    await limiter.reset('k');
    expect(await limiter.consume('k', 3)).toEqual({ allowed: true });
    await limiter.reward('k');
    expect(await limiter.consume('k')).toEqual({ allowed: true });
    expect(await limiter.consume('k')).toMatchObject({ allowed: false });
  });

  it('lets the key through again once its window has passed', async () => {
    const limiter = createLimiter({ name: `window-${kind}`, points: 1, durationSeconds: 1 }, await store());
    expect(await limiter.consume('k')).toEqual({ allowed: true });
    expect(await limiter.consume('k')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    await sleep(1_100);
    expect(await limiter.consume('k')).toEqual({ allowed: true });
  });

  it('counts concurrent requests exactly', async () => {
    const limiter = createLimiter({ name: `concurrent-${kind}`, points: 10, durationSeconds: 60 }, await store());
    const decisions = await Promise.all(Array.from({ length: 40 }, () => limiter.consume('k')));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
  });
});

describe('keys in Redis', () => {
  it('hold no email or IP address in clear', async () => {
    const limiter = createLimiter({ name: 'clear', points: 5, durationSeconds: 60 }, await stores[1]![1]());
    await limiter.consume('ada@example.com');
    await limiter.consume('203.0.113.7');
    const keys = await keysUnder(`${prefix}:clear`);
    expect(keys).toHaveLength(2);
    // The test's own prefix is a random UUID (it may well contain "ada"): look past it.
    for (const key of keys) expect(key.slice(`${prefix}:clear`.length)).not.toMatch(/ada|example|203\.0/);
  });

  it('differ with the secret, so a guessed address cannot be confirmed without it', () => {
    expect(createKeyHasher('one secret')('ada@example.com')).not.toBe(createKeyHasher('another secret')('ada@example.com'));
    expect(createKeyHasher(undefined)('ada@example.com')).not.toContain('ada');
  });
});
