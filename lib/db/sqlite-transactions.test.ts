/**
 * Two processes on one SQLite file (a second instance, or the CLI beside `npm start`): a Prisma
 * transaction that reads and then writes must not fail because the other process committed in
 * between. With the adapter's deferred BEGIN it did, at once, with SQLITE_BUSY_SNAPSHOT (the
 * REST API answered 500 to client creation while another instance issued tokens).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createPrismaClient, type Db } from './client.ts';
import { migrateDatabase } from './migrate.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'portico-tx-'));
const file = path.join(dir, 'portico.db');
let db: Db | undefined;
afterAll(async () => {
  await db?.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

/** Another process that inserts a row when told to ("go" on stdin) and says "done" once committed. */
function otherWriter() {
  const script = `
    const db = new (require('better-sqlite3'))(${JSON.stringify(file)}, { timeout: 5000 });
    process.stdout.write('ready\\n');
    process.stdin.once('data', () => { db.prepare("INSERT INTO probe (origin) VALUES ('other')").run(); process.stdout.write('done\\n'); process.exit(0); });`;
  const child = spawn(process.execPath, ['-e', script], { cwd: process.cwd(), stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  const waitFor = (word: string, ms: number) =>
    new Promise<boolean>((resolve) => {
      const check = () => output.includes(word) && (clearTimeout(timer), child.stdout.off('data', onData), resolve(true));
      const onData = (d: Buffer) => ((output += d), check());
      const timer = setTimeout(() => (child.stdout.off('data', onData), resolve(false)), ms);
      child.stdout.on('data', onData);
      check();
    });
  return { child, waitFor, go: () => child.stdin.write('go\n') };
}

it('a transaction that reads, then writes, survives a commit by another process in between', async () => {
  const url = `file:${file}`;
  await migrateDatabase(url);
  db = await createPrismaClient(url);
  await db.$executeRawUnsafe('CREATE TABLE probe (origin TEXT NOT NULL)');
  const other = otherWriter();
  expect(await other.waitFor('ready', 10_000)).toBe(true);

  await db.$transaction(async (tx) => {
    await tx.$queryRawUnsafe('SELECT count(*) FROM probe'); // the transaction has read
    other.go();
    // With the write lock taken at BEGIN the other process waits for our commit; without it,
    // it commits now and our write below finds its snapshot stale.
    await other.waitFor('done', 500);
    await tx.$executeRawUnsafe("INSERT INTO probe (origin) VALUES ('transaction')");
  });
  await once(other.child, 'exit');
  const rows = await db.$queryRawUnsafe<{ origin: string }[]>('SELECT origin FROM probe ORDER BY rowid');
  expect(rows.map((r) => r.origin)).toEqual(['transaction', 'other']);
});
