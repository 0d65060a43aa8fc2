/**
 * Account deletion on a real database with the real core: re-authentication, tokens dead at the
 * real introspection endpoint, personal apps purged, shared teams kept with an owner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/lib/account/create-user.ts';
import { deleteAccount, WrongPasswordError } from '@/lib/account/delete-account.ts';
import { createClient } from '@/lib/portal/create-client.ts';
import { ForbiddenError } from '@/lib/portal/errors.ts';
import { basic, call, CHALLENGE, sessionCookie, startCore, VERIFIER, type Harness } from '../support/core-harness.ts';
import { makeActor, makeTeam, makeTeamClient, SERVICE } from '../support/portal.ts';

const PASSWORD = 'correct horse battery staple';
let h: Harness;
let api: { id: string; secret: string };
const API = 'https://api.example.com/notes';

beforeAll(async () => {
  h = await startCore();
  const created = await createClient(h.runtime.db, { name: 'Resource server', type: 'service' });
  api = { id: created.client.id, secret: created.clientSecret! };
  // RFC 7662 §4: the API's own server may introspect the tokens issued for it.
  await h.runtime.db.apiResource.create({ data: { id: 'api_notes', identifier: API, name: 'Notes API', openAccess: true, servers: { create: [{ clientId: api.id }] } } });
});
afterAll(() => h?.close());

const introspect = async (token: string) =>
  (await (await call(h, 'introspect', { body: { token }, headers: { authorization: basic(api.id, api.secret) } })).json()).active as boolean;

async function signInToApp(userId: string) {
  const app = await createClient(h.runtime.db, { name: 'Notes', type: 'web', redirectUris: ['https://notes.example.com/cb'] });
  await h.runtime.stores.consents.grant(userId, app.client.id, ['openid', 'offline_access'], [], [API]);
  const params = new URLSearchParams({
    client_id: app.client.id, redirect_uri: 'https://notes.example.com/cb', response_type: 'code', scope: 'openid offline_access',
    code_challenge: CHALLENGE, code_challenge_method: 'S256', resource: API,
  });
  const res = await call(h, 'authorize', { path: `/oauth/authorize?${params}`, headers: { cookie: await sessionCookie(h, userId) } });
  const code = new URL(res.headers.get('location')!).searchParams.get('code')!;
  const tokens = await (
    await call(h, 'token', {
      body: { grant_type: 'authorization_code', code, redirect_uri: 'https://notes.example.com/cb', code_verifier: VERIFIER },
      headers: { authorization: basic(app.client.id, app.clientSecret!) },
    })
  ).json();
  return { clientId: app.client.id, secret: app.clientSecret!, tokens };
}

describe('deleteAccount', () => {
  it('requires the current password and changes nothing without it', async () => {
    const user = await createUser(h.runtime.db, { email: 'keep@example.com', password: PASSWORD });
    await expect(deleteAccount(h.runtime.db, h.runtime.rateLimits.currentPasswordPerAccount, { userId: user.id }, 'wrong password')).rejects.toBeInstanceOf(WrongPasswordError);
    expect(await h.runtime.db.user.count({ where: { id: user.id } })).toBe(1);
  });

  it('deletes the user, kills their tokens and purges the apps only they owned', async () => {
    const user = await createUser(h.runtime.db, { email: 'leave@example.com', password: PASSWORD });
    const { clientId, secret, tokens } = await signInToApp(user.id);
    expect(await introspect(tokens.access_token)).toBe(true);

    const actor = { userId: user.id };
    const team = await makeTeam(h.runtime.db, actor, []);
    const own = await makeTeamClient(h.runtime.db, actor, team.id, SERVICE);
    await h.runtime.db.apiResource.create({ data: { id: 'api_leaving', teamId: team.id, identifier: 'https://leaving.example.com/', name: 'Leaving API' } });
    const ownToken = await (
      await call(h, 'token', { body: { grant_type: 'client_credentials', resource: API }, headers: { authorization: basic(own.client.id, own.clientSecret!) } })
    ).json();

    const colleague = await makeActor(h.runtime.db);
    const shared = await makeTeam(h.runtime.db, colleague, [[{ ...actor, email: 'leave@example.com' }, 'developer']]);

    const result = await deleteAccount(h.runtime.db, h.runtime.rateLimits.currentPasswordPerAccount, actor, PASSWORD);
    expect(result.clientIds).toEqual([clientId]);
    expect(await h.runtime.db.user.count({ where: { id: user.id } })).toBe(0);
    expect(await introspect(tokens.access_token)).toBe(false);
    expect(await introspect(ownToken.access_token)).toBe(false);
    const refresh = await call(h, 'token', { body: { grant_type: 'refresh_token', refresh_token: tokens.refresh_token }, headers: { authorization: basic(clientId, secret) } });
    expect((await refresh.json()).error).toBe('invalid_grant');
    expect(await h.runtime.db.client.count({ where: { id: own.client.id } })).toBe(0);
    expect(await h.runtime.db.apiResource.count({ where: { id: 'api_leaving' } })).toBe(0);
    expect(await h.runtime.db.team.count({ where: { id: shared.id } })).toBe(1);
    expect(await h.runtime.db.consent.count({ where: { userId: user.id } })).toBe(0);
  });

  it('refuses while the user is the only owner of a team with other members', async () => {
    const user = await createUser(h.runtime.db, { email: 'owner@example.com', password: PASSWORD });
    const other = await makeActor(h.runtime.db);
    await makeTeam(h.runtime.db, { userId: user.id }, [[other, 'developer']]);
    await expect(deleteAccount(h.runtime.db, h.runtime.rateLimits.currentPasswordPerAccount, { userId: user.id }, PASSWORD)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await h.runtime.db.user.count({ where: { id: user.id } })).toBe(1);
  });
});
