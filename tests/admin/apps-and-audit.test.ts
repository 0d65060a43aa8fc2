/**
 * Apps across teams and the audit log, through the operator use cases on SQLite and PostgreSQL:
 * search by name, team or owner's email; verify and disable any team's app (audited with the
 * operator, in the team's record too); API resources of every team; the audit log filtered by
 * actor, action, app, team and dates, and exported as CSV (formula cells defused) and JSON.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGroup, exportAuditLog, getApp, listApiResourcesAsOperator, listApps, queryAuditLog, setAppDisabled, setAppVerified,
} from '@/lib/admin/index.ts';
import { csvCell, EXPORT_LIMIT } from '@/lib/admin/export-audit-log.ts';
import type { Db } from '@/lib/db/client.ts';
import { createPrismaClient } from '@/lib/db/client.ts';
import { migrateDatabase } from '@/lib/db/migrate.ts';
import { clientStore } from '@/lib/db/stores/clients.ts';
import { createApiResource } from '@/lib/portal/index.ts';
import { NotFoundError, ValidationError } from '@/lib/portal/errors.ts';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.ts';
import { makeActor, makeTeam, makeTeamClient } from '../support/portal.ts';

describe.each(DATABASES)('apps and the audit log (%s)', (kind) => {
  let database: TestDatabase;
  let db: Db;
  let operator: { userId: string; email: string };
  let owner: { userId: string; email: string };
  let team: { id: string; name: string };
  let appId: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await migrateDatabase(database.url);
    db = await createPrismaClient(database.url);
    operator = await makeActor(db, { admin: true, email: `operator-${kind}@example.com` });
    owner = await makeActor(db, { email: `owner-${kind}@example.com` });
    team = await makeTeam(db, owner);
    appId = (await makeTeamClient(db, owner, team.id, { name: 'Harbor Calendar', type: 'web', redirectUris: ['https://cal.example.com/cb'] })).client.id;
    await makeTeamClient(db, owner, team.id, { name: 'Quiet Worker', type: 'service' });
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  it('lists every team’s apps with their owners, searched by name, team or owner', async () => {
    const byName = await listApps(db, operator, { query: 'harbor' });
    expect(byName.items).toEqual([
      expect.objectContaining({ id: appId, name: 'Harbor Calendar', team: { id: team.id, name: team.name }, owners: [{ id: owner.userId, email: owner.email }], verified: false, disabled: false, accessPolicy: 'everyone' }),
    ]);
    expect((await listApps(db, operator, { query: owner.email.toUpperCase() })).total).toBe(2);
    expect((await listApps(db, operator, { query: team.name })).total).toBe(2);
    expect((await listApps(db, operator, { query: 'nothing like it' })).items).toEqual([]);
    await expect(getApp(db, operator, 'no-such-app')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('verifies and disables a team’s app, audited with the operator in the team’s record; the core sees it at once', async () => {
    const clients = clientStore(db, () => new Date());
    expect(await setAppVerified(db, operator, appId, true)).toMatchObject({ verified: true, changed: true });
    expect(await setAppVerified(db, operator, appId, true)).toMatchObject({ changed: false });
    expect((await setAppDisabled(db, operator, appId, true)).disabled).toBe(true);
    expect(await clients.find(appId)).toMatchObject({ verified: true, disabled: true });
    expect((await listApps(db, operator, { status: 'disabled' })).items.map((a) => a.id)).toEqual([appId]);
    expect((await setAppDisabled(db, operator, appId, false)).disabled).toBe(false);
    const events = await db.auditEvent.findMany({ where: { clientId: appId, action: { in: ['client.verified', 'client.disabled', 'client.enabled'] } }, orderBy: { createdAt: 'asc' } });
    expect(events.map((e) => [e.action, e.actorUserId, e.teamId])).toEqual([
      ['client.verified', operator.userId, team.id],
      ['client.disabled', operator.userId, team.id],
      ['client.enabled', operator.userId, team.id],
    ]);
  });

  it('lists the APIs of every team, searchable', async () => {
    await createApiResource(db, owner, team.id, { identifier: `https://ledger-${kind}.example.com/api`, name: 'Ledger API' });
    const apis = await listApiResourcesAsOperator(db, operator, { query: 'ledger' });
    expect(apis).toEqual([expect.objectContaining({ name: 'Ledger API', ownerName: team.name, isDefault: false })]);
    expect(apis[0]).not.toHaveProperty('memberTeamId');
  });

  describe('audit log', () => {
    beforeAll(async () => {
      await createGroup(db, operator, { name: `=HYPERLINK("http://evil.example") ${kind}` });
    });

    it('filters by actor (email or id), action prefix, app and team', async () => {
      const byEmail = await queryAuditLog(db, operator, { actor: operator.email.toUpperCase() });
      expect(byEmail.total).toBeGreaterThanOrEqual(4);
      expect(byEmail.items.every((e) => e.actor?.id === operator.userId && e.actor.email === operator.email)).toBe(true);
      expect((await queryAuditLog(db, operator, { actor: operator.userId })).total).toBe(byEmail.total);
      expect((await queryAuditLog(db, operator, { actor: 'nobody@example.com' })).total).toBe(0);

      const verified = await queryAuditLog(db, operator, { action: 'client.verified' });
      expect(verified.items).toEqual([expect.objectContaining({ action: 'client.verified', client: { id: appId, name: 'Harbor Calendar' }, team: { id: team.id, name: team.name } })]);
      expect((await queryAuditLog(db, operator, { action: 'admin.group' })).items.map((e) => e.action)).toEqual(['admin.group_created']);
      const ofApp = await queryAuditLog(db, operator, { clientId: appId });
      expect(ofApp.items.every((e) => e.client?.id === appId)).toBe(true);
      expect((await queryAuditLog(db, operator, { teamId: team.id })).items.every((e) => e.team?.id === team.id)).toBe(true);
      // Newest first, paged.
      const page = await queryAuditLog(db, operator, {}, { take: 2, skip: 1 });
      expect(page.items).toHaveLength(2);
      const all = await queryAuditLog(db, operator, {});
      expect(page.items.map((e) => e.id)).toEqual(all.items.slice(1, 3).map((e) => e.id));
    });

    it('filters by whole UTC days and refuses a backwards or malformed range', async () => {
      const row = await db.auditEvent.create({
        data: { id: `old-${kind}`, actorUserId: operator.userId, action: 'admin.backdated', details: '{}', createdAt: new Date('2020-02-03T23:59:59Z') },
      });
      expect((await queryAuditLog(db, operator, { from: '2020-02-03', to: '2020-02-03' })).items.map((e) => e.id)).toEqual([row.id]);
      expect((await queryAuditLog(db, operator, { from: '2020-02-04', to: '2020-02-05' })).total).toBe(0);
      expect((await queryAuditLog(db, operator, { to: '2020-02-02' })).total).toBe(0);
      const backwards = await queryAuditLog(db, operator, { from: '2020-02-05', to: '2020-02-01' }).catch((e: unknown) => e);
      expect((backwards as ValidationError).issues[0]).toMatchObject({ path: ['to'] });
      await expect(queryAuditLog(db, operator, { from: '03/02/2020' })).rejects.toBeInstanceOf(ValidationError);
    });

    it('exports CSV with one row per event and formula cells defused, and JSON', async () => {
      const csv = await exportAuditLog(db, operator, { action: 'admin.group_created' }, 'csv', new Date('2026-01-02T03:04:05Z'));
      expect(csv).toMatchObject({ filename: 'portico-audit-2026-01-02-03-04-05.csv', contentType: 'text/csv; charset=utf-8', count: 1, truncated: false });
      const lines = csv.body.trimEnd().split('\r\n');
      expect(lines[0]).toBe('id,at,action,actor_id,actor_email,team_id,team_name,client_id,client_name,details');
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain(`,admin.group_created,${operator.userId},${operator.email},,,,,`);
      // The details column is JSON in one quoted cell (quotes doubled); read back, it is the event's details.
      const cell = lines[1]!.slice(lines[1]!.indexOf(',"{') + 1);
      expect(cell.startsWith('"') && cell.endsWith('"')).toBe(true);
      expect(JSON.parse(cell.slice(1, -1).replace(/""/g, '"'))).toEqual({ groupId: expect.stringMatching(/^grp_/), name: `=HYPERLINK("http://evil.example") ${kind}` });
      expect(csvCell('=1+2')).toBe("'=1+2");
      expect(csvCell('-5')).toBe("'-5");
      expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
      expect(csvCell('a,"b"')).toBe('"a,""b"""');

      const json = await exportAuditLog(db, operator, { clientId: appId }, 'json');
      const parsed = JSON.parse(json.body) as { action: string; client_id: string; actor_email: string | null; details: object }[];
      expect(json.contentType).toBe('application/json; charset=utf-8');
      expect(parsed.length).toBe(json.count);
      expect(parsed.every((e) => e.client_id === appId)).toBe(true);
      expect(parsed.map((e) => e.action)).toContain('client.disabled');
      expect(EXPORT_LIMIT).toBe(10_000);
    });
  });
});
