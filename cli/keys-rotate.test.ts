/**
 * portico keys rotate goes through the console's use case (lib/admin/rotate-signing-keys.ts): the
 * rotation is in the audit log, with no actor (the CLI). Key states and timings: cli.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryDataDir, runCli } from './test-support.ts';

let dataDir: string;

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'portico-cli-keys-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('portico keys rotate', () => {
  it('records the rotation in the audit log without an actor', async () => {
    const r = await runCli(dataDir, ['keys', 'rotate', '--json'], { PORTICO_SECRET: 'cli-keys-test-secret-0123456789abcdefgh' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { kids: string[]; activates_at: string; retired_kids: string[] };
    const audit = queryDataDir<{ actorUserId: string | null; details: string }>(dataDir, `SELECT actorUserId, details FROM AuditEvent WHERE action = 'admin.keys_rotated'`);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorUserId).toBeNull();
    expect(JSON.parse(audit[0]!.details)).toEqual({ kids: out.kids, activatesAt: out.activates_at, retiredKids: out.retired_kids, publishUntil: expect.any(String) });
  });
});
