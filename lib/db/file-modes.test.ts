/**
 * Issue 12, finding 7: the data directory and the SQLite files (database, -wal, -shm) are readable
 * by their owner only, whatever the umask: created so (0700, 0600), and tightened on start when an
 * older version left them open. The start-up sequence is the one scripts/start.ts runs: load the
 * configuration, restrict the data directory, migrate, open the runtime, create the first admin.
 */
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { ensureFirstAdmin } from '../server/first-run.ts';
import { createRuntime } from '../server/runtime.ts';
import { restrictDataDirectory } from './file-modes.ts';
import { migrateDatabase } from './migrate.ts';

const root = mkdtempSync(path.join(tmpdir(), 'portico-modes-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const modeOf = (file: string) => statSync(file).mode & 0o777;

/** What `npm start` does before it listens (scripts/start.ts). */
async function startUp(dataDir: string) {
  const config = loadConfig({ PORTICO_DATA_DIR: dataDir, PORT: '3998' });
  restrictDataDirectory(config.dataDir);
  await migrateDatabase(config.databaseUrl);
  const runtime = await createRuntime(config);
  await ensureFirstAdmin(runtime.db, config.dataDir);
  // A write, so SQLite has its write-ahead log and shared-memory files open.
  await runtime.db.user.updateMany({ data: { name: 'Administrator' } });
  return { config, runtime };
}

describe('file modes after start-up', () => {
  const dataDir = path.join(root, 'nested', 'data');
  const db = path.join(dataDir, 'portico.db');

  it('creates the data directory 0700 and the database, its -wal and -shm files 0600', async () => {
    // The usual umask (022) would leave new files readable by everyone.
    expect(process.umask() & 0o077).not.toBe(0o077);
    const { runtime } = await startUp(dataDir);
    try {
      expect(modeOf(dataDir)).toBe(0o700);
      for (const file of [db, `${db}-wal`, `${db}-shm`]) {
        expect(existsSync(file), file).toBe(true);
        expect(modeOf(file), file).toBe(0o600);
      }
      expect(modeOf(path.join(dataDir, 'secret'))).toBe(0o600);
      expect(modeOf(path.join(dataDir, 'first-admin.txt'))).toBe(0o600);
    } finally {
      await runtime.db.$disconnect();
    }
  });

  it('tightens what an earlier version left readable by others', async () => {
    chmodSync(dataDir, 0o755);
    for (const file of [db, `${db}-wal`, `${db}-shm`].filter(existsSync)) chmodSync(file, 0o644);
    const { runtime } = await startUp(dataDir);
    try {
      expect(modeOf(dataDir)).toBe(0o700);
      for (const file of [db, `${db}-wal`, `${db}-shm`]) expect(modeOf(file), file).toBe(0o600);
    } finally {
      await runtime.db.$disconnect();
    }
  });

  it('creates a database outside the data directory 0600 too, in a new directory of mode 0700', async () => {
    const elsewhere = path.join(root, 'elsewhere', 'db', 'portico.db');
    await migrateDatabase(`file:${elsewhere}`);
    expect(modeOf(path.dirname(elsewhere))).toBe(0o700);
    expect(modeOf(elsewhere)).toBe(0o600);
  });
});
