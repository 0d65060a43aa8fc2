/** Apps: creation with the secret shown once, visibility across teams, roles, edits and their rules. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '@/lib/oidc/tokens.ts';
import { startCore, type Harness } from '@/tests/support/core-harness.ts';
import { auditActions, makeActor, makeTeam, makeTeamClient, SERVICE, WEB } from '@/tests/support/portal.ts';
import { createClient, ForbiddenError, getClient, listClients, NotFoundError, setClientDisabled, updateClient, ValidationError } from './index.ts';

let h: Harness;
let people: Record<'owner' | 'dev' | 'viewer' | 'outsider' | 'admin', Awaited<ReturnType<typeof makeActor>>>;
let team: Awaited<ReturnType<typeof makeTeam>>;

beforeAll(async () => {
  h = await startCore();
  const db = h.runtime.db;
  people = {
    owner: await makeActor(db), dev: await makeActor(db), viewer: await makeActor(db), outsider: await makeActor(db), admin: await makeActor(db, { admin: true }),
  };
  team = await makeTeam(db, people.owner, [[people.dev, 'developer'], [people.viewer, 'viewer'], [people.admin, 'developer']]);
});
afterAll(() => h?.close());

describe('createTeamClient', () => {
  it('returns the secret once and stores only its hash and last four characters', async () => {
    const db = h.runtime.db;
    const { client, clientSecret } = await makeTeamClient(db, people.dev, team.id, { ...WEB, description: 'Our site', clientUri: 'https://app.example.com' });
    expect(clientSecret).toMatch(/^cs_[A-Za-z0-9_-]{43}$/);
    expect(client).toMatchObject({ team: { id: team.id }, role: 'developer', description: 'Our site', clientUri: 'https://app.example.com', refreshTokenRotation: true });
    expect(client.secrets).toEqual([expect.objectContaining({ last4: clientSecret!.slice(-4), status: 'active' })]);
    const rows = await db.clientSecret.findMany({ where: { clientId: client.id } });
    expect(rows).toEqual([expect.objectContaining({ hash: sha256(clientSecret!), last4: clientSecret!.slice(-4) })]);
    expect(JSON.stringify(await db.client.findUnique({ where: { id: client.id }, include: { secrets: true } }))).not.toContain(clientSecret);
    expect(JSON.stringify(await getClient(db, people.owner, client.id))).not.toContain(clientSecret);
    expect(await auditActions(db, { clientId: client.id })).toEqual(['client.created']);
  });

  it('refuses viewers and non-members, writing nothing', async () => {
    const db = h.runtime.db;
    const before = await db.client.count();
    await expect(makeTeamClient(db, people.viewer, team.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(makeTeamClient(db, people.outsider, team.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.client.count()).toBe(before);
  });

  it('reports every problem with field paths', async () => {
    const err = await makeTeamClient(h.runtime.db, people.dev, team.id, {
      name: '', type: 'spa', redirectUris: ['http://app.example.com/cb', 'https://ok.example.com/cb#x'], grantTypes: ['client_credentials'], logoUri: 'ftp://x',
    }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    const paths = (err as ValidationError).issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['name', 'logoUri', 'grantTypes', 'redirectUris.0', 'redirectUris.1']));
  });

  it('keeps the CLI path: no team, invisible to the portal', async () => {
    const db = h.runtime.db;
    const { client } = await createClient(db, WEB);
    expect((await db.client.findUnique({ where: { id: client.id } }))?.teamId).toBeNull();
    await expect(getClient(db, people.owner, client.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('visibility', () => {
  it('lists the apps of the actor’s teams only, with their role', async () => {
    const db = h.runtime.db;
    const mine = await makeTeamClient(db, people.owner, team.id, SERVICE);
    const otherTeam = await makeTeam(db, people.outsider);
    const theirs = await makeTeamClient(db, people.outsider, otherTeam.id);
    const viewerList = await listClients(db, people.viewer);
    expect(viewerList.map((c) => c.id)).toContain(mine.client.id);
    expect(viewerList.map((c) => c.id)).not.toContain(theirs.client.id);
    expect(viewerList.every((c) => c.role === 'viewer' && c.team.id === team.id)).toBe(true);
    expect(await listClients(db, people.owner, { teamId: otherTeam.id })).toEqual([]);
    await expect(getClient(db, people.owner, theirs.client.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getClient(db, people.owner, 'no-such-id')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('shows viewers the secret list without last4', async () => {
    const { client } = await makeTeamClient(h.runtime.db, people.owner, team.id);
    const seen = await getClient(h.runtime.db, people.viewer, client.id);
    expect(seen.secrets).toEqual([expect.objectContaining({ last4: null, status: 'active' })]);
  });
});

describe('updateClient', () => {
  it('patches fields, checks redirect URIs against the app type and audits', async () => {
    const db = h.runtime.db;
    const { client } = await makeTeamClient(db, people.owner, team.id);
    const updated = await updateClient(db, people.dev, client.id, {
      name: 'Renamed', description: '', redirectUris: ['https://new.example.com/cb'], accessTokenTtl: 600, refreshTokenRotation: false, grantTypes: ['authorization_code'],
    });
    expect(updated).toMatchObject({ name: 'Renamed', description: null, redirectUris: ['https://new.example.com/cb'], accessTokenTtl: 600, refreshTokenRotation: false, grantTypes: ['authorization_code'] });
    await expect(updateClient(db, people.dev, client.id, { redirectUris: ['com.example.app:/cb'] })).rejects.toMatchObject({ issues: [{ path: ['redirectUris', 0] }] });
    await expect(updateClient(db, people.dev, client.id, { redirectUris: [] })).rejects.toBeInstanceOf(ValidationError);
    await expect(updateClient(db, people.dev, client.id, { accessTokenTtl: 59 })).rejects.toMatchObject({ issues: [{ path: ['accessTokenTtl'] }] });
    await expect(updateClient(db, people.dev, client.id, { refreshTokenTtl: 366 * 86400 })).rejects.toMatchObject({ issues: [{ path: ['refreshTokenTtl'] }] });
    expect(await auditActions(db, { clientId: client.id })).toEqual(['client.created', 'client.updated']);
  });

  it('lets only administrators change skipConsent, and viewers nothing', async () => {
    const db = h.runtime.db;
    const { client } = await makeTeamClient(db, people.owner, team.id);
    await expect(updateClient(db, people.owner, client.id, { skipConsent: true })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await updateClient(db, people.admin, client.id, { skipConsent: true })).skipConsent).toBe(true);
    await expect(updateClient(db, people.viewer, client.id, { name: 'x' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateClient(db, people.outsider, client.id, { name: 'x' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('keeps grant types to those of the type', async () => {
    const db = h.runtime.db;
    const { client } = await makeTeamClient(db, people.owner, team.id, SERVICE);
    await expect(updateClient(db, people.dev, client.id, { grantTypes: ['authorization_code'] })).rejects.toMatchObject({ issues: [{ path: ['grantTypes'] }] });
    await expect(updateClient(db, people.dev, client.id, { redirectUris: ['https://a.example.com/cb'] })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('setClientDisabled', () => {
  it('disables for developers, refuses viewers, and the core stops authenticating the client', async () => {
    const db = h.runtime.db;
    const { client } = await makeTeamClient(db, people.owner, team.id);
    await expect(setClientDisabled(db, people.viewer, client.id, true)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await setClientDisabled(db, people.dev, client.id, true)).disabled).toBe(true);
    expect((await h.runtime.stores.clients.find(client.id))?.disabled).toBe(true);
    expect(await auditActions(db, { clientId: client.id })).toEqual(['client.created', 'client.disabled']);
  });
});
