/**
 * An MCP server protected by Portico (the MCP authorization specification, 2025-11-25):
 * - serves its RFC 9728 metadata at /.well-known/oauth-protected-resource/mcp, naming Portico as
 *   its authorization server, so MCP clients find Portico on their own;
 * - answers a request without a valid token 401 with a Bearer challenge pointing there;
 * - accepts only access tokens issued for its own identifier (RFC 8707 audience), checked with
 *   the resource-server kit (lib/resource-server), and offers one tool, `whoami`.
 *
 *   PORTICO_ISSUER=http://localhost:3000 MCP_RESOURCE=http://127.0.0.1:3400/mcp npx tsx examples/mcp-server/server.ts
 *
 * Register the API first (portal → APIs, or `portico resources create --identifier <MCP_RESOURCE> …`),
 * with a scope `tools:use`, open to any app so MCP clients that register themselves may ask.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import {
  bearerChallenge,
  createTokenVerifier,
  InsufficientScopeError,
  InvalidTokenError,
  protectedResourceMetadata,
  protectedResourceMetadataPath,
  requireScopes,
  type VerifiedToken,
} from '../../lib/resource-server/index.ts';

export const TOOL_SCOPE = 'tools:use';

export type McpServerOptions = { issuer: string; resource: string; port: number; host?: string };

export async function startMcpServer(options: McpServerOptions): Promise<{ url: string; close(): Promise<void> }> {
  const verifier = createTokenVerifier({ issuer: options.issuer, audience: options.resource });
  const metadataPath = protectedResourceMetadataPath(options.resource);
  const metadataUrl = new URL(metadataPath, options.resource).href;
  const mcpPath = new URL(options.resource).pathname;

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) json(res, 500, { error: 'server_error', error_description: (err as Error).message });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === metadataPath && req.method === 'GET') {
      return json(res, 200, protectedResourceMetadata({ resource: options.resource, issuer: options.issuer, scopes: [TOOL_SCOPE], name: 'Example tools' }));
    }
    if (path !== mcpPath) return json(res, 404, { error: 'not_found' });

    let token: VerifiedToken;
    try {
      token = await verifier.verifyAuthorization(req.headers.authorization);
      requireScopes(token, TOOL_SCOPE);
    } catch (err) {
      if (!(err instanceof InvalidTokenError || err instanceof InsufficientScopeError)) throw err;
      const sentNone = !req.headers.authorization;
      res.setHeader('www-authenticate', bearerChallenge({ resourceMetadataUrl: metadataUrl, error: sentNone ? undefined : err }));
      return json(res, err.status, { error: err.code, error_description: err.message });
    }

    // Stateless Streamable HTTP: a server and transport per request, the caller's identity attached.
    const mcp = new McpServer({ name: 'portico-example', version: '1.0.0' });
    mcp.registerTool('whoami', { description: 'Who this MCP client acts for, as Portico says.' }, async () => ({
      content: [{ type: 'text', text: JSON.stringify({ sub: token.subject, client_id: token.clientId, scope: token.scopes.join(' ') }) }],
    }));
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    res.on('close', () => {
      void transport.close();
      void mcp.close();
    });
    await mcp.connect(transport);
    const authed = Object.assign(req, {
      auth: { token: '', clientId: token.clientId, scopes: token.scopes, expiresAt: Math.floor(token.expiresAt.getTime() / 1000), extra: { sub: token.subject } },
    });
    await transport.handleRequest(authed, res);
  }

  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? '127.0.0.1', resolve));
  return {
    url: options.resource,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const issuer = process.env.PORTICO_ISSUER ?? 'http://localhost:3000';
  const resource = process.env.MCP_RESOURCE ?? 'http://127.0.0.1:3400/mcp';
  const port = Number(new URL(resource).port || 3400);
  startMcpServer({ issuer, resource, port }).then(
    () => console.log(`MCP server for ${resource}, tokens from ${issuer}`),
    (err: unknown) => {
      console.error((err as Error).message);
      process.exit(1);
    },
  );
}
