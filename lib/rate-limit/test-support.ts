/**
 * For tests that use the real Redis at 127.0.0.1:6379 (local and CI machines run one): a key
 * prefix of their own per run, and removal of every key under it afterwards.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

export const TEST_REDIS_URL = process.env.PORTICO_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export const testKeyPrefix = () => `portico-test:${randomUUID()}`;

export async function withRedis<T>(run: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    return await run(redis);
  } finally {
    redis.disconnect();
  }
}

export const keysUnder = (prefix: string) => withRedis((redis) => redis.keys(`${prefix}:*`));

export async function deleteKeysUnder(prefix: string): Promise<void> {
  await withRedis(async (redis) => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  });
}
