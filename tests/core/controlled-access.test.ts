/**
 * Controlled access at the protocol endpoints: an app limited to assigned users refuses everyone
 * else at /oauth/authorize with access_denied (never a code), accepts users assigned directly or
 * through a group, and stops refreshing for a user removed from it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REUSE_VERSION_MS } from '@/lib/db/cache-version.ts';
import { basic, call, CHALLENGE, seed, sessionCookie, startCore, VERIFIER, type Harness } from '../support/core-harness.ts';

let h: Harness;
let ctx: Awaited<ReturnType<typeof seed>>;
const REDIRECT = 'https://app.example.com/cb';
/** Policy changes reach a running store within the cache window. */
const policyApplies = () => new Promise((resolve) => setTimeout(resolve, REUSE_VERSION_MS + 50));

beforeAll(async () => {
  h = await startCore();
  ctx = await seed(h);
  await h.runtime.db.client.update({ where: { id: ctx.client.id }, data: { accessPolicy: 'assigned' } });
  await policyApplies();
});
afterAll(() => h?.close());

async function authorize() {
  const params = new URLSearchParams({
    client_id: ctx.client.id, redirect_uri: REDIRECT, response_type: 'code', scope: 'openid email offline_access', state: 's1', nonce: 'n1',
    code_challenge: CHALLENGE, code_challenge_method: 'S256',
  });
  const res = await call(h, 'authorize', { path: `/oauth/authorize?${params}`, headers: { cookie: await sessionCookie(h, ctx.user.id) } });
  expect(res.status).toBe(303);
  return new URL(res.headers.get('location')!);
}

const token = (body: Record<string, string>) => call(h, 'token', { body, headers: { authorization: basic(ctx.client.id, ctx.secret) } });

describe('an app limited to assigned users', () => {
  it('answers access_denied to a signed-in user who is not assigned, with no code', async () => {
    const back = await authorize();
    expect(back.origin + back.pathname).toBe(REDIRECT);
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('error_description')).toMatch(/not been given access/);
    expect(back.searchParams.get('state')).toBe('s1');
    expect(back.searchParams.has('code')).toBe(false);
  });

  it('lets in a member of an assigned group, and stops refreshing once the user is removed', async () => {
    const { db } = h.runtime;
    const group = await db.group.create({ data: { id: 'g-staff', name: 'Staff' } });
    await db.groupMember.create({ data: { groupId: group.id, userId: ctx.user.id } });
    await db.appGroupAssignment.create({ data: { clientId: ctx.client.id, groupId: group.id } });

    const code = (await authorize()).searchParams.get('code');
    expect(code).toBeTruthy();
    const issued = await token({ grant_type: 'authorization_code', code: code!, redirect_uri: REDIRECT, code_verifier: VERIFIER });
    expect(issued.status).toBe(200);
    const { refresh_token } = await issued.json();

    await db.groupMember.delete({ where: { groupId_userId: { groupId: group.id, userId: ctx.user.id } } });
    const refused = await token({ grant_type: 'refresh_token', refresh_token });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: 'invalid_grant', error_description: expect.stringMatching(/no longer has access/) });

    // Assigned directly, the same refresh token works again: the refusal did not spend it.
    await db.appUserAssignment.create({ data: { clientId: ctx.client.id, userId: ctx.user.id } });
    expect((await token({ grant_type: 'refresh_token', refresh_token })).status).toBe(200);
  });

  it('lets everyone in again once the policy is back to everyone', async () => {
    const { db } = h.runtime;
    await db.appUserAssignment.deleteMany({ where: { clientId: ctx.client.id } });
    await db.client.update({ where: { id: ctx.client.id }, data: { accessPolicy: 'everyone' } });
    await policyApplies();
    expect((await authorize()).searchParams.get('code')).toBeTruthy();
  });
});
