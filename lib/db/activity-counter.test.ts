import { describe, expect, it } from 'vitest';
import { activityCounter } from './activity-counter.ts';
import type { ActivityIncrement } from './activity.ts';

const at = (iso: string) => new Date(iso);
const inc = (clientId: string, tokens: number, iso = '2026-12-03T10:00:00Z'): ActivityIncrement => ({ clientId, signIns: 0, tokens, at: at(iso) });

describe('the activity counter', () => {
  it('merges what arrives while a write is under way into one next write, per app and day', async () => {
    const writes: ActivityIncrement[][] = [];
    let release = () => {};
    const counter = activityCounter(async (batch) => {
      writes.push(batch);
      if (writes.length === 1) await new Promise<void>((r) => (release = r));
    }, () => {}, 0);
    counter.add([inc('a', 1)]);
    await new Promise((r) => setTimeout(r, 10)); // the first write starts and waits
    counter.add([inc('a', 2), inc('b', 1)]);
    counter.add([inc('a', 3, '2026-12-03T11:00:00Z'), inc('a', 1, '2026-12-04T00:00:01Z')]);
    release();
    await counter.drain();
    expect(writes).toHaveLength(2);
    expect(writes[1]).toEqual([
      { clientId: 'a', signIns: 0, tokens: 5, at: at('2026-12-03T11:00:00Z') },
      { clientId: 'b', signIns: 0, tokens: 1, at: at('2026-12-03T10:00:00Z') },
      { clientId: 'a', signIns: 0, tokens: 1, at: at('2026-12-04T00:00:01Z') },
    ]);
  });

  it('writes at most once per interval, and at once when drained', async () => {
    const writes: ActivityIncrement[][] = [];
    const counter = activityCounter(async (batch) => void writes.push(batch), () => {}, 60_000);
    counter.add([inc('a', 1)]);
    await new Promise((r) => setTimeout(r, 20));
    counter.add([inc('a', 2)]);
    expect(writes).toHaveLength(0);
    await counter.drain();
    expect(writes).toEqual([[{ clientId: 'a', signIns: 0, tokens: 3, at: at('2026-12-03T10:00:00Z') }]]);
  });

  it('logs a failed write and goes on with the next', async () => {
    const logged: string[] = [];
    let calls = 0;
    const counter = activityCounter(async () => {
      if (++calls === 1) throw new Error('database gone');
    }, (message) => logged.push(message));
    counter.add([inc('a', 1)]);
    await counter.drain();
    counter.add([inc('a', 1)]);
    await counter.drain();
    expect(calls).toBe(2);
    expect(logged).toEqual(['could not record app activity']);
  });
});
