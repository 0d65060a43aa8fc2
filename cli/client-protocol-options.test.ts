/**
 * The protocol options of `portico client create` and `portico client update` (main() in-process),
 * on SQLite and PostgreSQL: every option reaches the database as the portal and the API would
 * write it, --json prints it under its RFC 7591 name, switching to client_secret_jwt prints a new
 * sealed secret once, and a refusal names the flag to change.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openClientSecret } from '../lib/crypto/client-secret-seal.ts';
import type { Db } from '../lib/db/client.ts';
import { createTestDatabase, DATABASES, type TestDatabase } from '../tests/support/databases.ts';
import { openDb } from '../tests/support/fixtures.ts';
import { runCli } from './test-support.ts';

const SERVER_SECRET = 'cli-protocol-options-secret-0123456789abcdef';
const JWKS = { keys: [{ ...(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' }) as object), kid: 'cli-1', alg: 'ES256' }] };

describe.each(DATABASES)('portico client create|update protocol options on %s', (kind) => {
  let database: TestDatabase;
  let db: Db;
  const run = (...args: string[]) => runCli(database.dataDir, args, { PORTICO_SECRET: SERVER_SECRET, ...(kind === 'postgres' ? { DATABASE_URL: database.url } : {}) });
  const row = (id: string) => db.client.findUniqueOrThrow({ where: { id }, include: { secrets: { orderBy: { createdAt: 'asc' } } } });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    // The CLI migrates the database on its first command.
    const first = await run('client', 'create', '--name', 'Warm-up', '--redirect-uri', 'https://warm.example.com/cb', '--json');
    expect(first.code, first.stderr).toBe(0);
    db = await openDb(kind === 'postgres' ? database.url : `file:${path.join(database.dataDir, 'portico.db')}`);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  it('creates an app with every protocol option', async () => {
    const jwksFile = path.join(mkdtempSync(path.join(tmpdir(), 'portico-jwks-')), 'jwks.json');
    writeFileSync(jwksFile, JSON.stringify(JWKS));
    const r = await run(
      'client', 'create', '--name', 'Hybrid RP', '--redirect-uri', 'https://rp.example.com/cb',
      '--grant-type', 'authorization_code', '--grant-type', 'implicit', '--response-type', 'code', '--response-type', 'id_token code',
      '--token-endpoint-auth-method', 'private_key_jwt', '--jwks-file', jwksFile, '--token-endpoint-auth-signing-alg', 'ES256',
      '--request-object-signing-alg', 'ES256', '--require-pushed-authorization-requests', '--dpop-bound-access-tokens',
      '--subject-type', 'pairwise', '--frontchannel-logout-uri', 'https://rp.example.com/fc', '--frontchannel-logout-session-required', '--json',
    );
    rmSync(path.dirname(jwksFile), { recursive: true, force: true });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      grant_types: ['authorization_code', 'implicit'], response_types: ['code', 'code id_token'], token_endpoint_auth_method: 'private_key_jwt', jwks: JWKS,
      token_endpoint_auth_signing_alg: 'ES256', request_object_signing_alg: 'ES256', require_pushed_authorization_requests: true,
      dpop_bound_access_tokens: true, subject_type: 'pairwise', frontchannel_logout_uri: 'https://rp.example.com/fc', frontchannel_logout_session_required: true,
    });
    expect(out).not.toHaveProperty('client_secret');
    expect(await row(out.client_id)).toMatchObject({
      responseTypes: JSON.stringify(['code', 'code id_token']), jwks: JSON.stringify(JWKS), tokenEndpointAuthSigningAlg: 'ES256', requirePushedAuthorizationRequests: true,
      dpopBoundAccessTokens: true, subjectType: 'pairwise', frontchannelLogoutSessionRequired: true, secrets: [],
    });
  });

  it('updates an app, turning options on and off, and prints a new sealed secret once on a switch to client_secret_jwt', async () => {
    const created = JSON.parse((await run('client', 'create', '--name', 'Switcher', '--redirect-uri', 'https://sw.example.com/cb', '--json')).stdout);
    const on = await run('client', 'update', created.client_id, '--dpop-bound-access-tokens', '--require-pushed-authorization-requests', '--jwks-uri', 'https://sw.example.com/jwks.json', '--json');
    expect(on.stderr).toBe('');
    expect(JSON.parse(on.stdout)).toMatchObject({ dpop_bound_access_tokens: true, require_pushed_authorization_requests: true, jwks_uri: 'https://sw.example.com/jwks.json' });

    const r = await run('client', 'update', created.client_id, '--token-endpoint-auth-method', 'client_secret_jwt', '--no-dpop-bound-access-tokens', '--jwks-uri', '');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const secret = /New secret:\s+(cs_\S+)/.exec(r.stdout)?.[1];
    expect(secret).toBeTruthy();
    expect(r.stdout).toContain('it will not be shown again');
    const stored = await row(created.client_id);
    expect(stored).toMatchObject({ tokenEndpointAuthMethod: 'client_secret_jwt', dpopBoundAccessTokens: false, requirePushedAuthorizationRequests: true, jwksUri: null });
    expect(stored.secrets.map((s) => Boolean(s.revokedAt))).toEqual([true, false]);
    expect(openClientSecret(stored.secrets[1]!.sealed!, SERVER_SECRET)).toBe(secret);
    const audit = await db.auditEvent.findMany({ where: { clientId: created.client_id, action: 'client.updated' } });
    expect(audit).toHaveLength(2);
    expect(audit.every((event) => event.actorUserId === null)).toBe(true);
  });

  it.each([
    ['private_key_jwt without keys', ['--token-endpoint-auth-method', 'private_key_jwt'], /--token-endpoint-auth-method: private_key_jwt needs your public keys/],
    ['a private key', ['--jwks', JSON.stringify({ keys: [generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' })] })], /--jwks: Key 1: this is a private key/],
    ['a key URL on the metadata address', ['--jwks-uri', 'https://169.254.169.254/keys'], /--jwks-uri: .*link-local/],
    ['an implicit response type without the implicit grant', ['--response-type', 'id_token'], /--response-type: Response type "id_token" needs the implicit grant type/],
  ])('refuses %s, naming the flag', async (_name, flags, message) => {
    const r = await run('client', 'create', '--name', 'Refused', '--redirect-uri', 'https://refused.example.com/cb', ...flags);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('exits 2 on a contradiction or an unknown value, and 1 for an unknown app', async () => {
    expect((await run('client', 'update', 'nope', '--dpop-bound-access-tokens', '--no-dpop-bound-access-tokens')).code).toBe(2);
    expect((await run('client', 'create', '--name', 'X', '--redirect-uri', 'https://x.example.com/cb', '--token-endpoint-auth-signing-alg', 'none')).code).toBe(2);
    expect((await run('client', 'update', 'nope')).code).toBe(2);
    const unknown = await run('client', 'update', 'no-such-client', '--dpop-bound-access-tokens');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No application has the client ID "no-such-client"');
  });
});
