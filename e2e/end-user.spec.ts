/**
 * The end user's path from any app, in a real browser at desktop (1280px) and phone (390px)
 * widths: an app's "Sign in with Portico" → the sign-in page of that request → "Create an
 * account" worded for that app → consent for that app → back at the app; then the account area
 * (the unconfirmed-email notice and "Send the email again"), confirming the address, the profile
 * page (a refused field, then a save) and the claims the app gets at userinfo once allowed; the
 * account menu that links the home page, the account area and the developer portal. At 390px
 * nothing scrolls sideways, an 80-character app name included (consent, sign-in, connected apps,
 * the portal's app header). Screenshots go to e2e/screenshots/end-user-*.png.
 */
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { s256 } from '../lib/oidc/pkce.ts';
import { makeClient, openDb } from '../tests/support/fixtures.ts';
import { linkFromOutbox } from './support/outbox.ts';
import { createApp, PORTAL_PASSWORD, signUp, uniqueEmail } from './support/portal.ts';
import type { E2EState } from './support/state.ts';
import { expect, onPortico, onRelyingParty, test } from './support/test.ts';

const DIR = path.join(import.meta.dirname, 'screenshots');
const APP = 'Saltmarsh Recipes';
/** 80 characters and no space: must wrap or truncate, never push the page sideways. */
const LONG_NAME = 'TheExtraordinarilyLongNamedRecipeCollectionOfTheSaltmarshCoastlineKitchenCompany';

const WIDTHS = [
  { label: 'desktop', viewport: { width: 1280, height: 800 }, isMobile: false },
  { label: 'phone', viewport: { width: 390, height: 844 }, isMobile: true },
] as const;

const capture = (page: Page, name: string) => page.screenshot({ path: path.join(DIR, `end-user-${name}.png`), fullPage: true, animations: 'disabled' });

/** The page fits the viewport: nothing scrolls sideways (long names wrap or truncate). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${page.url()} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
}

async function newPage(browser: Browser, state: E2EState, width: (typeof WIDTHS)[number]): Promise<Page> {
  const context = await browser.newContext({ baseURL: state.issuer, viewport: width.viewport, isMobile: width.isMobile, hasTouch: width.isMobile });
  return context.newPage();
}

/** The long-named app's authorization request, as its own "Sign in" button would start it. */
function longNameAuthorizeUrl(state: E2EState, clientId: string): string {
  const params = new URLSearchParams({
    client_id: clientId, redirect_uri: state.rp.redirectUri, response_type: 'code', scope: 'openid profile', state: 'long-name',
    code_challenge: s256('v'.repeat(43)), code_challenge_method: 'S256',
  });
  return `${state.issuer}/oauth/authorize?${params}`;
}

let longNameClientId = '';

test.beforeAll(async ({ state }) => {
  const db = await openDb(state.databaseUrl);
  try {
    longNameClientId = (await makeClient(db, { name: LONG_NAME, type: 'web', redirectUris: [state.rp.redirectUri] })).id;
  } finally {
    await db.$disconnect();
  }
});

for (const width of WIDTHS) {
  test(`${width.label}: an end user arriving from an app signs up there, consents, confirms the email and fills in the profile`, async ({ browser, rp, state }) => {
    test.setTimeout(120_000);
    const page = await newPage(browser, state, width);
    const person = { name: 'Rosa Diaz', email: uniqueEmail(`rosa-${width.label}`) };
    const firstVisit = `end-user-${width.label}-1`;
    const secondVisit = `end-user-${width.label}-2`;

    await test.step("the app's sign-in page offers an account to someone who has none", async () => {
      await page.goto(rp.loginUrl('endUser', { scope: 'openid profile email', state: firstVisit }));
      await expect(page).toHaveURL(onPortico(state, '/login'));
      await expect(page.getByText(`to continue to ${APP}`)).toBeVisible();
      await page.getByRole('link', { name: 'Create an account' }).click();
      await expect(page).toHaveURL((url) => url.pathname === '/create-account' && url.searchParams.has('interaction'));
      await expect(page.getByRole('heading', { name: 'Create your account' })).toBeVisible();
      await expect(page.getByText(`to continue to ${APP}`)).toBeVisible();
      await expect(page.getByText('Register apps')).toHaveCount(0); // worded for end users, not developers
      await expectNoSidewaysScroll(page);
      await capture(page, `sign-up-${width.label}`);
    });

    await test.step('creating the account signs in and goes on to consent for that app, then back to the app', async () => {
      await signUp(page, { ...person, password: PORTAL_PASSWORD });
      await expect(page).toHaveURL(onPortico(state, '/consent'));
      await expect(page.getByRole('heading', { name: `${APP} wants to access your Portico account` })).toBeVisible();
      await expect(page.getByText(`Signed in as ${person.email}`)).toBeVisible();
      await expectNoSidewaysScroll(page);
      await capture(page, `consent-${width.label}`);
      await page.getByRole('button', { name: 'Allow' }).click();
      await expect(page).toHaveURL(onRelyingParty(state));
      await expect(page.getByTestId('email')).toHaveText(person.email);
      await expect(page.getByTestId('scope')).toHaveText('openid profile email');
    });

    await test.step('the account area says the address is unconfirmed and mails the link again', async () => {
      await page.goto('/account');
      await expect(page).toHaveURL(onPortico(state, '/account/profile'));
      const notice = page.getByTestId('unverified-email');
      await expect(notice).toContainText('Confirm your email address');
      await notice.getByRole('button', { name: 'Send the email again' }).click();
      await expect(notice.getByRole('status')).toContainText(`We sent a new confirmation link to ${person.email}`);
      await page.goto(await linkFromOutbox(state, person.email, '/verify-email'));
      await expect(page.getByRole('heading', { name: 'Email address confirmed' })).toBeVisible();
      await page.goto('/account/profile');
      await expect(page.getByTestId('unverified-email')).toHaveCount(0);
    });

    await test.step('the profile refuses an http website, then saves and shows what apps see', async () => {
      await page.getByLabel('Given name', { exact: true }).fill('Rosa');
      await page.getByLabel('Family name', { exact: true }).fill('Diaz');
      await page.getByLabel('Website', { exact: true }).fill('http://rosa.example.com');
      await page.getByLabel('Time zone', { exact: true }).fill('europe/madrid');
      await page.getByLabel('Language', { exact: true }).fill('es-es');
      await page.getByLabel('Phone number', { exact: true }).fill('+34 910 000 000');
      await page.getByLabel('Address', { exact: true }).fill('Calle Mayor 1\n28013 Madrid');
      await page.getByRole('button', { name: 'Save profile' }).click();
      await expect(page.getByText('Website must start with https://, such as https://example.com.')).toBeVisible();
      await expect(page.getByLabel('Website', { exact: true })).toHaveAttribute('aria-invalid', 'true');

      await page.getByLabel('Website', { exact: true }).fill('https://rosa.example.com');
      await page.getByRole('button', { name: 'Save profile' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Profile saved.' })).toBeVisible();
      const shared = page.getByTestId('shared-claims');
      await expect(shared.locator('[data-claim="given_name"]')).toHaveText('Rosa');
      await expect(shared.locator('[data-claim="zoneinfo"]')).toHaveText('Europe/Madrid');
      await expect(shared.locator('[data-claim="locale"]')).toHaveText('es-ES');
      await expect(shared.locator('[data-claim="phone_number"]')).toHaveText('+34 910 000 000');
      await expectNoSidewaysScroll(page);
      await capture(page, `profile-${width.label}`);
    });

    await test.step('the app asks for phone and address too; once allowed, userinfo carries the profile', async () => {
      await page.goto(rp.loginUrl('endUser', { scope: 'openid profile email phone address', state: secondVisit }));
      await expect(page).toHaveURL(onPortico(state, '/consent'));
      await page.getByRole('button', { name: 'Allow' }).click();
      await expect(page).toHaveURL(onRelyingParty(state));
      const tokens = rp.tokensFor(secondVisit);
      expect(tokens).toBeTruthy();
      const response = await fetch(new URL('/oauth/userinfo', state.issuer), { headers: { authorization: `Bearer ${tokens!.access_token}` } });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        name: person.name, given_name: 'Rosa', family_name: 'Diaz', website: 'https://rosa.example.com', zoneinfo: 'Europe/Madrid', locale: 'es-ES',
        email: person.email, email_verified: true, phone_number: '+34 910 000 000', address: { formatted: 'Calle Mayor 1\n28013 Madrid' },
      });
    });

    await test.step('one account menu links the home page, the account area and the developer portal', async () => {
      await page.goto('/');
      await expect(page.getByText(`Signed in as ${person.email}`)).toBeVisible();
      const menuButton = page.getByRole('button', { name: /^Account menu/ });
      await menuButton.click();
      const menu = page.getByRole('navigation', { name: 'Account menu' });
      await expect(menu.getByRole('link', { name: /^Account/ })).toBeVisible();
      await expect(menu.getByRole('link', { name: /^Developers/ })).toBeVisible();
      await expect(menu.getByRole('link', { name: /^Admin/ })).toHaveCount(0); // not an operator
      await capture(page, `menu-${width.label}`);
      await page.keyboard.press('Escape');
      await expect(menu).toBeHidden();

      await page.goto('/account/apps');
      await page.getByRole('button', { name: /^Account menu/ }).click();
      await page.getByRole('navigation', { name: 'Account menu' }).getByRole('link', { name: /^Developers/ }).click();
      await expect(page).toHaveURL(onPortico(state, '/developers'));
      await page.getByRole('button', { name: /^Account menu/ }).click();
      await page.getByRole('navigation', { name: 'Account menu' }).getByRole('link', { name: /^Account/ }).click();
      await expect(page).toHaveURL(onPortico(state, '/account/profile'));
    });

    await test.step('a long app name wraps on consent, sign-in, connected apps and the portal app header', async () => {
      await page.goto(longNameAuthorizeUrl(state, longNameClientId));
      await expect(page).toHaveURL(onPortico(state, '/consent'));
      await expect(page.getByRole('heading', { name: `${LONG_NAME} wants to access your Portico account` })).toBeVisible();
      await expectNoSidewaysScroll(page);
      await capture(page, `long-name-consent-${width.label}`);
      await page.getByRole('button', { name: 'Allow' }).click();
      await expect(page).toHaveURL(onRelyingParty(state)); // the relying party did not start this one: it says so, which is fine here

      await page.goto('/account/apps');
      await expect(page.getByRole('article', { name: LONG_NAME })).toBeVisible();
      await expectNoSidewaysScroll(page);
      await capture(page, `long-name-apps-${width.label}`);

      const created = await createApp(page, 'Machine-to-machine service', LONG_NAME);
      await page.goto(`/developers/apps/${encodeURIComponent(created.clientId)}`);
      await expect(page.getByRole('heading', { name: LONG_NAME, level: 1 })).toBeVisible();
      await expectNoSidewaysScroll(page);
      await capture(page, `long-name-portal-${width.label}`);

      const signedOut = await newPage(browser, state, width);
      await signedOut.goto(longNameAuthorizeUrl(state, longNameClientId));
      await expect(signedOut).toHaveURL(onPortico(state, '/login'));
      await expect(signedOut.getByText(`to continue to ${LONG_NAME}`)).toBeVisible();
      await expectNoSidewaysScroll(signedOut);
      await capture(signedOut, `long-name-sign-in-${width.label}`);
      await signedOut.context().close();
    });

    await page.context().close();
  });
}
