// `npm run db:check`: both schemas in sync and no drift between each variant's
// committed migrations and its schema. Also shows that the drift check can fail.

import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, postgresDatabasesLike, prismaCli, tempDir } from './helpers.ts';

function npmRun(script: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile('npm', ['run', '--silent', script], { cwd: ROOT, env: { ...process.env, DATABASE_URL: '' } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

describe('db:check', () => {
  const dir = tempDir('portico-drift-');
  afterAll(() => dir.remove());

  it('passes on the committed schemas and migrations, leaving no shadow database', async () => {
    const result = await npmRun('db:check');
    expect(result.output.match(/No difference detected/g)).toHaveLength(2);
    expect(result.code).toBe(0);
    expect(await postgresDatabasesLike('prisma_migrate_shadow_db_%')).toEqual([]);
  });

  it('fails with exit code 2 when the schema has changes no migration holds', async () => {
    const changed = join(dir.path, 'schema.prisma');
    const source = readFileSync(join(ROOT, 'prisma', 'schema.prisma'), 'utf8');
    writeFileSync(changed, source.replace('  locale        String?', '  locale        String?\n  favouriteColour String?'));
    const result = await prismaCli('sqlite', 'file:./data/portico.db', [
      'migrate',
      'diff',
      '--from-migrations',
      'prisma/migrations',
      '--to-schema',
      changed,
      '--exit-code',
    ]);
    expect(result.stdout).toMatch(/Added column `favouriteColour`/);
    expect(result.code).toBe(2);
  });
});
