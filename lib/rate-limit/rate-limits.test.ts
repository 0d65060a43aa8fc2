import { afterAll, describe, expect, it } from 'vitest';
import { createRateLimits, type RateLimits } from './index.ts';
import { POLICIES, type LimitName } from './policies.ts';
import { deleteKeysUnder, TEST_REDIS_URL, testKeyPrefix } from './test-support.ts';

const prefix = testKeyPrefix();
const opened: RateLimits[] = [];
const logs: string[] = [];
afterAll(async () => {
  await Promise.all(opened.map((limits) => limits.close()));
  await deleteKeysUnder(prefix);
});

async function open(options: Parameters<typeof createRateLimits>[0] = {}): Promise<RateLimits> {
  const limits = createRateLimits(options, (m) => logs.push(m));
  opened.push(limits);
  return limits;
}
const shared = async () => {
  const limits = await open({ redisUrl: TEST_REDIS_URL, keyPrefix: prefix, keySecret: 'rate-limits-test-secret' });
  await limits.ready();
  return limits;
};
const NAMES = Object.keys(POLICIES) as LimitName[];

describe.each([
  ['memory', () => open()],
  ['redis', shared],
])('every limit, counting in %s', (_kind, make) => {
  it.each(NAMES)('%s refuses past its budget and reports when to retry', async (name) => {
    const limits = await make();
    const { points, durationSeconds } = POLICIES[name];
    expect(await limits[name].consume('198.51.100.1', points)).toEqual({ allowed: true });
    const refused = await limits[name].consume('198.51.100.1');
    expect(refused).toMatchObject({ allowed: false });
    if (refused.allowed) throw new Error('unreachable');
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(durationSeconds);
  });
});

describe('several instances', () => {
  it('share counts through one Redis', async () => {
    const [a, b] = [await shared(), await shared()];
    const { points } = POLICIES.signInPerAccount;
    for (let i = 0; i < points; i++) expect(await (i % 2 ? a : b).signInPerAccount.consume('ada@example.com')).toEqual({ allowed: true });
    expect(await a.signInPerAccount.consume('ada@example.com')).toMatchObject({ allowed: false });
    expect(await b.signInPerAccount.consume('ada@example.com')).toMatchObject({ allowed: false });
  });

  it('count alone in memory', async () => {
    const [a, b] = [await open(), await open()];
    expect(await a.signUpPerIp.consume('198.51.100.2', POLICIES.signUpPerIp.points)).toEqual({ allowed: true });
    expect(await a.signUpPerIp.consume('198.51.100.2')).toMatchObject({ allowed: false });
    expect(await b.signUpPerIp.consume('198.51.100.2')).toEqual({ allowed: true });
  });

  it("keep the token endpoint's per-client count in each instance's memory, even with Redis", async () => {
    const [a, b] = [await shared(), await shared()];
    expect(await a.tokenPerClient.consume('client-1', POLICIES.tokenPerClient.points)).toEqual({ allowed: true });
    expect(await a.tokenPerClient.consume('client-1')).toMatchObject({ allowed: false });
    expect(await b.tokenPerClient.consume('client-1')).toEqual({ allowed: true });
  });
});

describe('a Redis outage', () => {
  it('never throws out of a limiter: counts fall back to memory with the same budget', async () => {
    const limits = await open({ redisUrl: 'redis://127.0.0.1:1', keyPrefix: prefix });
    const { points } = POLICIES.signInPerAccount;
    for (let i = 0; i < points; i++) expect(await limits.signInPerAccount.consume('ada@example.com')).toEqual({ allowed: true });
    expect(await limits.signInPerAccount.consume('ada@example.com')).toMatchObject({ allowed: false });
    await expect(limits.signInPerAccount.reward('ada@example.com')).resolves.toBeUndefined();
    await expect(limits.signInPerAccount.reset('ada@example.com')).resolves.toBeUndefined();
    expect(await limits.signInPerAccount.consume('ada@example.com')).toEqual({ allowed: true });
  });

  it('is logged without the URL or any key', async () => {
    const limits = await open({ redisUrl: 'redis://user:hunter2-secret@127.0.0.1:1', keyPrefix: prefix });
    await limits.passwordResetPerEmail.consume('grace@example.com');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(logs.some((line) => line.includes('Redis is unreachable'))).toBe(true);
    expect(logs.join('\n')).not.toMatch(/hunter2|grace@|ada@/);
  });
});
