/**
 * The resource-server kit (lib/resource-server) and the example MCP server against the real
 * server on SQLite and PostgreSQL: JWT and opaque access tokens accepted only by the API they were
 * issued for, RFC 6750 challenges with the RFC 9728 metadata URL, and an MCP client (the official
 * SDK) calling a tool with a Portico token.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client.ts';
import { createTokenVerifier, InvalidTokenError } from '@/lib/resource-server/index.ts';
import { startMcpServer, TOOL_SCOPE } from '../../examples/mcp-server/server.ts';
import { basic } from '../api/api-client.ts';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.ts';
import { makeClient, openDb } from '../support/fixtures.ts';
import { freePort, startServer, type RunningServer } from '../support/server.ts';

describe.each(DATABASES)('resource-server kit on %s', (kind) => {
  let database: TestDatabase;
  let server: RunningServer;
  let db: Db;
  let mcp: { url: string; close(): Promise<void> };
  let mcpResource: string;
  const LEDGER = 'https://ledger.example.com/api';
  const ARCHIVE = 'https://archive.example.com/';
  const caller = { id: '', secret: '' };
  const ledgerServer = { id: '', secret: '' };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startServer(database);
    db = await openDb(database.url);
    Object.assign(caller, await makeClient(db, { name: 'Caller', type: 'service' }));
    Object.assign(ledgerServer, await makeClient(db, { name: 'Ledger server', type: 'service' }));
    mcpResource = `http://127.0.0.1:${await freePort()}/mcp`;
    const scopes = (names: string[]) => ({ create: names.map((name) => ({ name, description: `Use ${name}` })) });
    await db.apiResource.create({ data: { id: 'api_ledger', identifier: LEDGER, name: 'Ledger', tokenFormat: 'jwt', scopes: scopes(['ledger:read']) } });
    await db.apiResource.create({
      data: { id: 'api_archive', identifier: ARCHIVE, name: 'Archive', tokenFormat: 'opaque', scopes: scopes(['archive:read']), servers: { create: [{ clientId: ledgerServer.id }] } },
    });
    await db.apiResource.create({ data: { id: 'api_mcp', identifier: mcpResource, name: 'Tools', openAccess: true, scopes: scopes([TOOL_SCOPE]) } });
    for (const [resourceId, scope] of [['api_ledger', 'ledger:read'], ['api_archive', 'archive:read']] as const) {
      await db.apiAccess.create({ data: { resourceId, clientId: caller.id, requestedScope: scope, approvedScope: scope } });
    }
    mcp = await startMcpServer({ issuer: server.issuer, resource: mcpResource, port: Number(new URL(mcpResource).port) });
  });
  afterAll(async () => {
    await mcp?.close();
    await db?.$disconnect();
    await server?.stop();
    await database?.drop();
  });

  async function tokenFor(resource: string, scope: string): Promise<string> {
    const res = await fetch(`${server.issuer}/oauth/token`, {
      method: 'POST',
      headers: { authorization: basic(caller.id, caller.secret), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', resource, scope }),
    });
    const body = (await res.json()) as { access_token?: string };
    expect(res.status, JSON.stringify(body)).toBe(200);
    return body.access_token!;
  }

  it('accepts a JWT access token issued for its API and refuses one for another API', async () => {
    const ledger = createTokenVerifier({ issuer: server.issuer, audience: LEDGER });
    const verified = await ledger.verifyAuthorization(`Bearer ${await tokenFor(LEDGER, 'ledger:read')}`);
    expect(verified).toMatchObject({ subject: caller.id, clientId: caller.id, scopes: ['ledger:read'], audience: [LEDGER] });

    const archive = createTokenVerifier({ issuer: server.issuer, audience: ARCHIVE });
    await expect(archive.verify(await tokenFor(LEDGER, 'ledger:read'))).rejects.toBeInstanceOf(InvalidTokenError);
    await expect(ledger.verifyAuthorization('Basic abc')).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('introspects opaque tokens as the API’s resource server, and only that server learns anything', async () => {
    const token = await tokenFor(ARCHIVE, 'archive:read');
    expect(token).toMatch(/^at_/);
    const archive = createTokenVerifier({ issuer: server.issuer, audience: ARCHIVE, introspection: { clientId: ledgerServer.id, clientSecret: ledgerServer.secret! } });
    expect(await archive.verify(token)).toMatchObject({ clientId: caller.id, audience: [ARCHIVE], scopes: ['archive:read'] });

    const outsider = await makeClient(db, { name: 'Outsider', type: 'service' });
    const nosy = createTokenVerifier({ issuer: server.issuer, audience: ARCHIVE, introspection: { clientId: outsider.id, clientSecret: outsider.secret! } });
    await expect(nosy.verify(token)).rejects.toThrow('not active');
  });

  it('the example MCP server challenges without a token and serves its RFC 9728 metadata', async () => {
    const res = await fetch(mcpResource, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(401);
    const metadataUrl = `${new URL(mcpResource).origin}/.well-known/oauth-protected-resource/mcp`;
    expect(res.headers.get('www-authenticate')).toBe(`Bearer resource_metadata="${metadataUrl}"`);
    expect(await (await fetch(metadataUrl)).json()).toEqual({
      resource: mcpResource, authorization_servers: [server.issuer], scopes_supported: [TOOL_SCOPE], bearer_methods_supported: ['header'], resource_name: 'Example tools',
    });

    const wrongAudience = await fetch(mcpResource, { method: 'POST', headers: { authorization: `Bearer ${await tokenFor(LEDGER, 'ledger:read')}` }, body: '{}' });
    expect(wrongAudience.status).toBe(401);
    expect(wrongAudience.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('lets an MCP client (the official SDK) call a tool with a token for the MCP server', async () => {
    const token = await tokenFor(mcpResource, TOOL_SCOPE);
    const client = new Client({ name: 'kit-test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(mcpResource), { requestInit: { headers: { authorization: `Bearer ${token}` } } }));
    try {
      const result = await client.callTool({ name: 'whoami' });
      const [content] = result.content as { type: string; text: string }[];
      expect(JSON.parse(content!.text)).toEqual({ sub: caller.id, client_id: caller.id, scope: TOOL_SCOPE });
    } finally {
      await client.close();
    }
  });
});
