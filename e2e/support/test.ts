/**
 * The `test` the specs use: the run's state (e2e/support/state.ts) and one relying party per
 * worker, plus the user's steps on Portico's sign-in form.
 */
import { expect, test as base, type Page } from '@playwright/test';
import { startRelyingParty, type RelyingParty } from './relying-party.ts';
import { readState, type E2EState } from './state.ts';

export const test = base.extend<object, { state: E2EState; rp: RelyingParty }>({
  state: [async ({}, use) => use(readState()), { scope: 'worker' }],
  rp: [
    async ({ state }, use) => {
      const rp = await startRelyingParty(state);
      await use(rp);
      await rp.close();
    },
    { scope: 'worker' },
  ],
});

export { expect };

/** Portico's page at `pathname`, whatever the query. */
export const onPortico = (state: E2EState, pathname: string) => (url: URL) =>
  url.origin === state.issuer && url.pathname === pathname;

/** Back at the relying party's callback. */
export const onRelyingParty = (state: E2EState) => (url: URL) => url.href.startsWith(state.rp.redirectUri);

/** Fills the sign-in form by its labels and submits it, as a user would. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
