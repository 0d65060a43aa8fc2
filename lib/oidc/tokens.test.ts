import { describe, expect, it } from 'vitest';
import { randomClientId } from './tokens.ts';

describe('randomClientId', () => {
  it('never starts with "-" or "_" (a command line would take it for an option), yet keeps 128 bits', () => {
    const ids = Array.from({ length: 5000 }, () => randomClientId());
    expect(ids.filter((id) => !/^[A-Za-z0-9]/.test(id))).toEqual([]);
    expect(ids.every((id) => id.length === 22)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
