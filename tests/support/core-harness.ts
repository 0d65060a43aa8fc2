/**
 * The protocol core in-process, on a real migrated SQLite file, with a clock the test controls.
 * Endpoints are called with real Request objects; the browser session is a real next-auth cookie.
 */
import { startUserSession } from '@/lib/account/user-sessions.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import { loadConfig, type Config } from '@/lib/config.ts';
import { activityCounterOf } from '@/lib/db/activity-counter.ts';
import { migrateDatabase } from '@/lib/db/migrate.ts';
import { createRuntime, type Runtime } from '@/lib/server/runtime.ts';
import { createUser } from '@/lib/account/create-user.ts';
import { createClient } from '@/lib/portal/create-client.ts';
import { fetchEndpoint } from '@/lib/oidc/http/message.ts';
import { s256 } from '@/lib/oidc/pkce.ts';

export type Harness = {
  config: Config;
  runtime: Runtime;
  clock: { now: Date; advance(seconds: number): void };
  close(): Promise<void>;
};

/** `env` adds configuration, e.g. PORTICO_OUTBOUND_ALLOWED_HOSTS for a receiver on 127.0.0.1. */
export async function startCore(env: Record<string, string> = {}): Promise<Harness> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'portico-core-'));
  const config = loadConfig({ PORTICO_DATA_DIR: dataDir, PORTICO_SECRET: 'core-test-secret-0123456789abcdefghij', PORT: '3999', ...env });
  await migrateDatabase(config.databaseUrl);
  const clock = {
    now: new Date(),
    advance(seconds: number) {
      this.now = new Date(this.now.getTime() + seconds * 1000);
    },
  };
  const runtime = await createRuntime(config, () => clock.now);
  return {
    config,
    runtime,
    clock,
    async close() {
      await activityCounterOf(runtime.db).drain();
      await runtime.db.$disconnect();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A browser session as a sign-in makes it (lib/auth/options.ts): a UserSession row and the
 * next-auth cookie naming it. `amr` defaults to a password-only sign-in.
 */
export async function sessionCookie(
  h: Harness,
  userId: string,
  authTime = Math.floor(h.clock.now.getTime() / 1000),
  amr: string[] = ['pwd'],
): Promise<string> {
  const sid = await startUserSession(h.runtime.db, { userId, amr }, h.clock.now);
  const token = await encode({ token: { sub: userId, authTime, sid, amr }, secret: h.config.sessionSecret });
  return `next-auth.session-token=${token}`;
}

export const VERIFIER = 'a'.repeat(20) + 'B'.repeat(23);
export const CHALLENGE = s256(VERIFIER);

export async function seed(h: Harness) {
  const user = await createUser(h.runtime.db, { email: 'ada@example.com', password: 'correct horse battery', name: 'Ada' });
  const web = await createClient(h.runtime.db, { name: 'Web App', type: 'web', redirectUris: ['https://app.example.com/cb'] });
  await h.runtime.stores.consents.grant(user.id, web.client.id, ['openid', 'profile', 'email', 'offline_access']);
  return { user, client: web.client, secret: web.clientSecret! };
}

export function call(h: Harness, endpoint: keyof Runtime['provider']['endpoints'], init: { path?: string; method?: string; body?: Record<string, string>; headers?: Record<string, string> }) {
  const url = new URL(init.path ?? '/', h.config.issuer);
  const headers = new Headers(init.headers);
  let body: string | undefined;
  if (init.body) {
    headers.set('content-type', 'application/x-www-form-urlencoded');
    body = new URLSearchParams(init.body).toString();
  }
  return fetchEndpoint(h.runtime.provider.endpoints[endpoint])(new Request(url, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body }));
}

export const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;
