/**
 * Issue 12, finding 3: a public client's refresh tokens must rotate (RFC 9700 §4.14.2: refresh
 * tokens of public clients are sender-constrained or rotated; Portico rotates).
 * - No surface lets a single-page or native app turn rotation off: CLI/operator creation, the
 *   portal's edit, the REST API, RFC 7591 registration and RFC 7592 replacement.
 * - At run time a public client rotates even if its stored row says otherwise.
 * Confidential apps keep the choice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { createUser } from '@/lib/account/create-user.ts';
import { createClient } from '@/lib/portal/create-client.ts';
import { createTeamClient } from '@/lib/portal/create-team-client.ts';
import { ensurePersonalTeam } from '@/lib/portal/ensure-personal-team.ts';
import { ValidationError } from '@/lib/portal/errors.ts';
import { updateClient } from '@/lib/portal/update-client.ts';
import { call, CHALLENGE, sessionCookie, startCore, VERIFIER, type Harness } from '../support/core-harness.ts';
import { dynamicRegistration, REGISTRATION_TOKEN, restApiAs, type JsonResult } from '../support/client-surfaces.ts';

const SPA_REDIRECT = 'https://spa.example.com/cb';
const spa = { name: 'Single page', type: 'spa' as const, redirectUris: [SPA_REDIRECT] };

let h: Harness;
let owner: { id: string };

beforeAll(async () => {
  h = await startCore({ PORTICO_REGISTRATION_TOKEN: REGISTRATION_TOKEN });
  owner = await createUser(h.runtime.db, { email: 'owner@example.com', password: 'correct horse battery' });
});
afterAll(() => h?.close());

function expectRotationRefused(result: JsonResult) {
  expect(result.status, JSON.stringify(result.body)).toBe(400);
  expect(result.body).toMatchObject({ error: 'invalid_client_metadata', error_description: expect.stringMatching(/^refresh_token_rotation: .*public/) });
}

describe('turning refresh token rotation off', () => {
  it('is refused for public apps when an operator creates one (CLI)', async () => {
    for (const type of ['spa', 'native'] as const) {
      const error = await createClient(h.runtime.db, { ...spa, type, refreshTokenRotation: false }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ZodError);
      expect((error as ZodError).issues).toEqual([expect.objectContaining({ path: ['refreshTokenRotation'], message: expect.stringMatching(/public/) })]);
    }
  });

  it('is refused for a public app in the portal, and allowed for a confidential one', async () => {
    const team = await ensurePersonalTeam(h.runtime.db, { userId: owner.id });
    const { client: publicApp } = await createTeamClient(h.runtime.db, { userId: owner.id }, team.id, spa);
    const error = await updateClient(h.runtime.db, { userId: owner.id }, publicApp.id, { refreshTokenRotation: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([{ path: ['refreshTokenRotation'], message: expect.stringMatching(/public/) }]);

    const { client: webApp } = await createTeamClient(h.runtime.db, { userId: owner.id }, team.id, { name: 'Web', type: 'web', redirectUris: ['https://web.example.com/cb'] });
    const updated = await updateClient(h.runtime.db, { userId: owner.id }, webApp.id, { refreshTokenRotation: false });
    expect(updated.refreshTokenRotation).toBe(false);
  });

  it('is refused for a public app through the REST API', async () => {
    const api = await restApiAs(h, owner.id);
    const metadata = { client_name: 'SPA', portico_app_type: 'spa', redirect_uris: [SPA_REDIRECT] };
    expectRotationRefused(await api('POST', '/clients', { ...metadata, refresh_token_rotation: false }));
    const created = await api('POST', '/clients', metadata);
    expect(created.status).toBe(201);
    expectRotationRefused(await api('PATCH', `/clients/${created.body.client_id}`, { refresh_token_rotation: false }));
  });

  it('is refused for a public client in dynamic registration (RFC 7591) and its replacement (RFC 7592)', async () => {
    const metadata = { client_name: 'Registered SPA', token_endpoint_auth_method: 'none', redirect_uris: [SPA_REDIRECT] };
    expectRotationRefused(await dynamicRegistration(h, { ...metadata, refresh_token_rotation: false }));
    const created = await dynamicRegistration(h, metadata);
    expect(created.status).toBe(201);
    expect(created.body.refresh_token_rotation).toBe(true);
    const manage = { clientId: String(created.body.client_id), token: String(created.body.registration_access_token) };
    expectRotationRefused(await dynamicRegistration(h, { ...metadata, client_id: manage.clientId, refresh_token_rotation: false }, manage));

    const confidential = await dynamicRegistration(h, { client_name: 'Registered web', redirect_uris: ['https://web.example.com/cb'], refresh_token_rotation: false });
    expect(confidential.status).toBe(201);
    expect(confidential.body.refresh_token_rotation).toBe(false);
  });
});

describe('refreshing as a public client', () => {
  it('rotates the refresh token even when an old row has rotation off', async () => {
    const user = await createUser(h.runtime.db, { email: 'user@example.com', password: 'correct horse battery' });
    const { client } = await createClient(h.runtime.db, spa);
    await h.runtime.stores.consents.grant(user.id, client.id, ['openid', 'offline_access']);
    await h.runtime.db.client.update({ where: { id: client.id }, data: { refreshTokenRotation: false } });

    const params = new URLSearchParams({
      client_id: client.id, redirect_uri: SPA_REDIRECT, response_type: 'code', scope: 'openid offline_access', code_challenge: CHALLENGE, code_challenge_method: 'S256',
    });
    const authorized = await call(h, 'authorize', { path: `/oauth/authorize?${params}`, headers: { cookie: await sessionCookie(h, user.id) } });
    const code = new URL(authorized.headers.get('location')!).searchParams.get('code')!;
    const tokenRequest = (body: Record<string, string>) => call(h, 'token', { body: { client_id: client.id, ...body } });
    const first = await (await tokenRequest({ grant_type: 'authorization_code', code, redirect_uri: SPA_REDIRECT, code_verifier: VERIFIER })).json();
    expect(first.refresh_token).toBeTruthy();

    const refreshed = await tokenRequest({ grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(refreshed.status).toBe(200);
    const second = await refreshed.json();
    expect(second.refresh_token).toBeTruthy();
    expect(second.refresh_token).not.toBe(first.refresh_token);
    // The spent token is retired: presenting it again is refused (and revokes the family).
    expect(await (await tokenRequest({ grant_type: 'refresh_token', refresh_token: first.refresh_token })).json()).toMatchObject({ error: 'invalid_grant' });
  });
});
