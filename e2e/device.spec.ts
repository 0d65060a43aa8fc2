/**
 * The device authorization grant (RFC 8628) in a real browser: a "TV" (plain fetch calls from the
 * spec) asks for a code, the user opens /device, signs in, checks the code and the app, and
 * approves or denies; the TV's next poll gets tokens (which work at userinfo) or access_denied.
 * The device client is created here, on the run's temporary database, with the device grant on.
 */
import path from 'node:path';
import { DEVICE_CODE_GRANT } from '../lib/oidc/device-codes.ts';
import { SCOPE_DESCRIPTIONS } from '../lib/oidc/scopes.ts';
import { makeClient, openDb } from '../tests/support/fixtures.ts';
import { clientPost } from './support/portal.ts';
import type { E2EState } from './support/state.ts';
import { expect, onPortico, signIn, test } from './support/test.ts';

const APP = 'Orchard TV';
const SCOPE = 'openid email';

let tv: { id: string; secret: string };

type DeviceResponse = { device_code: string; user_code: string; verification_uri: string; verification_uri_complete: string; interval: number };

test.beforeAll(async ({ state }) => {
  const db = await openDb(`file:${path.join(state.dataDir, 'portico.db')}`);
  try {
    const created = await makeClient(db, { name: APP, type: 'web', grantTypes: ['authorization_code', 'refresh_token', DEVICE_CODE_GRANT], redirectUris: [state.rp.redirectUri] });
    tv = { id: created.id, secret: created.secret! };
  } finally {
    await db.$disconnect();
  }
});

async function startDevice(state: E2EState): Promise<DeviceResponse> {
  const { status, body } = await clientPost(state.issuer, '/oauth/device_authorization', tv, { scope: SCOPE });
  expect(status).toBe(200);
  return body as unknown as DeviceResponse;
}

const poll = (state: E2EState, deviceCode: string) => clientPost(state.issuer, '/oauth/token', tv, { grant_type: DEVICE_CODE_GRANT, device_code: deviceCode });

test('the device shows a link; the user signs in, approves, and the device gets tokens that work', async ({ page, state }) => {
  const device = await startDevice(state);
  expect(device.verification_uri).toBe(`${state.issuer}/device`);
  expect(await poll(state, device.device_code)).toMatchObject({ status: 400, body: { error: 'authorization_pending' } });

  // verification_uri_complete, as a QR code on the TV would open it.
  await page.goto(device.verification_uri_complete);
  await expect(page).toHaveURL(onPortico(state, '/login'));
  await signIn(page, state.user.email, state.user.password);

  await expect(page).toHaveURL(onPortico(state, '/device'));
  await expect(page.getByRole('heading', { name: `${APP} wants to access your Portico account` })).toBeVisible();
  await expect(page.getByTestId('device-user-code')).toHaveText(device.user_code);
  await expect(page.getByText(`Signed in as ${state.user.email}`)).toBeVisible();
  await expect(page.getByTestId('app-not-verified')).toBeVisible();
  const permissions = page.getByRole('list').getByRole('listitem');
  await expect(permissions).toHaveCount(2);
  await expect(permissions).toContainText(SCOPE.split(' ').map((s) => SCOPE_DESCRIPTIONS[s]!));

  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByText('Device connected')).toBeVisible();

  // The device, polling again after its interval, gets its tokens once.
  const tokens = await poll(state, device.device_code);
  expect(tokens.status).toBe(200);
  expect(tokens.body).toMatchObject({ token_type: 'Bearer', scope: SCOPE, id_token: expect.any(String) });
  const info = await fetch(new URL('/oauth/userinfo', state.issuer), { headers: { authorization: `Bearer ${tokens.body!.access_token as string}` } });
  expect(await info.json()).toMatchObject({ sub: state.user.id, email: state.user.email });
  expect(await poll(state, device.device_code)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });

  // The same code again: already used.
  await page.goto(device.verification_uri_complete);
  await expect(page.getByRole('heading', { name: 'This code has already been used' })).toBeVisible();
});

test('the user types the code (any case, no dash), a wrong one first, then denies', async ({ page, state }) => {
  const device = await startDevice(state);
  await page.goto(new URL('/device', state.issuer).href);
  await expect(page).toHaveURL(onPortico(state, '/login'));
  await signIn(page, state.user.email, state.user.password);
  await expect(page).toHaveURL(onPortico(state, '/device'));
  await expect(page.getByRole('heading', { name: 'Connect a device' })).toBeVisible();

  await page.getByLabel('Code').fill('BCDF-GHJK');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('That code is not valid. Check the code your device shows and enter it again.')).toBeVisible();

  await page.getByLabel('Code').fill(device.user_code.replace('-', '').toLowerCase());
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: `${APP} wants to access your Portico account` })).toBeVisible();
  await expect(page.getByTestId('device-user-code')).toHaveText(device.user_code);

  await page.getByRole('button', { name: 'Deny' }).click();
  await expect(page.getByText('Request denied')).toBeVisible();
  expect(await poll(state, device.device_code)).toMatchObject({ status: 400, body: { error: 'access_denied' } });
});
