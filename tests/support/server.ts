/**
 * Starts the real production server (scripts/start.ts) as a child process on a free port,
 * against a test database, exactly as `npm start` would (minus the build, done once beforehand).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestDatabase } from './databases.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const TEST_SECRET = 'test-secret-0123456789-abcdefghijklmnop';

export type RunningServer = { issuer: string; port: number; output: () => string; stop(signal?: NodeJS.Signals): Promise<void> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export function serverEnv(db: TestDatabase, port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(port),
    HOST: '127.0.0.1',
    PORTICO_DATA_DIR: db.dataDir,
    DATABASE_URL: db.url,
    PORTICO_SECRET: TEST_SECRET,
    ...extra,
  };
}

export async function startServer(db: TestDatabase, extraEnv: Record<string, string> = {}, fixedPort?: number): Promise<RunningServer> {
  const port = fixedPort ?? (await freePort());
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/start.ts'), '--no-build'], {
    cwd: ROOT,
    env: serverEnv(db, port, extraEnv),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${output}`)), 90_000);
    const check = () => {
      if (output.includes('Portico is running')) {
        clearTimeout(timer);
        // The server logs a line per request: scanning all of it per chunk would grow quadratically.
        child.stdout!.off('data', check);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  child.removeAllListeners('exit');
  return {
    issuer: `http://localhost:${port}`,
    port,
    output: () => output,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}
