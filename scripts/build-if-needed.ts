/**
 * `npm start` builds the Next.js app only when the sources changed since the last build:
 * a fingerprint of the app's source files is kept beside the build output.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SOURCES = ['app', 'components', 'lib', 'public', 'next.config.mjs', 'postcss.config.mjs', 'package-lock.json', 'tsconfig.json'];

function fingerprint(root: string): string {
  const hash = createHash('sha256');
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (name !== 'node_modules') walk(path.join(p, name));
    } else {
      hash.update(path.relative(root, p)).update(String(st.size)).update(String(st.mtimeMs));
    }
  };
  for (const s of SOURCES) walk(path.join(root, s));
  return hash.digest('hex');
}

export function buildIfNeeded(root: string): void {
  const stamp = path.join(root, '.next', 'portico-source-fingerprint');
  const current = fingerprint(root);
  if (existsSync(path.join(root, '.next', 'BUILD_ID')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === current) return;
  console.log('Building the web app (first start or sources changed)…');
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error('next build failed (see the output above).');
  writeFileSync(stamp, current);
}
