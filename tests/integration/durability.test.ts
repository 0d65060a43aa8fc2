/**
 * Group commit must never hand out a token it has not stored: kill -9 the server in the middle of
 * a burst of token requests, start it again on the same database, and every token a client
 * received must still introspect as active.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.ts';
import { makeClient, openDb } from '../support/fixtures.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const CLIENTS = 20;
const KILL_AFTER = 300;

describe.each(DATABASES)('durability of issued tokens on %s', (kind) => {
  let database: TestDatabase;
  let server: RunningServer;
  let auth: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startServer(database);
    const db = await openDb(database.url);
    const svc = await makeClient(db, { name: 'svc', type: 'service', redirectUris: [], scope: 'jobs' });
    await db.$disconnect();
    auth = `Basic ${Buffer.from(`${svc.id}:${svc.secret}`).toString('base64')}`;
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  const post = (path: string, body: string) =>
    fetch(`${server.issuer}${path}`, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' }, body });

  it('keeps every token it handed out across a kill -9', async () => {
    const received: string[] = [];
    let killed = false;
    // 20 clients request tokens back to back; the server is killed while requests are in flight.
    const client = async () => {
      while (!killed) {
        try {
          const res = await post('/oauth/token', 'grant_type=client_credentials&scope=jobs');
          if (res.status === 200) received.push((await res.json()).access_token);
        } catch {
          return; // connection cut by the kill: this request got nothing
        }
      }
    };
    const clients = Array.from({ length: CLIENTS }, client);
    while (received.length < KILL_AFTER) await new Promise((r) => setTimeout(r, 5));
    killed = true;
    await server.stop('SIGKILL');
    await Promise.all(clients);

    server = await startServer(database, {}, server.port);
    expect(received.length).toBeGreaterThan(0);
    const inactive: string[] = [];
    for (const token of received) {
      const res = await post('/oauth/introspect', `token=${token}`);
      if (!(await res.json()).active) inactive.push(token);
    }
    expect(inactive).toEqual([]);
  });
});
