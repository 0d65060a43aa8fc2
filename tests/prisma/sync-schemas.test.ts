// scripts/prisma/sync-schemas.mjs: the PostgreSQL schema is the SQLite one with
// only the provider and client output changed, and --check catches a stale copy.

import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runNode, tempDir } from './helpers.ts';

const SCRIPT = join('scripts', 'prisma', 'sync-schemas.mjs');

describe('sync-schemas', () => {
  const project = tempDir('portico-sync-');
  afterAll(() => project.remove());

  it('reports the committed PostgreSQL schema as up to date', async () => {
    const result = await runNode([join(ROOT, SCRIPT), '--check']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('rewrites only the provider and the output, and --check fails until it is regenerated', async () => {
    mkdirSync(join(project.path, 'scripts', 'prisma'), { recursive: true });
    mkdirSync(join(project.path, 'prisma', 'postgres'), { recursive: true });
    copyFileSync(join(ROOT, SCRIPT), join(project.path, SCRIPT));
    const source = readFileSync(join(ROOT, 'prisma', 'schema.prisma'), 'utf8').replace(
      /model User \{/,
      'model Extra {\n  id String @id\n}\n\nmodel User {',
    );
    writeFileSync(join(project.path, 'prisma', 'schema.prisma'), source);
    writeFileSync(join(project.path, 'prisma', 'postgres', 'schema.prisma'), readFileSync(join(ROOT, 'prisma', 'postgres', 'schema.prisma')));

    const stale = await runNode([join(project.path, SCRIPT), '--check']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/out of date/);

    expect((await runNode([join(project.path, SCRIPT)])).code).toBe(0);
    expect((await runNode([join(project.path, SCRIPT), '--check'])).code).toBe(0);

    const generated = readFileSync(join(project.path, 'prisma', 'postgres', 'schema.prisma'), 'utf8');
    expect(generated).toMatch(/^\/\/ GENERATED FILE/);
    expect(generated).toContain('provider = "postgresql"');
    expect(generated).toContain('output       = "../../lib/db/generated/postgres"');
    const body = generated.slice(generated.indexOf('// Portico'));
    const expected = source
      .replace('provider = "sqlite"', 'provider = "postgresql"')
      .replace('"../lib/db/generated/sqlite"', '"../../lib/db/generated/postgres"');
    expect(body).toBe(expected);
  });

  it('refuses a source schema that is not SQLite', async () => {
    writeFileSync(
      join(project.path, 'prisma', 'schema.prisma'),
      readFileSync(join(ROOT, 'prisma', 'schema.prisma'), 'utf8').replace('provider = "sqlite"', 'provider = "mysql"'),
    );
    const result = await runNode([join(project.path, SCRIPT)]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/provider = "sqlite"/);
  });
});
