/**
 * The end user's side of issue 4 in a real browser: a consent with an optional scope unticked,
 * the app on /account/apps with what it was granted, revoking it (after which the relying
 * party's refresh token fails and introspection says inactive), and /account/activity listing it
 * all. Screenshots of the three screens at desktop and phone widths go to e2e/screenshots/account-*.png.
 */
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { SCOPE_DESCRIPTIONS } from '../lib/oidc/scopes.ts';
import { openDb } from '../tests/support/fixtures.ts';
import type { E2EState } from './support/state.ts';
import { expect, onPortico, onRelyingParty, signIn, test } from './support/test.ts';

const DIR = path.join(import.meta.dirname, 'screenshots');
const LONG_SCOPE = 'openid profile email phone address offline_access';
const APP = 'Harbor Calendar';
const LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><rect width="48" height="48" rx="10" fill="#0e7490"/><rect x="12" y="14" width="24" height="22" rx="3" fill="#fff"/><rect x="12" y="14" width="24" height="6" fill="#164e63"/></svg>`;

const capture = (page: Page, name: string) => page.screenshot({ path: path.join(DIR, `account-${name}.png`), fullPage: true, animations: 'disabled' });

async function newPage(browser: Browser, state: E2EState, viewport: { width: number; height: number }, isMobile: boolean) {
  const context = await browser.newContext({ viewport, isMobile, hasTouch: isMobile, deviceScaleFactor: 2 });
  const page = await context.newPage();
  // The app's logo, as its own server would serve it (the relying party serves no images).
  await page.route(`${state.rp.origin}/logo.svg`, (route) => route.fulfill({ contentType: 'image/svg+xml', body: LOGO_SVG }));
  return page;
}

function basic(id: string, secret: string) {
  return `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;
}

async function tokenEndpoint(state: E2EState, endpoint: 'token' | 'introspect', body: Record<string, string>) {
  const client = state.clients.account;
  return fetch(new URL(`/oauth/${endpoint}`, state.issuer), {
    method: 'POST',
    headers: { authorization: basic(client.id, client.secret), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(body),
  });
}

const introspect = async (state: E2EState, token: string) => ((await (await tokenEndpoint(state, 'introspect', { token })).json()) as { active: boolean }).active;

test.beforeAll(async ({ state }) => {
  // The developer's metadata: a logo and the three links the consent screen offers.
  const db = await openDb(`file:${path.join(state.dataDir, 'portico.db')}`);
  try {
    await db.client.update({
      where: { id: state.clients.account.id },
      data: {
        logoUri: `${state.rp.origin}/logo.svg`,
        clientUri: `${state.rp.origin}/`,
        policyUri: `${state.rp.origin}/privacy`,
        tosUri: `${state.rp.origin}/terms`,
      },
    });
  } finally {
    await db.$disconnect();
  }
});

test('consent with a scope unticked, the app under Connected apps, revoke, and the activity log', async ({ browser, rp, state }) => {
  const page = await newPage(browser, state, { width: 1280, height: 800 }, false);

  await page.goto(rp.loginUrl('account', { scope: LONG_SCOPE, state: 'account-flow' }));
  await expect(page).toHaveURL(onPortico(state, '/login'));
  await signIn(page, state.user.email, state.user.password);
  await expect(page).toHaveURL(onPortico(state, '/consent'));

  // Every scope a plain-language checkbox; openid locked on, the rest on and optional.
  const identity = page.getByRole('checkbox', { name: SCOPE_DESCRIPTIONS.openid });
  await expect(identity).toBeChecked();
  await expect(identity).toBeDisabled();
  for (const scope of LONG_SCOPE.split(' ').slice(1)) {
    await expect(page.getByRole('checkbox', { name: SCOPE_DESCRIPTIONS[scope] })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: SCOPE_DESCRIPTIONS[scope] })).toBeEnabled();
  }
  await expect(page.getByText('Required', { exact: true })).toBeVisible();
  const logo = page.getByRole('img', { name: `${APP} logo` });
  await expect(logo).toBeVisible();
  expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  for (const name of ['Website', 'Privacy policy', 'Terms of service']) {
    const link = page.getByRole('link', { name: new RegExp(`^${name}`) });
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  }
  await capture(page, 'consent-desktop');

  await page.getByRole('checkbox', { name: SCOPE_DESCRIPTIONS.phone }).uncheck();
  await page.getByRole('button', { name: 'Allow' }).click();
  await expect(page).toHaveURL(onRelyingParty(state));
  await expect(page.getByTestId('scope')).toHaveText('openid profile email address offline_access');
  const tokens = rp.tokensFor('account-flow');
  expect(tokens?.refresh_token).toBeTruthy();
  expect(await introspect(state, tokens!.access_token)).toBe(true);

  await page.goto(`${state.issuer}/account/apps`);
  const card = page.getByRole('article', { name: APP });
  await expect(card).toBeVisible();
  for (const scope of ['profile', 'email', 'address']) await expect(card.getByText(SCOPE_DESCRIPTIONS[scope]!)).toBeVisible();
  await expect(card.getByText(SCOPE_DESCRIPTIONS.phone!)).toHaveCount(0);
  await expect(card.getByText("Can access your account while you're away")).toBeVisible();
  await expect(card.getByText(/Authorized just now/)).toBeVisible();
  await capture(page, 'apps-desktop');

  const open = card.getByRole('button', { name: `Revoke access for ${APP}` });
  await open.click();
  const dialog = page.getByRole('dialog', { name: `Revoke access for ${APP}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
  await open.click();
  await capture(page, 'revoke-dialog-desktop');
  await dialog.getByRole('button', { name: 'Revoke access' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `${APP} can no longer access your account.` })).toBeVisible();
  await expect(page.getByRole('article', { name: APP })).toHaveCount(0);

  const refused = await tokenEndpoint(state, 'token', { grant_type: 'refresh_token', refresh_token: tokens!.refresh_token! });
  expect(refused.status).toBe(400);
  expect(((await refused.json()) as { error: string }).error).toBe('invalid_grant');
  expect(await introspect(state, tokens!.access_token)).toBe(false);
  expect(await introspect(state, tokens!.refresh_token!)).toBe(false);

  await page.getByRole('link', { name: 'Security activity' }).click();
  await expect(page).toHaveURL(onPortico(state, '/account/activity'));
  const activity = page.getByRole('list', { name: 'Security activity' }).getByRole('listitem');
  await expect(activity.first()).toContainText(`Revoked access for ${APP}`);
  await expect(activity.nth(1)).toContainText(`Allowed ${APP} to see your name and basic profile information`);
  await expect(activity.nth(1)).toContainText('Declined: see your phone number');
  await expect(activity.filter({ hasText: 'Signed in' }).first()).toBeVisible();
  await capture(page, 'activity-desktop');

  await page.context().close();
});

test('phone width: sign-in round trip to the account area, consent, apps and activity', async ({ browser, rp, state }) => {
  const page = await newPage(browser, state, { width: 390, height: 844 }, true);

  await page.goto(`${state.issuer}/account/apps`);
  await expect(page).toHaveURL(onPortico(state, '/login'));
  expect(new URL(page.url()).searchParams.get('callbackUrl')).toBe('/account/apps');
  await signIn(page, state.user.email, state.user.password);
  await expect(page).toHaveURL(onPortico(state, '/account/apps'));

  await page.goto(rp.loginUrl('account', { scope: LONG_SCOPE, prompt: 'consent' }));
  await expect(page).toHaveURL(onPortico(state, '/consent'));
  await expect(page.getByRole('checkbox')).toHaveCount(6);
  await capture(page, 'consent-mobile');
  await page.getByRole('checkbox', { name: SCOPE_DESCRIPTIONS.address }).uncheck();
  await page.getByRole('button', { name: 'Allow' }).click();
  await expect(page).toHaveURL(onRelyingParty(state));
  await expect(page.getByTestId('scope')).toHaveText('openid profile email phone offline_access');

  await page.goto(`${state.issuer}/account/apps`);
  await expect(page.getByRole('article', { name: APP })).toBeVisible();
  await capture(page, 'apps-mobile');

  await page.goto(`${state.issuer}/account/activity`);
  await expect(page.getByRole('list', { name: 'Security activity' }).getByRole('listitem').first()).toContainText(`Allowed ${APP}`);
  await capture(page, 'activity-mobile');

  await page.context().close();
});
