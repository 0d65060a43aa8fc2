/**
 * portico resources create / list / scope add / approve / default on a temporary SQLite data
 * directory: main() in process for the cases, and once through bin/portico.mjs as a child process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../lib/account/create-user.ts';
import { createPrismaClient } from '../lib/db/client.ts';
import { createApiResource, createTeam } from '../lib/portal/index.ts';
import { queryDataDir, runCli } from './test-support.ts';

const BIN = fileURLToPath(new URL('../bin/portico.mjs', import.meta.url));
const IDENTIFIER = 'https://platform.example.com/api';

let dataDir: string;
let apiId: string;
let clientId: string;
let teamApi: string;

const run = (...args: string[]) => runCli(dataDir, args);
const query = <T>(sql: string, ...params: unknown[]) => queryDataDir<T>(dataDir, sql, ...params);

const expectFailure = (r: { code: number; stdout: string; stderr: string }, code: 1 | 2, text: string) => {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain(text);
  expect(r.stderr).not.toMatch(/^\s+at /m);
};

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'portico-cli-resources-'));
  const created = await run('client', 'create', '--name', 'Reporter', '--type', 'service', '--json');
  expect(created.code, created.stderr).toBe(0);
  clientId = JSON.parse(created.stdout).client_id;
  // A team's API, made through the portal's use case, which the operator's commands leave alone.
  const db = await createPrismaClient(`file:${path.join(dataDir, 'portico.db')}`);
  try {
    const user = await createUser(db, { email: 'dev@example.com', password: 'correct horse battery', name: 'Dev' });
    const team = await createTeam(db, { userId: user.id }, { name: 'Team T' });
    teamApi = (await createApiResource(db, { userId: user.id }, team.id, { identifier: 'https://team.example.com', name: 'Team API' })).id;
  } finally {
    await db.$disconnect();
  }
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('portico resources', () => {
  it('creates an operator-managed API and prints JSON with --json', async () => {
    const r = await run('resources', 'create', '--identifier', IDENTIFIER, '--name', 'Platform', '--format', 'opaque', '--ttl', '900', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body).toEqual({ id: expect.stringMatching(/^api_/), identifier: IDENTIFIER, name: 'Platform', description: null, owner: null, token_format: 'opaque', access_token_ttl: 900, open_access: false, scopes: [] });
    apiId = body.id;
    expect(query('SELECT teamId, tokenFormat, accessTokenTtl FROM ApiResource WHERE id = ?', apiId)).toEqual([{ teamId: null, tokenFormat: 'opaque', accessTokenTtl: 900 }]);
    expect(query("SELECT actorUserId FROM AuditEvent WHERE action = 'api.created' AND details LIKE ?", `%${apiId}%`)).toEqual([{ actorUserId: null }]);
  });

  it('refuses bad identifiers, taken identifiers and bad flags, naming the flag', async () => {
    expectFailure(await run('resources', 'create', '--identifier', 'http://api.example.com', '--name', 'X'), 1, '--identifier: Identifiers must use https');
    expectFailure(await run('resources', 'create', '--identifier', 'https://x.example.com/#f', '--name', 'X'), 1, 'fragment');
    expectFailure(await run('resources', 'create', '--identifier', IDENTIFIER, '--name', 'Again'), 1, '--identifier: An API with this identifier is already registered');
    expectFailure(await run('resources', 'create', '--identifier', 'https://y.example.com', '--name', 'Y', '--ttl', '5'), 1, '--ttl: Access tokens live at least 60 seconds');
    expectFailure(await run('resources', 'create', '--identifier', 'https://y.example.com', '--name', 'Y', '--format', 'paseto'), 2, '--format must be one of: jwt, opaque');
    expectFailure(await run('resources', 'create', '--name', 'Y'), 2, 'Missing --identifier.');
  });

  it('adds scopes by id or identifier; refuses standard and taken names', async () => {
    const r = await run('resources', 'scope', 'add', apiId, 'reports:read', '--description', 'Read reports', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ resource_id: apiId, resource: IDENTIFIER, name: 'reports:read', description: 'Read reports' });
    const byUri = await run('resources', 'scope', 'add', IDENTIFIER, 'reports:write', '--description', 'Write reports');
    expect(byUri.code, byUri.stderr).toBe(0);
    expect(byUri.stdout).toContain(`Added scope "reports:write" to ${IDENTIFIER}.`);
    expectFailure(await run('resources', 'scope', 'add', apiId, 'openid', '--description', 'x'), 1, '<name>: "openid" is a standard OpenID Connect scope');
    expectFailure(await run('resources', 'scope', 'add', apiId, 'reports:read', '--description', 'x'), 1, 'This API already has the scope');
    expectFailure(await run('resources', 'scope', 'add', teamApi, 'team:thing', '--description', 'x'), 1, 'No such operator-managed API');
    expectFailure(await run('resources', 'scope', 'add', apiId, 'x'), 2, 'Missing --description.');
    expectFailure(await run('resources', 'scope', 'add', apiId, '--description', 'x'), 2, 'Missing <name>.');
  });

  it('lists every API with owner and scopes', async () => {
    const r = await run('resources', 'list', '--json');
    expect(r.code, r.stderr).toBe(0);
    const { resources } = JSON.parse(r.stdout);
    expect(resources).toEqual(expect.arrayContaining([
      expect.objectContaining({ id: apiId, owner: null, scopes: [{ name: 'reports:read', description: 'Read reports' }, { name: 'reports:write', description: 'Write reports' }] }),
      expect.objectContaining({ id: teamApi, owner: 'Team T' }),
    ]));
    const text = await run('resources', 'list');
    expect(text.stdout).toContain('Platform  (operator-managed)');
    expect(text.stdout).toContain('Team API  (team "Team T")');
    expect(text.stdout).toContain('reports:read  Read reports');
  });

  it('approves scopes for an app that never asked, as the operator', async () => {
    const r = await run('resources', 'approve', apiId, clientId, '--scope', 'reports:read reports:write', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ resource_id: apiId, client_id: clientId, client_name: 'Reporter', status: 'approved', approved_scope: 'reports:read reports:write' });
    expect(query('SELECT requestedScope, approvedScope FROM ApiAccess WHERE clientId = ?', clientId)).toEqual([
      { requestedScope: 'reports:read reports:write', approvedScope: 'reports:read reports:write' },
    ]);
    const narrower = await run('resources', 'approve', IDENTIFIER, clientId, '--scope', 'reports:read');
    expect(narrower.stdout).toContain(`Approved reports:read of ${IDENTIFIER} for "Reporter"`);
    expect(query("SELECT COUNT(*) AS n FROM AuditEvent WHERE action = 'api.access_approved' AND clientId = ? AND actorUserId IS NULL", clientId)).toEqual([{ n: 2 }]);

    expectFailure(await run('resources', 'approve', apiId, clientId, '--scope', 'admin'), 1, '--scope: "admin" is not a scope of this API');
    expectFailure(await run('resources', 'approve', apiId, 'no-such-client', '--scope', 'reports:read'), 1, 'No such application.');
    expectFailure(await run('resources', 'approve', teamApi, clientId, '--scope', 'x'), 1, 'decided by its team in the portal');
    expectFailure(await run('resources', 'approve', apiId, clientId), 2, 'Missing --scope.');
  });

  it('sets and clears the default resource (operator-managed APIs only)', async () => {
    const r = await run('resources', 'default', IDENTIFIER, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ default_resource: IDENTIFIER });
    expect(query("SELECT value FROM Setting WHERE key = 'default_resource'")).toEqual([{ value: JSON.stringify(IDENTIFIER) }]);
    expectFailure(await run('resources', 'default', 'https://team.example.com'), 1, 'must be an operator-managed API');
    expectFailure(await run('resources', 'default', IDENTIFIER, '--none'), 2, 'not both');
    expectFailure(await run('resources', 'default'), 2, 'Missing <identifier>.');
    const cleared = await run('resources', 'default', '--none');
    expect(cleared.code, cleared.stderr).toBe(0);
    expect(cleared.stdout).toContain('No default API');
    expect(query("SELECT value FROM Setting WHERE key = 'default_resource'")).toEqual([{ value: 'null' }]);
    expect(query("SELECT COUNT(*) AS n FROM AuditEvent WHERE action = 'settings.default_resource'")).toEqual([{ n: 2 }]);
  });

  it('is listed in the usage text, and a partial command names the subcommands', async () => {
    const help = await run('help');
    for (const line of ['resources create --identifier URI', 'resources list', 'resources scope add <resource> <name>', 'resources approve <resource> <client_id>', 'resources default <identifier> | --none']) {
      expect(help.stdout).toContain(line);
    }
    expectFailure(await run('resources', 'scope'), 2, '"portico resources scope add"');
  });

  it('runs through bin/portico.mjs with exit status 0', () => {
    const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PORTICO_') && k !== 'DATABASE_URL'));
    const env: NodeJS.ProcessEnv = { ...base, NODE_ENV: process.env.NODE_ENV ?? 'test', PORTICO_DATA_DIR: dataDir };
    const r = spawnSync(process.execPath, [BIN, 'resources', 'list', '--json'], { cwd: dataDir, env, encoding: 'utf8', timeout: 30_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).resources).toHaveLength(2);
  });
});
