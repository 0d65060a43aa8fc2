/**
 * Account deletion in a real browser: re-authentication, the explicit confirmation, the session
 * ending, and the account no longer able to sign in.
 */
import { PORTAL_PASSWORD, signUp, uniqueEmail } from './support/portal.ts';
import { expect, onPortico, signIn, test } from './support/test.ts';

test('a user deletes their account after re-entering their password', async ({ page, state }) => {
  const email = uniqueEmail('leaver');
  await page.goto(`${state.issuer}/signup?callbackUrl=${encodeURIComponent('/account/delete')}`);
  await signUp(page, { name: 'Lee Leaver', email });
  await expect(page).toHaveURL(onPortico(state, '/account/delete'));
  await expect(page.getByRole('heading', { name: 'Delete your account' })).toBeVisible();

  await page.getByLabel('Current password').fill('not my password');
  await page.getByLabel(/I understand/).check();
  await page.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'not correct' })).toContainText('That password is not correct');

  await page.getByLabel('Current password').fill(PORTAL_PASSWORD);
  await page.getByLabel(/I understand/).check();
  await page.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page).toHaveURL(onPortico(state, '/logged-out'));

  await page.goto(`${state.issuer}/account/apps`);
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, email, PORTAL_PASSWORD);
  await expect(page.getByText('Incorrect email or password.')).toBeVisible();
});
