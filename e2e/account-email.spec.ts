/**
 * Email links in a real browser (issue 4): sign up, confirm the address with the link from the
 * local outbox (<dataDir>/outbox.jsonl: no SMTP server is configured in the tests), then forget
 * the password and reset it with the mailed link. A second browser signed in before the reset is
 * signed out by it; the new password signs in.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { openDb } from '../tests/support/fixtures.ts';
import { linkFromOutbox } from './support/outbox.ts';
import { expect, onPortico, signIn, test } from './support/test.ts';

const EMAIL = `mail-${Date.now()}@example.com`;
const PASSWORD = 'first long passphrase';
const NEW_PASSWORD = 'second long passphrase';

async function expectSignedIn(page: Page, signedIn: boolean) {
  await page.goto('/account/apps');
  if (signedIn) await expect(page.getByRole('heading', { name: 'Connected apps' })).toBeVisible();
  else await expect(page).toHaveURL((url) => url.pathname === '/login');
}

test('sign up, verify the email, reset a forgotten password; older sessions end', async ({ browser, state }) => {
  const context = await browser.newContext({ baseURL: state.issuer });
  const page = await context.newPage();

  await page.goto('/signup');
  await page.getByLabel('Email').fill(EMAIL);
  await page.getByLabel('Password').fill('password1');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('This password is too common. Choose a longer, less predictable one.')).toBeVisible();
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL((url) => url.pathname.startsWith('/developers'));

  const verifyLink = await linkFromOutbox(state, EMAIL, '/verify-email');
  await page.goto(verifyLink);
  await expect(page.getByRole('heading', { name: 'Email address confirmed' })).toBeVisible();
  const db = await openDb(`file:${path.join(state.dataDir, 'portico.db')}`);
  try {
    expect((await db.user.findUniqueOrThrow({ where: { email: EMAIL } })).emailVerified).toBe(true);
  } finally {
    await db.$disconnect();
  }
  await page.goto(verifyLink);
  await expect(page.getByRole('heading', { name: 'This link has already been used' })).toBeVisible();

  // Another browser, signed in before the reset.
  const other = await browser.newContext({ baseURL: state.issuer });
  const otherPage = await other.newPage();
  await otherPage.goto('/login');
  await signIn(otherPage, EMAIL, PASSWORD);
  await expect(otherPage).not.toHaveURL((url) => url.pathname === '/login');
  await expectSignedIn(otherPage, true);

  // Sign out, then forget the password.
  await page.goto('/account/apps');
  await page.getByRole('button', { name: /^Account menu/ }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(onPortico(state, '/logged-out'));
  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page).toHaveURL(onPortico(state, '/forgot-password'));
  await page.getByLabel('Email').fill(EMAIL);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByText('If an account exists for that address, we sent a link')).toBeVisible();

  await page.goto(await linkFromOutbox(state, EMAIL, '/reset-password'));
  await page.getByLabel('New password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page).toHaveURL((url) => url.pathname === '/login' && url.searchParams.get('reset') === '1');
  await expect(page.getByText('Your password has been changed.')).toBeVisible();

  await signIn(page, EMAIL, PASSWORD);
  await expect(page.getByText('Incorrect email or password.')).toBeVisible();
  await signIn(page, EMAIL, NEW_PASSWORD);
  await expect(page).not.toHaveURL((url) => url.pathname === '/login');
  await expectSignedIn(page, true);

  // The browser signed in before the reset is signed out.
  await expectSignedIn(otherPage, false);

  await other.close();
  await context.close();
});

test('change the email address: a link to the new one, confirmed with a button; sign-in moves to it', async ({ browser, state }) => {
  const email = `before-${Date.now()}@example.com`;
  const newEmail = `after-${Date.now()}@example.com`;
  const context = await browser.newContext({ baseURL: state.issuer });
  const page = await context.newPage();
  await page.goto('/signup');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL((url) => url.pathname.startsWith('/developers'));

  await page.goto('/account/security');
  const section = page.getByRole('region', { name: 'Change email address' });
  await section.getByLabel('New email address').fill(newEmail);
  await section.getByLabel('Current password').fill('not my password');
  await section.getByRole('button', { name: 'Send confirmation link' }).click();
  await expect(section.getByText('Your current password is not correct.')).toBeVisible();
  await section.getByLabel('Current password').fill(PASSWORD);
  await section.getByRole('button', { name: 'Send confirmation link' }).click();
  await expect(section.getByText(`We sent a link to ${newEmail}. Your address stays ${email}`)).toBeVisible();

  // Opening the link changes nothing (a mail scanner may open it); the button does.
  const link = await linkFromOutbox(state, newEmail, '/confirm-email');
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Confirm your new email' })).toBeVisible();
  await page.reload();
  await page.getByRole('button', { name: 'Confirm new email' }).click();
  await expect(page.getByRole('heading', { name: 'Email address changed' })).toBeVisible();
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'This link has already been used' })).toBeVisible();

  const fresh = await browser.newContext({ baseURL: state.issuer });
  const other = await fresh.newPage();
  await other.goto('/login?callbackUrl=%2Faccount%2Fsecurity');
  await signIn(other, email, PASSWORD);
  await expect(other.getByText('Incorrect email or password.')).toBeVisible();
  await signIn(other, newEmail, PASSWORD);
  await expect(other.getByRole('region', { name: 'Change email address' })).toContainText(`You sign in with ${newEmail}`);
  await other.goto('/account/activity');
  await expect(other.getByText('Changed your email address')).toBeVisible();

  await fresh.close();
  await context.close();
});
