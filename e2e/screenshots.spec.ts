/**
 * Screenshots of the screens a user meets during sign-in, at desktop and phone widths, for a
 * person to look at (saved to e2e/screenshots/, which git ignores). Each still asserts the screen
 * it captures, so a screenshot of the wrong page fails the run.
 */
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { openDb } from '../tests/support/fixtures.ts';
import { expect, onPortico, signIn, test } from './support/test.ts';

const DIR = path.join(import.meta.dirname, 'screenshots');
const SIZES = [
  { name: 'desktop', viewport: { width: 1280, height: 800 }, isMobile: false },
  { name: 'mobile', viewport: { width: 390, height: 844 }, isMobile: true },
] as const;
const LONG_SCOPE = 'openid profile email phone address offline_access';

async function capture(page: Page, name: string) {
  await page.screenshot({ path: path.join(DIR, `${name}.png`), fullPage: true, animations: 'disabled' });
}

async function newPage(browser: Browser, size: (typeof SIZES)[number]) {
  const context = await browser.newContext({ viewport: size.viewport, isMobile: size.isMobile, hasTouch: size.isMobile, deviceScaleFactor: 2 });
  return context.newPage();
}

// The app's own API scopes, described by its developer, as the consent screen's last group.
const API_SCOPES = { 'trips:read': 'See your upcoming trips and bookings', 'trips:write': 'Book and cancel trips for you' };

test.beforeAll(async ({ state }) => {
  const db = await openDb(`file:${path.join(state.dataDir, 'portico.db')}`);
  try {
    const { scope } = await db.client.findUniqueOrThrow({ where: { id: state.clients.screens.id }, select: { scope: true } });
    await db.client.update({
      where: { id: state.clients.screens.id },
      data: { scope: `${scope} ${Object.keys(API_SCOPES).join(' ')}`, scopeDescriptions: JSON.stringify(API_SCOPES) },
    });
  } finally {
    await db.$disconnect();
  }
});

for (const size of SIZES) {
  test(`screenshots at ${size.name} width`, async ({ browser, rp, state }) => {
    const page = await newPage(browser, size);

    await page.goto(`${state.issuer}/signup`);
    await expect(page.getByRole('heading', { name: 'Create your account' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Create account' })).toBeEnabled();
    await capture(page, `signup-${size.name}`);

    await page.goto(rp.loginUrl('screens', { scope: 'openid email' }));
    await expect(page).toHaveURL(onPortico(state, '/login'));
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    await capture(page, `login-${size.name}`);

    await signIn(page, state.user.email, state.user.password);
    await expect(page).toHaveURL(onPortico(state, '/consent'));
    await expect(page.getByRole('listitem')).toHaveCount(2);
    await capture(page, `consent-short-${size.name}`);

    await page.goto(rp.loginUrl('screens', { scope: LONG_SCOPE }));
    await expect(page).toHaveURL(onPortico(state, '/consent'));
    await expect(page.getByRole('listitem')).toHaveCount(6);
    await capture(page, `consent-long-${size.name}`);

    await page.goto(rp.loginUrl('screens', { scope: `openid email ${Object.keys(API_SCOPES).join(' ')}` }));
    await expect(page).toHaveURL(onPortico(state, '/consent'));
    await expect(page.getByRole('heading', { name: 'Access to Northwind Travel’s API' })).toBeVisible();
    for (const description of Object.values(API_SCOPES)) await expect(page.getByRole('checkbox', { name: description })).toBeChecked();
    await expect(page.getByRole('listitem')).toHaveCount(4);
    await capture(page, `consent-api-${size.name}`);

    const bad = new URL('/oauth/authorize', state.issuer);
    bad.search = new URLSearchParams({
      client_id: state.clients.screens.id,
      redirect_uri: 'https://attacker.example/callback',
      response_type: 'code',
      scope: 'openid',
      state: 'x',
    }).toString();
    const response = await page.goto(bad.href);
    expect(response!.status()).toBe(400);
    await expect(page).toHaveURL(onPortico(state, '/oauth/authorize'));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await capture(page, `error-redirect-uri-${size.name}`);

    await page.context().close();
  });
}
