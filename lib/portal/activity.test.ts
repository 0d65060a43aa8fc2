/** Per-app activity: counted as tokens and sign-ins happen, zero-filled over 30 days, visible to members only. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basic, call, CHALLENGE, sessionCookie, startCore, type Harness } from '@/tests/support/core-harness.ts';
import { makeActor, makeTeam, makeTeamClient, SERVICE, WEB } from '@/tests/support/portal.ts';
import { activityCounterOf } from '../db/activity-counter.ts';
import { getClientActivity, NotFoundError } from './index.ts';

let h: Harness;
let owner: Awaited<ReturnType<typeof makeActor>>;
let outsider: Awaited<ReturnType<typeof makeActor>>;
let team: Awaited<ReturnType<typeof makeTeam>>;

beforeAll(async () => {
  h = await startCore();
  owner = await makeActor(h.runtime.db);
  outsider = await makeActor(h.runtime.db);
  team = await makeTeam(h.runtime.db, owner, []);
});
afterAll(() => h?.close());

describe('getClientActivity', () => {
  it('counts token grants per day as they are issued', async () => {
    const { client, clientSecret } = await makeTeamClient(h.runtime.db, owner, team.id, SERVICE);
    const issue = () => call(h, 'token', { body: { grant_type: 'client_credentials' }, headers: { authorization: basic(client.id, clientSecret!) } });
    await Promise.all([issue(), issue(), issue()]);
    h.clock.advance(86_400);
    await issue();
    await activityCounterOf(h.runtime.db).drain();
    const activity = await getClientActivity(h.runtime.db, owner, client.id, h.clock.now);
    expect(activity.days).toHaveLength(30);
    expect(activity.days.slice(-2).map((d) => d.tokens)).toEqual([3, 1]);
    expect(activity.totals).toEqual({ signIns: 0, tokens: 4 });
    expect(activity.lastUsedAt?.getTime()).toBe(h.clock.now.getTime());
  });

  it('counts sign-ins (codes issued to users) and users with consent', async () => {
    const { client } = await makeTeamClient(h.runtime.db, owner, team.id, WEB);
    await h.runtime.stores.consents.grant(owner.userId, client.id, ['openid']);
    const params = new URLSearchParams({
      client_id: client.id, redirect_uri: client.redirectUris[0]!, response_type: 'code', scope: 'openid', code_challenge: CHALLENGE, code_challenge_method: 'S256',
    });
    const res = await call(h, 'authorize', { path: `/oauth/authorize?${params}`, headers: { cookie: await sessionCookie(h, owner.userId) } });
    expect(new URL(res.headers.get('location')!).searchParams.get('code')).toBeTruthy();
    const activity = await getClientActivity(h.runtime.db, owner, client.id, h.clock.now);
    expect(activity.totals.signIns).toBe(1);
    expect(activity.activeUsers).toBe(1);
  });

  it('is not visible outside the team', async () => {
    const { client } = await makeTeamClient(h.runtime.db, owner, team.id, SERVICE);
    await expect(getClientActivity(h.runtime.db, outsider, client.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
