/**
 * API resources (RFC 8707) through the portal use cases, on a real migrated SQLite file and a
 * fresh PostgreSQL database: roles, identifier and scope rules, scope squatting refused, the
 * approval flow (subset approval, rejection and asking again, same-team auto-approval), scope
 * removal stripping access, resource servers only from the owning team, operator-managed APIs
 * and the default resource, and the audit record of every write.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client.ts';
import { createPrismaClient } from '@/lib/db/client.ts';
import { migrateDatabase } from '@/lib/db/migrate.ts';
import {
  addApiScope, addOperatorApiScope, createApiResource, createClient, createOperatorApiResource, decideApiAccess, decideOperatorApiAccess,
  deleteApiResource, ForbiddenError, getApiResource, listAllApiResources, listApiAccessRequests, listApiResources, listAppApiAccess,
  listPublicApiResources, NotFoundError, removeApiScope, requestApiAccess, setDefaultResource, setResourceServers, updateApiResource,
  updateApiScope, ValidationError, type Actor,
} from '@/lib/portal/index.ts';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.ts';
import { makeActor, makeTeam, makeTeamClient, SERVICE, WEB } from '../support/portal.ts';

type Person = Actor & { email: string };

/** The field paths of a ValidationError (or the error itself, to fail loudly). */
async function issues(promise: Promise<unknown>) {
  const err = await promise.then(() => null, (e: unknown) => e);
  if (!(err instanceof ValidationError)) throw new Error(`expected a ValidationError, got ${String(err)}`);
  return err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe.each(DATABASES)('API resources (%s)', (kind) => {
  let database: TestDatabase;
  let db: Db;
  let people: Record<'ownerA' | 'devA' | 'viewerA' | 'ownerB' | 'devB' | 'viewerB' | 'outsider', Person>;
  let teamA: { id: string; name: string };
  let teamB: { id: string; name: string };
  let apps: Record<'webA' | 'serviceA' | 'spaA' | 'webB' | 'serviceB', string>;
  let counter = 0;
  const uniqueUri = (label: string) => `https://${label}-${++counter}.api.example.com`;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await migrateDatabase(database.url);
    db = await createPrismaClient(database.url);
    const person = () => makeActor(db);
    people = {
      ownerA: await person(), devA: await person(), viewerA: await person(), ownerB: await person(), devB: await person(), viewerB: await person(), outsider: await person(),
    };
    teamA = await makeTeam(db, people.ownerA, [[people.devA, 'developer'], [people.viewerA, 'viewer']]);
    teamB = await makeTeam(db, people.ownerB, [[people.devB, 'developer'], [people.viewerB, 'viewer']]);
    const app = async (actor: Actor, teamId: string, input = WEB) => (await makeTeamClient(db, actor, teamId, input)).client.id;
    apps = {
      webA: await app(people.devA, teamA.id),
      serviceA: await app(people.devA, teamA.id, SERVICE),
      spaA: await app(people.devA, teamA.id, { name: 'Browser', type: 'spa', redirectUris: ['https://spa.example.com/cb'] }),
      webB: await app(people.devB, teamB.id, { ...WEB, name: 'Bee Web' }),
      serviceB: await app(people.devB, teamB.id, SERVICE),
    };
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  const audit = (action: string) => db.auditEvent.findMany({ where: { action }, orderBy: { createdAt: 'asc' } });
  const lastAudit = async (action: string) => {
    const rows = await audit(action);
    const row = rows.at(-1)!;
    return { ...row, details: JSON.parse(row.details) as Record<string, unknown> };
  };
  /** An API of team A with the given scopes, made by its developer. */
  async function apiOfA(scopes: string[] = [], label = 'ledger') {
    const api = await createApiResource(db, people.devA, teamA.id, { identifier: uniqueUri(label), name: `Ledger ${counter}` });
    for (const name of scopes) await addApiScope(db, people.devA, api.id, { name, description: `Use ${name}` });
    return api;
  }
  const scopeName = (base: string) => `${base}-${kind}-${++counter}`;

  describe('creating and reading', () => {
    it('lets developers create an API with defaults, audited in the team, and lists it for members only', async () => {
      const identifier = uniqueUri('invoices');
      const api = await createApiResource(db, people.devA, teamA.id, { identifier, name: '  Invoices API ', description: 'Send and read invoices' });
      expect(api).toMatchObject({
        id: expect.stringMatching(/^api_[A-Za-z0-9_-]{22}$/), identifier, name: 'Invoices API', description: 'Send and read invoices',
        tokenFormat: 'jwt', accessTokenTtl: 3600, team: { id: teamA.id, name: teamA.name }, role: 'developer', scopes: [], servers: [],
      });
      const event = await lastAudit('api.created');
      expect(event).toMatchObject({ actorUserId: people.devA.userId, teamId: teamA.id, details: { resourceId: api.id, identifier, name: 'Invoices API' } });

      expect((await listApiResources(db, people.viewerA)).map((a) => a.id)).toContain(api.id);
      expect((await listApiResources(db, people.devB)).map((a) => a.id)).not.toContain(api.id);
      expect(await listApiResources(db, people.ownerA, { teamId: teamB.id })).toEqual([]);
      expect((await getApiResource(db, people.viewerA, api.id)).role).toBe('viewer');
      await expect(getApiResource(db, people.devB, api.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getApiResource(db, people.devB, 'api_unknown')).rejects.toBeInstanceOf(NotFoundError);
    });

    it('refuses viewers and non-members, writing nothing', async () => {
      const before = await db.apiResource.count();
      await expect(createApiResource(db, people.viewerA, teamA.id, { identifier: uniqueUri('v'), name: 'V' })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(createApiResource(db, people.outsider, teamA.id, { identifier: uniqueUri('o'), name: 'O' })).rejects.toBeInstanceOf(NotFoundError);
      expect(await db.apiResource.count()).toBe(before);
    });

    it('accepts absolute https identifiers and loopback http, stored and compared exactly', async () => {
      const base = uniqueUri('exact');
      for (const identifier of [base, `${base}/`, `${base}/v1?tenant=a`, 'http://localhost:4000/api', `http://127.0.0.1:${9000 + counter}`, `http://[::1]:${9000 + counter}/x`]) {
        const api = await createApiResource(db, people.devA, teamA.id, { identifier, name: 'Exact' });
        expect((await db.apiResource.findUniqueOrThrow({ where: { id: api.id } })).identifier).toBe(identifier);
      }
    });

    it('refuses identifiers that are not absolute https URIs without a fragment (RFC 8707 §2)', async () => {
      const bad = [
        '', '/relative', 'api.example.com', 'http://api.example.com', 'https://api.example.com/#frag', 'https://api.example.com#', 'ftp://files.example.com',
        'urn:example:api', 'https://user:secret@api.example.com', 'https://api.example.com/a b', `https://api.example.com/${'a'.repeat(2048)}`, 'https://api.example.com/\u0000',
      ];
      for (const identifier of bad) {
        expect(await issues(createApiResource(db, people.devA, teamA.id, { identifier, name: 'Bad' })), identifier).toEqual([{ path: 'identifier', message: expect.any(String) }]);
      }
      const [fragment] = await issues(createApiResource(db, people.devA, teamA.id, { identifier: 'https://a.example.com/#x', name: 'Bad' }));
      expect(fragment!.message).toContain('fragment');
      const [http] = await issues(createApiResource(db, people.devA, teamA.id, { identifier: 'http://a.example.com', name: 'Bad' }));
      expect(http!.message).toContain('https');
    });

    it('refuses an identifier another team registered (no squatting), whoever asks', async () => {
      const identifier = uniqueUri('taken');
      await createApiResource(db, people.devA, teamA.id, { identifier, name: 'Mine' });
      const [issue] = await issues(createApiResource(db, people.devB, teamB.id, { identifier, name: 'Theirs' }));
      expect(issue).toEqual({ path: 'identifier', message: expect.stringContaining('already registered') });
      expect(await db.apiResource.count({ where: { identifier } })).toBe(1);
    });
  });

  describe('updating and deleting', () => {
    it('changes name, description, format and lifetime; never the identifier', async () => {
      const api = await apiOfA();
      const updated = await updateApiResource(db, people.devA, api.id, { name: 'Renamed', description: '', tokenFormat: 'opaque', accessTokenTtl: 60 });
      expect(updated).toMatchObject({ name: 'Renamed', description: null, tokenFormat: 'opaque', accessTokenTtl: 60, identifier: api.identifier });
      expect(await lastAudit('api.updated')).toMatchObject({ teamId: teamA.id, details: { resourceId: api.id, fields: ['name', 'description', 'tokenFormat', 'accessTokenTtl'] } });

      expect((await issues(updateApiResource(db, people.devA, api.id, { accessTokenTtl: 59 }))).map((i) => i.path)).toEqual(['accessTokenTtl']);
      expect((await issues(updateApiResource(db, people.devA, api.id, { accessTokenTtl: 86_401 }))).map((i) => i.path)).toEqual(['accessTokenTtl']);
      const [identifier] = await issues(updateApiResource(db, people.devA, api.id, { identifier: 'https://other.example.com' } as never));
      expect(identifier).toEqual({ path: 'identifier', message: expect.stringContaining('cannot change') });
      expect((await getApiResource(db, people.devA, api.id)).identifier).toBe(api.identifier);

      await expect(updateApiResource(db, people.viewerA, api.id, { name: 'Nope' })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(updateApiResource(db, people.devB, api.id, { name: 'Nope' })).rejects.toBeInstanceOf(NotFoundError);
    });

    it('lets only owners delete; scopes and access go with the API, audited', async () => {
      const scope = scopeName('gone');
      const api = await apiOfA([scope]);
      await requestApiAccess(db, people.devB, apps.webB, { id: api.id }, { scopes: [scope] });
      const error = await deleteApiResource(db, people.devA, api.id).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ForbiddenError);
      expect((error as Error).message).toContain('Only owners can delete APIs');
      await deleteApiResource(db, people.ownerA, api.id);
      expect(await db.apiResource.findUnique({ where: { id: api.id } })).toBeNull();
      expect(await db.apiScope.findUnique({ where: { name: scope } })).toBeNull();
      expect(await db.apiAccess.count({ where: { resourceId: api.id } })).toBe(0);
      expect(await lastAudit('api.deleted')).toMatchObject({ actorUserId: people.ownerA.userId, teamId: teamA.id, details: { resourceId: api.id, scopes: 1, accessRequests: 1 } });
    });
  });

  describe('scopes', () => {
    it('adds, rewords and lists scopes, audited', async () => {
      const api = await apiOfA();
      const name = scopeName('invoices:read');
      expect(await addApiScope(db, people.devA, api.id, { name, description: ' Read invoices ' })).toMatchObject({ name, description: 'Read invoices' });
      expect(await lastAudit('api.scope_added')).toMatchObject({ teamId: teamA.id, details: { resourceId: api.id, scope: name } });
      await updateApiScope(db, people.devA, api.id, name, { description: 'See your invoices' });
      expect(await lastAudit('api.scope_updated')).toMatchObject({ teamId: teamA.id, details: { scope: name } });
      expect((await getApiResource(db, people.viewerA, api.id)).scopes).toEqual([{ name, description: 'See your invoices', createdAt: expect.any(Date) }]);
      await expect(addApiScope(db, people.viewerA, api.id, { name: scopeName('x'), description: 'X' })).rejects.toBeInstanceOf(ForbiddenError);
    });

    it('refuses standard OpenID Connect scopes and names outside RFC 6749 §3.3', async () => {
      const api = await apiOfA();
      for (const name of ['openid', 'profile', 'email', 'phone', 'address', 'offline_access', 'a b', 'say"hi', 'back\\slash', 'ü', 'x'.repeat(129), '']) {
        expect(await issues(addApiScope(db, people.devA, api.id, { name, description: 'D' })), name).toEqual([{ path: 'name', message: expect.any(String) }]);
      }
      expect(await addApiScope(db, people.devA, api.id, { name: 'x'.repeat(120) + kind, description: 'Long but fine' })).toBeTruthy();
    });

    it('wants a one-line description of 1 to 200 characters', async () => {
      const api = await apiOfA();
      for (const description of ['', '   ', 'd'.repeat(201), 'two\nlines']) {
        expect(await issues(addApiScope(db, people.devA, api.id, { name: scopeName('d'), description })), JSON.stringify(description)).toEqual([
          { path: 'description', message: expect.any(String) },
        ]);
      }
    });

    it('refuses a scope name another API defines without saying which (no squatting)', async () => {
      const name = scopeName('payments:write');
      const theirs = await createApiResource(db, people.devB, teamB.id, { identifier: uniqueUri('secret-project'), name: 'Secret Project' });
      await addApiScope(db, people.devB, theirs.id, { name, description: 'Move money' });
      const api = await apiOfA();
      const [issue] = await issues(addApiScope(db, people.devA, api.id, { name, description: 'Mine now' }));
      expect(issue!.path).toBe('name');
      expect(issue!.message).toContain('already defined by another API');
      expect(issue!.message).not.toContain('Secret Project');
      expect(issue!.message).not.toContain(theirs.identifier);
      expect(issue!.message).not.toContain(teamB.name);
      expect(await db.apiScope.findUniqueOrThrow({ where: { name } })).toMatchObject({ resourceId: theirs.id, description: 'Move money' });
      // Nor can the other team's scope be reworded or removed through one's own API.
      await expect(updateApiScope(db, people.devA, api.id, name, { description: 'Reworded' })).rejects.toBeInstanceOf(NotFoundError);
      await expect(removeApiScope(db, people.devA, api.id, name)).rejects.toBeInstanceOf(NotFoundError);
      // The same API twice says so.
      const [again] = await issues(addApiScope(db, people.devB, theirs.id, { name, description: 'Again' }));
      expect(again!.message).toContain('This API already has');
    });

    it('strips a removed scope from every request and approval in the same transaction', async () => {
      const [read, write, only] = [scopeName('read'), scopeName('write'), scopeName('only')];
      const api = await apiOfA([read, write, only]);
      await requestApiAccess(db, people.devB, apps.webB, { id: api.id }, { scopes: [read, write] });
      await decideApiAccess(db, people.devA, api.id, apps.webB, { decision: 'approve', scopes: [read, write] });
      await requestApiAccess(db, people.devB, apps.serviceB, { id: api.id }, { scopes: [only] });

      await removeApiScope(db, people.devA, api.id, write);
      const web = await db.apiAccess.findUniqueOrThrow({ where: { resourceId_clientId: { resourceId: api.id, clientId: apps.webB } } });
      expect(web).toMatchObject({ requestedScope: read, approvedScope: read });
      await removeApiScope(db, people.devA, api.id, only);
      expect(await db.apiAccess.findUnique({ where: { resourceId_clientId: { resourceId: api.id, clientId: apps.serviceB } } })).toBeNull();
      expect(await lastAudit('api.scope_removed')).toMatchObject({ teamId: teamA.id, details: { resourceId: api.id, scope: only, appsAffected: 1 } });
      expect((await getApiResource(db, people.devA, api.id)).scopes.map((s) => s.name)).toEqual([read]);
      await expect(removeApiScope(db, people.viewerA, api.id, read)).rejects.toBeInstanceOf(ForbiddenError);
    });
  });

  describe('access requests', () => {
    it('approves a subset of what another team’s app asked for, then rejects, and lets it ask again', async () => {
      const [read, write, admin] = [scopeName('read'), scopeName('write'), scopeName('admin')];
      const api = await apiOfA([read, write, admin]);

      const asked = await requestApiAccess(db, people.devB, apps.webB, { identifier: api.identifier }, { scopes: `${read} ${write}` });
      expect(asked).toMatchObject({ status: 'pending', requestedScopes: [read, write], approvedScopes: [], decidedAt: null, resource: { id: api.id, ownerName: teamA.name } });
      expect(await lastAudit('api.access_requested')).toMatchObject({ actorUserId: people.devB.userId, teamId: teamB.id, clientId: apps.webB, details: { resourceId: api.id, scopes: [read, write] } });

      const requests = await listApiAccessRequests(db, people.viewerA, api.id);
      expect(requests).toEqual([expect.objectContaining({ status: 'pending', client: { id: apps.webB, name: 'Bee Web' }, team: { id: teamB.id, name: teamB.name } })]);

      // Only what was asked for, and only by the API's owners and developers.
      const [notAsked] = await issues(decideApiAccess(db, people.devA, api.id, apps.webB, { decision: 'approve', scopes: [read, admin] }));
      expect(notAsked).toEqual({ path: 'scopes', message: expect.stringContaining(admin) });
      await expect(decideApiAccess(db, people.viewerA, api.id, apps.webB, { decision: 'approve', scopes: [read] })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(decideApiAccess(db, people.devB, api.id, apps.webB, { decision: 'approve', scopes: [read] })).rejects.toBeInstanceOf(NotFoundError);
      await expect(decideApiAccess(db, people.devA, api.id, apps.serviceB, { decision: 'reject' })).rejects.toBeInstanceOf(NotFoundError);
      expect((await issues(decideApiAccess(db, people.devA, api.id, apps.webB, { decision: 'approve', scopes: [] }))).map((i) => i.path)).toEqual(['scopes']);

      const approved = await decideApiAccess(db, people.ownerA, api.id, apps.webB, { decision: 'approve', scopes: [read] });
      expect(approved).toMatchObject({ status: 'approved', requestedScopes: [read, write], approvedScopes: [read], decidedAt: expect.any(Date) });
      expect(await lastAudit('api.access_approved')).toMatchObject({ actorUserId: people.ownerA.userId, teamId: teamA.id, clientId: apps.webB, details: { approved: [read] } });
      expect(await listAppApiAccess(db, people.viewerB, apps.webB)).toContainEqual(
        expect.objectContaining({ status: 'approved', approvedScopes: [read], resource: { id: api.id, identifier: api.identifier, name: api.name, ownerName: teamA.name } }),
      );
      await expect(listAppApiAccess(db, people.devA, apps.webB)).rejects.toBeInstanceOf(NotFoundError);

      const rejected = await decideApiAccess(db, people.devA, api.id, apps.webB, { decision: 'reject' });
      expect(rejected).toMatchObject({ status: 'rejected', approvedScopes: [] });
      expect(await lastAudit('api.access_rejected')).toMatchObject({ teamId: teamA.id, clientId: apps.webB });

      const again = await requestApiAccess(db, people.devB, apps.webB, { id: api.id }, { scopes: [write] });
      expect(again).toMatchObject({ status: 'pending', requestedScopes: [write], approvedScopes: [] });
    });

    it('keeps earlier approvals while a wider request waits, and settles a narrower one at once', async () => {
      const [read, write] = [scopeName('read'), scopeName('write')];
      const api = await apiOfA([read, write]);
      await requestApiAccess(db, people.devB, apps.serviceB, { id: api.id }, { scopes: [read] });
      await decideApiAccess(db, people.devA, api.id, apps.serviceB, { decision: 'approve', scopes: [read] });
      const wider = await requestApiAccess(db, people.devB, apps.serviceB, { id: api.id }, { scopes: [read, write] });
      expect(wider).toMatchObject({ status: 'pending', approvedScopes: [read] });
      const narrower = await requestApiAccess(db, people.devB, apps.serviceB, { id: api.id }, { scopes: [read] });
      expect(narrower).toMatchObject({ status: 'approved', requestedScopes: [read], approvedScopes: [read] });
    });

    it('approves an app of the team that owns the API at once', async () => {
      const [read, write] = [scopeName('read'), scopeName('write')];
      const api = await apiOfA([read, write]);
      const result = await requestApiAccess(db, people.devA, apps.webA, { id: api.id }, { scopes: [read, write] });
      expect(result).toMatchObject({ status: 'approved', requestedScopes: [read, write], approvedScopes: [read, write], decidedAt: expect.any(Date) });
      expect(await lastAudit('api.access_approved')).toMatchObject({ teamId: teamA.id, clientId: apps.webA, details: { approvedAutomatically: 'same_team' } });
    });

    it('is asked by developers of the app’s team only, for scopes the API defines', async () => {
      const read = scopeName('read');
      const api = await apiOfA([read]);
      await expect(requestApiAccess(db, people.viewerB, apps.webB, { id: api.id }, { scopes: [read] })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(requestApiAccess(db, people.devA, apps.webB, { id: api.id }, { scopes: [read] })).rejects.toBeInstanceOf(NotFoundError);
      await expect(requestApiAccess(db, people.devB, apps.webB, { id: 'api_nope' }, { scopes: [read] })).rejects.toBeInstanceOf(NotFoundError);
      await expect(requestApiAccess(db, people.devB, apps.webB, { identifier: 'https://nope.example.com' }, { scopes: [read] })).rejects.toBeInstanceOf(NotFoundError);
      const [unknown] = await issues(requestApiAccess(db, people.devB, apps.webB, { id: api.id }, { scopes: [read, 'openid'] }));
      expect(unknown).toEqual({ path: 'scopes', message: expect.stringContaining('"openid" is not a scope of this API') });
      expect((await issues(requestApiAccess(db, people.devB, apps.webB, { id: api.id }, { scopes: [] }))).map((i) => i.path)).toEqual(['scopes']);
      expect(await db.apiAccess.count({ where: { resourceId: api.id } })).toBe(0);
    });

    it('lists every API for browsing, with owners and scopes, marking the actor’s own teams', async () => {
      const read = scopeName('read');
      const api = await apiOfA([read]);
      const operator = await createOperatorApiResource(db, { identifier: uniqueUri('platform'), name: 'Platform' });
      const seenByB = await listPublicApiResources(db, people.devB);
      expect(seenByB.find((a) => a.id === api.id)).toEqual({
        id: api.id, identifier: api.identifier, name: api.name, description: null, ownerName: teamA.name, memberTeamId: null, tokenFormat: 'jwt', accessTokenTtl: 3600, openAccess: false,
        scopes: [{ name: read, description: `Use ${read}` }],
      });
      expect(seenByB.find((a) => a.id === operator.id)).toMatchObject({ ownerName: null, memberTeamId: null });
      expect((await listPublicApiResources(db, people.viewerA)).find((a) => a.id === api.id)?.memberTeamId).toBe(teamA.id);
    });
  });

  describe('resource servers', () => {
    it('are confidential apps of the API’s own team only, replaced as a set, audited', async () => {
      const api = await apiOfA();
      const servers = await setResourceServers(db, people.devA, api.id, { clientIds: [apps.serviceA, apps.webA, apps.serviceA] });
      expect(servers.map((s) => s.id).sort()).toEqual([apps.serviceA, apps.webA].sort());
      expect(await lastAudit('api.servers_changed')).toMatchObject({ teamId: teamA.id, details: { resourceId: api.id, added: [apps.serviceA, apps.webA], removed: [] } });

      const refused = await issues(setResourceServers(db, people.devA, api.id, { clientIds: [apps.serviceA, apps.serviceB, apps.spaA, 'no-such-app'] }));
      expect(refused.map((i) => i.path)).toEqual(['clientIds.1', 'clientIds.2', 'clientIds.3']);
      expect(refused[0]!.message).toContain(`not an app of ${teamA.name}`);
      expect(refused[1]!.message).toContain('public client');
      expect((await getApiResource(db, people.devA, api.id)).servers.map((s) => s.id).sort()).toEqual([apps.serviceA, apps.webA].sort());

      await setResourceServers(db, people.devA, api.id, { clientIds: [apps.webA] });
      expect((await getApiResource(db, people.devA, api.id)).servers).toEqual([{ id: apps.webA, name: 'Web App' }]);
      expect(await lastAudit('api.servers_changed')).toMatchObject({ details: { added: [], removed: [apps.serviceA] } });
      await expect(setResourceServers(db, people.viewerA, api.id, { clientIds: [] })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(setResourceServers(db, people.devB, api.id, { clientIds: [apps.serviceB] })).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe('operator-managed APIs', () => {
    it('are invisible to teams, browsable, and decided by the operator only', async () => {
      const api = await createOperatorApiResource(db, { identifier: uniqueUri('billing'), name: 'Billing', tokenFormat: 'opaque', accessTokenTtl: 600 });
      expect(api).toMatchObject({ ownerName: null, tokenFormat: 'opaque', accessTokenTtl: 600 });
      expect(await lastAudit('api.created')).toMatchObject({ actorUserId: null, teamId: null, details: { resourceId: api.id } });
      const read = scopeName('billing:read');
      await addOperatorApiScope(db, { identifier: api.identifier }, { name: read, description: 'Read bills' });
      await expect(getApiResource(db, people.ownerA, api.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(addApiScope(db, people.ownerA, api.id, { name: scopeName('x'), description: 'X' })).rejects.toBeInstanceOf(NotFoundError);

      expect(await requestApiAccess(db, people.devB, apps.webB, { id: api.id }, { scopes: [read] })).toMatchObject({ status: 'pending' });
      await expect(decideApiAccess(db, people.ownerB, api.id, apps.webB, { decision: 'approve', scopes: [read] })).rejects.toBeInstanceOf(NotFoundError);
      const decided = await decideOperatorApiAccess(db, { id: api.id }, apps.webB, { decision: 'approve', scopes: read });
      expect(decided).toMatchObject({ status: 'approved', approvedScopes: [read], client: { id: apps.webB }, team: { id: teamB.id } });
      expect(await lastAudit('api.access_approved')).toMatchObject({ actorUserId: null, clientId: apps.webB });

      // An app made with the CLI cannot ask: the operator grants it directly.
      const cli = (await createClient(db, SERVICE)).client.id;
      expect(await decideOperatorApiAccess(db, { id: api.id }, cli, { decision: 'approve', scopes: [read] })).toMatchObject({ requestedScopes: [read], approvedScopes: [read], team: null });
      await expect(decideOperatorApiAccess(db, { id: api.id }, apps.serviceB, { decision: 'reject' })).rejects.toBeInstanceOf(NotFoundError);

      // Team APIs are their team's to decide.
      const teamApi = await apiOfA([scopeName('t')]);
      await expect(decideOperatorApiAccess(db, { id: teamApi.id }, apps.webB, { decision: 'reject' })).rejects.toBeInstanceOf(NotFoundError);
      await expect(addOperatorApiScope(db, { id: teamApi.id }, { name: scopeName('y'), description: 'Y' })).rejects.toBeInstanceOf(NotFoundError);
      expect((await listAllApiResources(db)).map((a) => a.id)).toEqual(expect.arrayContaining([api.id, teamApi.id]));
    });

    it('sets the default resource to an operator-managed API only, audited', async () => {
      const api = await createOperatorApiResource(db, { identifier: uniqueUri('default'), name: 'Default' });
      expect(await setDefaultResource(db, api.identifier)).toEqual({ identifier: api.identifier, name: 'Default' });
      expect(await db.setting.findUnique({ where: { key: 'default_resource' } })).toMatchObject({ value: JSON.stringify(api.identifier) });
      expect(await lastAudit('settings.default_resource')).toMatchObject({ actorUserId: null, details: { identifier: api.identifier } });
      const teamApi = await apiOfA();
      await expect(setDefaultResource(db, teamApi.identifier)).rejects.toBeInstanceOf(NotFoundError);
      await expect(setDefaultResource(db, 'https://unknown.example.com')).rejects.toBeInstanceOf(NotFoundError);
      expect(await setDefaultResource(db, null)).toEqual({ identifier: null, name: null });
      expect(await db.setting.findUnique({ where: { key: 'default_resource' } })).toMatchObject({ value: 'null' });
    });
  });
});
