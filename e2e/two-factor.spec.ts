/**
 * Issue 4 in a real browser: a new user signs up, confirms the address by the outbox link, turns
 * on two-step verification (the test computes the TOTP code as an authenticator app would),
 * signs in to an app that asks for it (acr_values) with password + code, allows it with one
 * optional scope unticked, then revokes it; the app's refresh token fails and introspection says
 * inactive. Then the session list: signing out one session ends the other browser's, and
 * "Sign out everywhere" ends them all. Screenshots go to e2e/screenshots/two-factor-*.png.
 */
import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import { ACR_MFA } from '../lib/oidc/acr.ts';
import { SCOPE_DESCRIPTIONS } from '../lib/oidc/scopes.ts';
import { totpAt, totpStep } from '../lib/account/totp.ts';
import { linkFromOutbox } from './support/outbox.ts';
import { clientPost, PORTAL_PASSWORD, signUp, uniqueEmail } from './support/portal.ts';
import type { E2EState } from './support/state.ts';
import { expect, onPortico, onRelyingParty, signIn, test } from './support/test.ts';

const DIR = path.join(import.meta.dirname, 'screenshots');
const APP = 'Beacon Bank';
const FIREFOX_ON_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0';
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 };
const MOBILE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

const capture = (page: Page, name: string) => page.screenshot({ path: path.join(DIR, `two-factor-${name}.png`), fullPage: true, animations: 'disabled' });

async function newPage(browser: Browser, state: E2EState, options: BrowserContextOptions = DESKTOP): Promise<Page> {
  return (await browser.newContext({ baseURL: state.issuer, ...options })).newPage();
}

/**
 * A code the authenticator app would show: the next time step's, which is still inside the
 * server's ±1 step window and never one already spent (RFC 6238 §5.2 refuses reuse).
 */
const nextCode = (key: string) => totpAt(key, totpStep(Date.now()) + 1);

async function signUpVerified(page: Page, state: E2EState, who: string): Promise<string> {
  const email = uniqueEmail(who);
  await page.goto('/signup');
  await signUp(page, { name: 'Tess Ng', email });
  await expect(page).toHaveURL((url) => url.pathname.startsWith('/developers'));
  await page.goto(await linkFromOutbox(state, email, '/verify-email'));
  await expect(page.getByRole('heading', { name: 'Email address confirmed' })).toBeVisible();
  return email;
}

/** /account/security → set up → the key as typed by hand → a code → the recovery codes. */
async function turnOnTwoStep(page: Page, screenshots: string | null): Promise<{ key: string; recoveryCodes: string[] }> {
  await page.goto('/account/security');
  await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
  await expect(page.getByRole('img', { name: 'QR code for setting up your authenticator app' })).toBeVisible();
  if (screenshots) await capture(page, `setup-${screenshots}`);
  const key = (await page.locator('code').filter({ hasText: /^[A-Z2-7 ]+$/ }).textContent())!.replace(/\s/g, '');

  await page.getByLabel('Code from the app').fill('123');
  await page.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.getByText('Enter the 6-digit code your authenticator app shows.')).toBeVisible();
  await page.getByLabel('Code from the app').fill(totpAt(key, totpStep(Date.now())));
  // Turning it on re-authenticates: the current password goes with the code.
  await page.getByRole('region', { name: 'Two-step verification' }).getByLabel('Current password').fill(PORTAL_PASSWORD);
  await page.getByRole('button', { name: 'Turn on' }).click();

  await expect(page.getByRole('heading', { name: 'Two-step verification is on. Save your recovery codes.' })).toBeVisible();
  const recoveryCodes = await page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').allTextContents();
  expect(recoveryCodes).toHaveLength(10);
  if (screenshots) await capture(page, `recovery-codes-${screenshots}`);
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByText('10 recovery codes left')).toBeVisible();
  return { key, recoveryCodes };
}

test('sign up, verify, turn on TOTP, sign in to an app that asks for it, consent with a scope unticked, revoke', async ({ browser, rp, state }) => {
  const setup = await newPage(browser, state);
  const email = await signUpVerified(setup, state, 'totp');
  const { key, recoveryCodes } = await turnOnTwoStep(setup, 'desktop');
  await setup.context().close();

  // A fresh browser; the app asks for multi-factor authentication (OIDC Core §3.1.2.1 acr_values).
  const page = await newPage(browser, state);
  await page.goto(rp.loginUrl('twoStep', { scope: 'openid email phone offline_access', state: 'totp-flow', acr_values: ACR_MFA }));
  await expect(page).toHaveURL(onPortico(state, '/login'));
  await expect(page.getByText(`${APP} asks you to sign in with two-step verification`)).toBeVisible();
  await signIn(page, email, PORTAL_PASSWORD);
  const code = page.getByLabel('Verification code');
  await expect(code).toBeFocused();
  await expect(page.getByLabel('Password')).toBeHidden();
  await capture(page, 'sign-in-code-desktop');
  await code.fill('000000');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText("That code didn't work.")).toBeVisible();
  await code.fill(nextCode(key));
  await page.getByRole('button', { name: 'Verify' }).click();

  await expect(page).toHaveURL(onPortico(state, '/consent'));
  await page.getByRole('checkbox', { name: SCOPE_DESCRIPTIONS.phone }).uncheck();
  await page.getByRole('button', { name: 'Allow' }).click();
  await expect(page).toHaveURL(onRelyingParty(state));
  await expect(page.getByTestId('scope')).toHaveText('openid email offline_access');
  await expect(page.getByTestId('acr')).toHaveText(ACR_MFA);
  await expect(page.getByTestId('amr')).toHaveText('pwd otp mfa');
  const tokens = rp.tokensFor('totp-flow')!;
  expect(tokens.refresh_token).toBeTruthy();

  await page.goto('/account/apps');
  const card = page.getByRole('article', { name: APP });
  await expect(card.getByText(SCOPE_DESCRIPTIONS.email!)).toBeVisible();
  await expect(card.getByText(SCOPE_DESCRIPTIONS.phone!)).toHaveCount(0);
  await card.getByRole('button', { name: `Revoke access for ${APP}` }).click();
  await page.getByRole('dialog', { name: `Revoke access for ${APP}?` }).getByRole('button', { name: 'Revoke access' }).click();
  await expect(page.getByRole('article', { name: APP })).toHaveCount(0);

  const app = state.clients.twoStep;
  expect(await clientPost(state.issuer, '/oauth/token', app, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token! })).toEqual({
    status: 400,
    body: expect.objectContaining({ error: 'invalid_grant' }),
  });
  for (const token of [tokens.access_token, tokens.refresh_token!]) {
    expect((await clientPost(state.issuer, '/oauth/introspect', app, { token })).body).toEqual({ active: false });
  }

  // A recovery code signs in once, at phone width, instead of the app's code.
  const phone = await newPage(browser, state, MOBILE);
  await phone.goto('/login?callbackUrl=%2Faccount%2Fsecurity');
  await signIn(phone, email, PORTAL_PASSWORD);
  await expect(phone.getByLabel('Verification code')).toBeVisible();
  await capture(phone, 'sign-in-code-mobile');
  await phone.getByLabel('Verification code').fill(recoveryCodes[0]!.toUpperCase());
  await phone.getByRole('button', { name: 'Verify' }).click();
  await expect(phone).toHaveURL(onPortico(state, '/account/security'));
  await expect(phone.getByText('9 recovery codes left')).toBeVisible();
  await capture(phone, 'security-mobile');

  await phone.goto('/account/activity');
  const activity = phone.getByRole('list', { name: 'Security activity' });
  await expect(activity.getByText('Signed in with a recovery code')).toBeVisible();
  await expect(activity.getByText('A wrong two-step verification code was entered')).toBeVisible();
  await expect(activity.getByText('Turned on two-step verification')).toBeVisible();
  await phone.context().close();
  await page.context().close();
});

test('the session list signs out another browser, then everywhere', async ({ browser, state }) => {
  const here = await newPage(browser, state);
  const email = await signUpVerified(here, state, 'sessions');

  const elsewhere = await newPage(browser, state, { ...DESKTOP, userAgent: FIREFOX_ON_WINDOWS });
  await elsewhere.goto('/login?callbackUrl=%2Faccount%2Fapps');
  await signIn(elsewhere, email, PORTAL_PASSWORD);
  await expect(elsewhere.getByRole('heading', { name: 'Connected apps' })).toBeVisible();

  await here.goto('/account/sessions');
  const sessions = here.getByRole('list', { name: 'Signed-in sessions' }).getByRole('listitem');
  await expect(sessions).toHaveCount(2);
  await expect(sessions.first()).toContainText('This browser');
  await expect(sessions.nth(1)).toContainText('Firefox on Windows');
  await expect(sessions.nth(1)).toContainText('IP address 127.0.0.1');
  await capture(here, 'sessions-desktop');

  await here.getByRole('button', { name: /^Sign out Firefox on Windows/ }).click();
  await expect(here.getByText('Firefox on Windows has been signed out.')).toBeVisible();
  await expect(sessions).toHaveCount(1);
  await elsewhere.goto('/account/apps');
  await expect(elsewhere).toHaveURL(onPortico(state, '/login'));

  // Signed in again elsewhere, then everything ends: both browsers are signed out.
  await signIn(elsewhere, email, PORTAL_PASSWORD);
  await expect(elsewhere.getByRole('heading', { name: 'Connected apps' })).toBeVisible();
  await here.reload();
  await expect(sessions).toHaveCount(2);
  await here.getByRole('button', { name: 'Sign out everywhere' }).click();
  const dialog = here.getByRole('dialog', { name: 'Sign out everywhere?' });
  await dialog.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(here).toHaveURL(onPortico(state, '/logged-out'));
  for (const page of [here, elsewhere]) {
    await page.goto('/account/apps');
    await expect(page).toHaveURL(onPortico(state, '/login'));
  }

  const phone = await newPage(browser, state, MOBILE);
  await phone.goto('/login?callbackUrl=%2Faccount%2Fsessions');
  await signIn(phone, email, PORTAL_PASSWORD);
  await expect(phone.getByRole('list', { name: 'Signed-in sessions' }).getByRole('listitem')).toHaveCount(1);
  await capture(phone, 'sessions-mobile');
  await phone.goto('/account/activity');
  await expect(phone.getByText('Signed out everywhere')).toBeVisible();
  await expect(phone.getByText('Signed out a session')).toBeVisible();
  for (const page of [here, elsewhere, phone]) await page.context().close();
});
