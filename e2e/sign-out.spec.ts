/**
 * Signing out in a real browser: an app's RP-initiated logout (OpenID Connect RP-Initiated Logout
 * 1.0) asks the signed-in user, and the confirmed form's redirect reaches the app's registered
 * post_logout_redirect_uri on another origin (CSP form-action names it: browsers apply form-action
 * to a submitted form's redirects); Portico's own Sign out ends the session through end-session.
 */
import { makeClient, openDb } from '../tests/support/fixtures.ts';
import { expect, onPortico, signIn, test } from './support/test.ts';

let app: { id: string };

test.beforeAll(async ({ state }) => {
  const db = await openDb(state.databaseUrl);
  try {
    app = await makeClient(db, { name: 'Harbour Notes', type: 'web', redirectUris: [state.rp.redirectUri], postLogoutRedirectUris: [`${state.rp.origin}/signed-out`] });
  } finally {
    await db.$disconnect();
  }
});

test("an app's sign-out asks the user, then returns to the app's registered page", async ({ page, state, rp }) => {
  void rp; // the app's server answers at its origin
  await page.goto(`${state.issuer}/login`);
  await signIn(page, state.user.email, state.user.password);
  await expect(page).not.toHaveURL(onPortico(state, '/login'));

  const query = new URLSearchParams({ client_id: app.id, post_logout_redirect_uri: `${state.rp.origin}/signed-out`, state: 'bye' });
  await page.goto(`${state.issuer}/oauth/end-session?${query}`);
  await expect(page.getByRole('heading', { name: 'Sign out of Portico?' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((url) => url.origin === state.rp.origin && url.pathname === '/signed-out');
  expect(new URL(page.url()).searchParams.get('state')).toBe('bye');

  await page.goto(`${state.issuer}/account`);
  await expect(page).toHaveURL((url) => url.pathname === '/login');
});

test("Portico's own Sign out ends the session and shows the signed-out page", async ({ page, state }) => {
  await page.goto(`${state.issuer}/login`);
  await signIn(page, state.user.email, state.user.password);
  await expect(page).not.toHaveURL(onPortico(state, '/login'));
  await page.goto(`${state.issuer}/account`);
  await expect(page).toHaveURL(onPortico(state, '/account/profile'));
  await page.getByRole('button', { name: /account menu|Open the account menu/i }).first().click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(onPortico(state, '/logged-out'));
  await page.goto(`${state.issuer}/account`);
  await expect(page).toHaveURL((url) => url.pathname === '/login');
});
