/**
 * The token counts behind each app's activity chart (ClientActivity), written beside the tokens
 * rather than with them: every token of an app on one day increments one row, and a row lock held
 * through each token batch's commit would let only one batch commit at a time (on PostgreSQL a
 * quarter of client_credentials throughput). Counts wait here, merged per app and day, and one
 * upsert at most every FLUSH_INTERVAL_MS writes all that gathered meanwhile (a statement and a
 * commit per second, not per token batch). A crash can lose the counts of the last second; the
 * tokens themselves are stored before anyone receives them (lib/db/stores/tokens.ts).
 */
import { utcDay, type ActivityIncrement } from './activity.ts';
import type { Db } from './client.ts';
import { hotStoreOf } from './hot/index.ts';

export type ActivityCounter = {
  add(increments: ActivityIncrement[]): void;
  /** Resolves when everything added so far is written. */
  drain(): Promise<void>;
};

const counters = new WeakMap<Db, ActivityCounter>();

/** The counter of a database client, one per client (tests drain it before reading counts). */
export function activityCounterOf(db: Db, log: (message: string, err: unknown) => void = (m, err) => console.error(m, err)): ActivityCounter {
  let counter = counters.get(db);
  if (!counter) {
    counter = activityCounter((increments) => hotStoreOf(db).countActivity(increments), log);
    counters.set(db, counter);
  }
  return counter;
}

const FLUSH_INTERVAL_MS = 1000;

export function activityCounter(
  write: (increments: ActivityIncrement[]) => Promise<void>,
  log: (message: string, err: unknown) => void,
  intervalMs = FLUSH_INTERVAL_MS,
): ActivityCounter {
  let pending = new Map<string, ActivityIncrement>();
  let writing: Promise<void> | null = null;
  let startNow: (() => void) | null = null;

  async function writeAll(): Promise<void> {
    while (pending.size) {
      const batch = [...pending.values()];
      pending = new Map();
      await write(batch).catch((err: unknown) => log('could not record app activity', err));
    }
    writing = null;
  }

  /** Waits out the interval (or until drain() asks for the write now), then writes. */
  function scheduled(): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, intervalMs);
      timer.unref();
      startNow = () => {
        clearTimeout(timer);
        resolve();
      };
    }).then(() => {
      startNow = null;
      return writeAll();
    });
  }

  return {
    add(increments) {
      for (const i of increments) {
        const key = `${i.clientId}\u0000${utcDay(i.at)}`;
        const entry = pending.get(key);
        if (entry) {
          entry.signIns += i.signIns;
          entry.tokens += i.tokens;
          if (i.at > entry.at) entry.at = i.at;
        } else pending.set(key, { ...i });
      }
      writing ??= scheduled();
    },
    drain: () => {
      startNow?.();
      return writing ?? Promise.resolve();
    },
  };
}
