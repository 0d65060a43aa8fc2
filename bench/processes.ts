/**
 * The child processes this benchmark starts, so each is stopped by its own pid at the end — also
 * when the run fails or is interrupted. Nothing else is ever signalled.
 */
import type { ChildProcess } from 'node:child_process';

const children = new Set<ChildProcess>();
const cleanups: (() => Promise<void> | void)[] = [];

export function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Extra work to do at the end (temp data, databases), last registered first. */
export function onCleanup(fn: () => Promise<void> | void): void {
  cleanups.push(fn);
}

/** SIGTERM, then SIGKILL after `graceMs` if the child is still there. */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const pid = child.pid;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      clearTimeout(timer);
      resolve();
    }
  });
}

let cleaning: Promise<void> | null = null;

export function cleanupAll(): Promise<void> {
  cleaning ??= (async () => {
    await Promise.all([...children].map((c) => stopChild(c)));
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (err) {
        console.error(`cleanup failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the servers this benchmark started…`);
    void cleanupAll().finally(() => process.exit(130));
  });
}
