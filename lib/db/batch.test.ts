import { describe, expect, it } from 'vitest';
import { batchedClaim, batchedLookup } from './batch.ts';

describe('group commit helpers', () => {
  it('runs one call per event-loop turn and answers each caller', async () => {
    const calls: string[][] = [];
    const find = batchedLookup(async (keys: string[]) => {
      calls.push(keys);
      return keys.filter((k) => k !== 'missing').map((k) => ({ k }));
    }, (r) => r.k);
    const results = await Promise.all(['a', 'b', 'a', 'missing'].map(find));
    expect(results).toEqual([{ k: 'a' }, { k: 'b' }, { k: 'a' }, null]);
    expect(calls).toEqual([['a', 'b', 'missing']]);
  });

  it('lets exactly one of two same-batch claims of a key win', async () => {
    const used = new Set<string>();
    const claim = batchedClaim(async (keys) => keys.filter((k) => !used.has(k) && used.add(k)));
    const at = new Date();
    expect(await Promise.all([claim({ key: 'x', at }), claim({ key: 'x', at }), claim({ key: 'y', at })])).toEqual([true, false, true]);
    expect(await claim({ key: 'x', at })).toBe(false);
  });

  it('fails every caller of a batch whose call fails', async () => {
    const find = batchedLookup(async () => Promise.reject(new Error('database down')), (r: { k: string }) => r.k);
    await expect(Promise.all([find('a'), find('b')])).rejects.toThrow('database down');
  });
});
