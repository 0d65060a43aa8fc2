/**
 * The Next.js half of the production server, in a process of its own (started by web-app.ts):
 * sign-in, consent, the portal, the account pages and the REST API. It listens on a Unix socket
 * in a directory only this user can enter, so the only way in is through the protocol process in
 * front, which has already set the client-IP header, the CSP nonce and the request id.
 *
 * Why a separate process: Next.js turns on async_hooks promise hooks for the whole process the
 * first time it runs AsyncLocalStorage, and every promise then pays for them; the protocol process
 * never loads Next, so the token, introspection and userinfo paths do not.
 */
import { rmSync } from 'node:fs';
import { createServer } from 'node:http';
import next from 'next';
import { loadConfig } from '../config.ts';
import { processLogger } from '../observability/logger.ts';

async function main() {
  const socketPath = process.env.PORTICO_WEB_SOCKET;
  if (!socketPath || !process.send) throw new Error('web-process.ts is started by the Portico server (lib/server/web-app.ts), not by hand.');
  const config = loadConfig();
  const logger = processLogger(config.logLevel);
  const app = next({ dev: false, dir: process.cwd(), hostname: 'localhost', port: config.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      logger.error({ err, requestId: req.headers['x-request-id'] }, 'page request failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Something went wrong. Try again in a moment.');
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 65_000;
  // A process before this one that was killed leaves its socket file behind (the directory is private).
  rmSync(socketPath, { force: true });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, resolve);
  });
  process.send({ ready: true });
  // The protocol process going away (even by kill -9) closes the IPC channel: follow it.
  process.on('disconnect', () => process.exit(0));
}

main().catch((err) => {
  console.error(`Portico's web process could not start: ${err instanceof Error ? err.stack : String(err)}`);
  process.exit(1);
});
