/**
 * Once per run: build the web app if its sources changed, create a temporary SQLite database,
 * start the real production server on it (tests/support/server.ts), seed one user and a few
 * clients through the same use cases the CLI uses, and write what the specs need to a JSON file
 * (see e2e/support/state.ts). e2e/global-teardown.ts stops the server and deletes the directory.
 */
import { realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildIfNeeded } from '../scripts/build-if-needed.ts';
import { createTestDatabase, type TestDatabase } from '../tests/support/databases.ts';
import { makeClient, makeUser, openDb, PASSWORD } from '../tests/support/fixtures.ts';
import { freePort, ROOT, startServer, type RunningServer } from '../tests/support/server.ts';
import { CLIENT_NAMES, STATE_ENV, type E2EClient, type E2EState } from './support/state.ts';

export type E2EHandles = { server?: RunningServer; database?: TestDatabase };
declare global {
  var porticoE2E: E2EHandles | undefined;
}

/** The seed writes users and clients: it must only ever touch a database made for this run. */
export function assertTemporary(database: Pick<TestDatabase, 'kind' | 'url' | 'dataDir'>): void {
  const tmp = realpathSync(tmpdir());
  const dir = realpathSync(database.dataDir);
  const file = database.url.startsWith('file:') ? path.resolve(database.url.slice('file:'.length)) : null;
  const inTemporaryDir = dir.startsWith(tmp + path.sep) && path.basename(dir).startsWith('portico-test-');
  if (database.kind !== 'sqlite' || !file || !inTemporaryDir || realpathSync(path.dirname(file)) !== dir) {
    throw new Error(`Refusing to run the browser tests against ${database.url}: they need a temporary SQLite database under ${tmp}.`);
  }
}

export default async function globalSetup(): Promise<void> {
  buildIfNeeded(ROOT);
  const handles: E2EHandles = {};
  globalThis.porticoE2E = handles;
  try {
    handles.database = await createTestDatabase('sqlite');
    assertTemporary(handles.database);
    handles.server = await startServer(handles.database);
    const { issuer } = handles.server;

    const rpPort = await freePort();
    const rpOrigin = `http://127.0.0.1:${rpPort}`;
    const redirectUri = `${rpOrigin}/callback`;

    const db = await openDb(handles.database.url);
    try {
      const user = await makeUser(db, 'ada@example.com');
      const client = async (name: string): Promise<E2EClient> => {
        const { id, secret } = await makeClient(db, { name, type: 'web', redirectUris: [redirectUri] });
        if (!secret) throw new Error('a web client must have a secret');
        return { id, secret, name };
      };
      const state: E2EState = {
        issuer,
        dataDir: handles.database.dataDir,
        databaseUrl: handles.database.url,
        rp: { port: rpPort, origin: rpOrigin, redirectUri },
        user: { id: user.id, email: user.email, password: PASSWORD },
        clients: Object.fromEntries(
          await Promise.all(Object.entries(CLIENT_NAMES).map(async ([key, name]) => [key, await client(name)] as const)),
        ) as E2EState['clients'],
      };
      const file = path.join(handles.database.dataDir, 'e2e-state.json');
      writeFileSync(file, JSON.stringify(state, null, 2), { mode: 0o600 });
      process.env[STATE_ENV] = file;
    } finally {
      await db.$disconnect();
    }
  } catch (err) {
    await handles.server?.stop();
    await handles.database?.drop();
    globalThis.porticoE2E = undefined;
    throw err;
  }
}
