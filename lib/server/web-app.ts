/**
 * The protocol process's side of the Next.js web process (web-process.ts): starts it, restarts it
 * if it dies, and forwards every request that is not a protocol path to it over a Unix socket in
 * a private directory. Request and response stream through untouched but for hop-by-hop headers;
 * headers this process set first (security headers, request id) stay unless the page sets its own.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Logger } from '../observability/logger.ts';

export type WebApp = { handle(req: IncomingMessage, res: ServerResponse): void; close(): Promise<void> };

const START_TIMEOUT_MS = 120_000;
const RESTART_DELAY_MS = 1_000;
const MAX_RESTART_DELAY_MS = 30_000;
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade'];

export async function startWebApp(root: string, logger: Logger): Promise<WebApp> {
  const dir = mkdtempSync(path.join(tmpdir(), 'portico-web-')); // mode 0700: only this user gets in
  const socketPath = path.join(dir, 'web.sock');
  const agent = new Agent({ keepAlive: true, maxSockets: 128 });
  let child: ChildProcess | null = null;
  let closing = false;

  /** Starts it again after `delay`, and keeps trying, waiting twice as long each time (to 30 s). */
  const restart = (delay: number) =>
    setTimeout(() => {
      if (closing) return;
      spawnChild().catch((err: unknown) => {
        logger.error({ err }, 'the web process could not restart');
        restart(Math.min(delay * 2, MAX_RESTART_DELAY_MS));
      });
    }, delay);

  const spawnChild = () =>
    new Promise<void>((resolve, reject) => {
      const started = fork(path.join(root, 'lib/server/web-process.ts'), [], {
        cwd: root,
        execArgv: ['--import', 'tsx'],
        env: { ...process.env, PORTICO_WEB_SOCKET: socketPath },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      const timer = setTimeout(() => reject(new Error('The web process did not start in time.')), START_TIMEOUT_MS);
      started.once('message', () => {
        clearTimeout(timer);
        child = started;
        logger.info({ pid: started.pid }, 'web process started');
        resolve();
      });
      started.once('exit', (code, signal) => {
        clearTimeout(timer);
        if (child !== started) return reject(new Error(`The web process exited while starting (${signal ?? `code ${code}`}).`));
        child = null;
        if (closing) return;
        logger.error({ code, signal }, 'the web process exited; restarting it');
        restart(RESTART_DELAY_MS);
      });
    });
  await spawnChild();

  return {
    handle(req, res) {
      if (!child) return unavailable(res);
      const upstream = request({ socketPath, agent, method: req.method, path: req.url, headers: withoutHopByHop(req.headers) }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, withoutHopByHop(answer.headers));
        answer.pipe(res);
      });
      upstream.on('error', (err) => {
        logger.warn({ err, requestId: req.headers['x-request-id'] }, 'the web process did not answer');
        if (!res.headersSent) unavailable(res);
        else res.destroy();
      });
      res.on('close', () => {
        if (!res.writableFinished) upstream.destroy();
      });
      req.pipe(upstream);
    },
    async close() {
      closing = true;
      agent.destroy();
      const running = child;
      if (running) {
        const exited = new Promise((resolve) => running.once('exit', resolve));
        running.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function withoutHopByHop(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const copy = { ...headers };
  for (const name of HOP_BY_HOP) delete copy[name];
  return copy;
}

function unavailable(res: ServerResponse): void {
  res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '2', 'cache-control': 'no-store' });
  res.end('Portico is starting or restarting its pages. Try again in a moment.');
}
