/**
 * An AI agent connecting to an MCP server protected by Portico, as the MCP authorization
 * specification has it: the official SDK's client meets a 401, reads the server's RFC 9728
 * metadata, discovers Portico, registers itself (RFC 7591, open registration), sends the user to
 * sign in and consent in a real browser, exchanges the code with PKCE for a token bound to the
 * MCP server (RFC 8707), and calls a tool as that user.
 */
import { createServer, type Server } from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { OAuthClientInformationMixed, OAuthClientMetadata, OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js';
import { startMcpServer, TOOL_SCOPE } from '../examples/mcp-server/server.ts';
import { writeSetting } from '../lib/settings/write-setting.ts';
import { openDb } from '../tests/support/fixtures.ts';
import { freePort } from '../tests/support/server.ts';
import { expect, onPortico, signIn, test } from './support/test.ts';

/** What an MCP client keeps between runs, in memory. */
class MemoryProvider implements OAuthClientProvider {
  info: OAuthClientInformationMixed | undefined;
  saved: OAuthTokens | undefined;
  verifier = '';
  authorizationUrl: URL | null = null;
  constructor(readonly redirectUrl: string) {}
  get clientMetadata(): OAuthClientMetadata {
    return { client_name: 'Agent Smith', redirect_uris: [this.redirectUrl], grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], token_endpoint_auth_method: 'none' };
  }
  clientInformation = () => this.info;
  saveClientInformation = (info: OAuthClientInformationMixed) => void (this.info = info);
  tokens = () => this.saved;
  saveTokens = (tokens: OAuthTokens) => void (this.saved = tokens);
  redirectToAuthorization = (url: URL) => void (this.authorizationUrl = url);
  saveCodeVerifier = (verifier: string) => void (this.verifier = verifier);
  codeVerifier = () => this.verifier;
}

test('an MCP client registers, the user signs in and consents, and the client calls a tool as that user', async ({ page, state }) => {
  const mcpPort = await freePort();
  const resource = `http://127.0.0.1:${mcpPort}/mcp`;
  const db = await openDb(state.databaseUrl);
  try {
    await db.apiResource.create({
      data: { id: 'api_e2e_mcp', identifier: resource, name: 'Example tools', openAccess: true, scopes: { create: [{ name: TOOL_SCOPE, description: 'Use the example tools' }] } },
    });
    await writeSetting(db, 'registration', { mode: 'open', openClientTtlDays: 1 });
  } finally {
    await db.$disconnect();
  }
  const mcp = await startMcpServer({ issuer: state.issuer, resource, port: mcpPort });
  // The client's loopback redirect (RFC 8252 §7.3): a listener that answers the browser.
  const callbackPort = await freePort();
  const callback: Server = createServer((_req, res) => res.end('You can close this window.'));
  await new Promise<void>((resolve) => callback.listen(callbackPort, '127.0.0.1', resolve));
  const provider = new MemoryProvider(`http://127.0.0.1:${callbackPort}/callback`);

  try {
    await new Promise((r) => setTimeout(r, 300)); // settings and APIs are re-read within 250 ms
    const first = new Client({ name: 'agent', version: '1.0.0' });
    const transport = new StreamableHTTPClientTransport(new URL(resource), { authProvider: provider });
    await expect(first.connect(transport)).rejects.toThrow(/unauthorized/i);
    expect(provider.info?.client_id).toBeTruthy();
    const authorizationUrl = provider.authorizationUrl!;
    expect(authorizationUrl.searchParams.get('resource')).toBe(resource);
    expect(authorizationUrl.searchParams.get('code_challenge_method')).toBe('S256');

    await page.goto(authorizationUrl.href);
    await page.waitForURL(onPortico(state, '/login'));
    await signIn(page, state.user.email, state.user.password);
    await page.waitForURL(onPortico(state, '/consent'));
    await expect(page.getByRole('heading', { name: 'Agent Smith wants to access your Portico account' })).toBeVisible();
    await expect(page.getByTestId('app-not-verified')).toBeVisible();
    await expect(page.getByRole('heading', { name: /Example tools/ })).toContainText('run by this site');
    await expect(page.getByRole('listitem').filter({ hasText: 'Use the example tools' })).toBeVisible();
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL((url) => url.href.startsWith(provider.redirectUrl));

    const code = new URL(page.url()).searchParams.get('code');
    expect(code).toBeTruthy();
    await transport.finishAuth(code!);
    expect(provider.saved?.access_token).toBeTruthy();

    const agent = new Client({ name: 'agent', version: '1.0.0' });
    await agent.connect(new StreamableHTTPClientTransport(new URL(resource), { authProvider: provider }));
    try {
      const result = await agent.callTool({ name: 'whoami' });
      const [content] = result.content as { type: string; text: string }[];
      expect(JSON.parse(content!.text)).toMatchObject({ sub: state.user.id, client_id: provider.info!.client_id, scope: TOOL_SCOPE });
    } finally {
      await agent.close();
    }
  } finally {
    await mcp.close();
    await new Promise<void>((resolve) => callback.close(() => resolve()));
  }
});
