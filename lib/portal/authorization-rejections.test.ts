/**
 * Refused sign-in requests (issue 12: "per-app log of rejected authorization requests"): a request
 * answered with Portico's error page is listed on the app's Activity tab with the redirect_uri
 * sent and the reason; repeats within a minute once; visible to members only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startCore, type Harness } from '@/tests/support/core-harness.ts';
import { makeActor, makeTeam, makeTeamClient, WEB } from '@/tests/support/portal.ts';
import { listAuthorizationRejections, NotFoundError } from './index.ts';

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

const authorize = (query: Record<string, string>) =>
  call(h, 'authorize', { path: `/oauth/authorize?${new URLSearchParams({ response_type: 'code', scope: 'openid', state: 's', ...query })}` });

describe('refused sign-in requests', () => {
  it('lists a request refused for an unregistered redirect_uri, with what was sent and why, once per minute', async () => {
    const { client } = await makeTeamClient(h.runtime.db, owner, team.id, WEB);
    const wrong = 'https://evil.example.com/cb';
    for (let i = 0; i < 3; i++) {
      const res = await authorize({ client_id: client.id, redirect_uri: wrong });
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
    }
    expect(await listAuthorizationRejections(h.runtime.db, owner, client.id)).toEqual([
      { at: h.clock.now, redirectUri: wrong, reason: expect.stringMatching(/redirect_uri is not registered/) },
    ]);
    h.clock.advance(61);
    await authorize({ client_id: client.id });
    const listed = await listAuthorizationRejections(h.runtime.db, owner, client.id);
    expect(listed.map((r) => [r.redirectUri, r.reason])).toEqual([
      [null, expect.stringMatching(/"redirect_uri" parameter is required/)],
      [wrong, expect.stringMatching(/redirect_uri is not registered/)],
    ]);
  });

  it('records nothing for an unknown client_id, and lists nothing to non-members', async () => {
    const before = await h.runtime.db.authorizationRejection.count();
    expect((await authorize({ client_id: 'nobody-registered-this', redirect_uri: 'https://x.example.com/cb' })).status).toBe(400);
    expect(await h.runtime.db.authorizationRejection.count()).toBe(before);
    const { client } = await makeTeamClient(h.runtime.db, owner, team.id, WEB);
    await expect(listAuthorizationRejections(h.runtime.db, outsider, client.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
