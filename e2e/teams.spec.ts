/**
 * Teams in the developer portal, in a real browser: a developer creates a team from the Teams
 * page and renames it; invites someone, who gets the link by email (the local outbox: no SMTP
 * server here); resends it (a new link is mailed, the old one says it is not valid) and revokes
 * it (the link says it was withdrawn); a second person joins from the emailed link. Screenshots
 * of the team page at desktop and phone widths go to e2e/screenshots/teams-*.png.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { signUp, uniqueEmail } from './support/portal.ts';
import type { E2EState } from './support/state.ts';
import { expect, onPortico, test } from './support/test.ts';

const DIR = path.join(import.meta.dirname, 'screenshots');

/** The newest /invitations/… link mailed to `to`, waiting up to 5 s for it. */
async function invitationLinkFromOutbox(state: E2EState, to: string): Promise<string> {
  for (let waited = 0; ; waited += 100) {
    const lines = readFileSync(path.join(state.dataDir, 'outbox.jsonl'), 'utf8').trim().split('\n');
    const words = lines
      .map((line) => JSON.parse(line) as { to: string; text: string })
      .filter((message) => message.to === to)
      .flatMap((message) => message.text.split(/\s+/));
    const link = words.filter((word) => word.startsWith(`${state.issuer}/invitations/inv_`)).at(-1);
    if (link) return link;
    if (waited >= 5000) throw new Error(`no invitation mailed to ${to}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${page.url()} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
}

test('a developer creates and renames a team, and invites by email: resend, revoke, join', async ({ browser, page, state }) => {
  test.setTimeout(120_000);
  const owner = { name: 'Tamsin Teal', email: uniqueEmail('teams-owner') };

  await test.step('create a team from the Teams page, then rename it', async () => {
    await page.goto(`${state.issuer}/signup`);
    await signUp(page, owner);
    await expect(page).toHaveURL(onPortico(state, '/developers'));
    await page.getByRole('navigation', { name: 'Developer portal' }).getByRole('link', { name: 'Teams', exact: true }).click();
    await expect(page).toHaveURL(onPortico(state, '/developers/teams'));
    await expect(page.getByRole('list', { name: 'Teams' }).getByRole('listitem')).toHaveCount(1); // the personal team

    await page.getByLabel('Team name').fill('Lighthouse Keepers');
    await page.getByRole('button', { name: 'Create team' }).click();
    await expect(page).toHaveURL((url) => url.pathname.startsWith('/developers/teams/') && url.searchParams.get('created') === '1');
    await expect(page.getByRole('heading', { name: 'Lighthouse Keepers', level: 1 })).toBeVisible();

    const rename = page.getByRole('form', { name: 'Rename' });
    await rename.getByLabel('Team name').fill('Lighthouse Crew');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await expect(rename.getByText('Renamed to Lighthouse Crew.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Lighthouse Crew', level: 1 })).toBeVisible();
  });

  const invitee = uniqueEmail('keeper');
  let firstLink = '';
  let secondLink = '';

  await test.step('an invitation is emailed with its link, shown once to the owner too', async () => {
    await page.getByLabel('Email').fill(invitee);
    await page.getByRole('button', { name: 'Create invitation' }).click();
    await expect(page.getByText('We emailed an invitation for')).toBeVisible();
    firstLink = await invitationLinkFromOutbox(state, invitee);
    await expect(page.getByTestId('invitation-link')).toHaveText(firstLink);
    await expect(page.getByTestId('invitation-row').filter({ hasText: invitee })).toBeVisible();
  });

  await test.step('resend mails a new link; the old one no longer works', async () => {
    await page.getByTestId('invitation-row').filter({ hasText: invitee }).getByRole('button', { name: `Resend the invitation for ${invitee}` }).click();
    await expect(page.getByTestId('resent-invitation-link')).toBeVisible();
    secondLink = (await page.getByTestId('resent-invitation-link').textContent())!.trim();
    expect(secondLink).not.toBe(firstLink);
    expect(await invitationLinkFromOutbox(state, invitee)).toBe(secondLink);
    await page.screenshot({ path: path.join(DIR, 'teams-team-desktop.png'), fullPage: true, animations: 'disabled' });

    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(firstLink);
    await expect(visitor.getByRole('heading', { name: 'Invitation not found' })).toBeVisible();
    await expect(visitor.getByRole('button', { name: 'Accept invitation' })).toHaveCount(0);
    await visitor.context().close();
  });

  await test.step('revoke: after a confirmation, the link says the invitation was withdrawn', async () => {
    await page.getByTestId('invitation-row').filter({ hasText: invitee }).getByRole('button', { name: `Revoke the invitation for ${invitee}` }).click();
    const dialog = page.getByRole('dialog', { name: `Revoke the invitation for ${invitee}?` });
    await dialog.getByRole('button', { name: 'Revoke invitation' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`The invitation for ${invitee} is revoked`)).toBeVisible();
    await expect(page.getByTestId('invitation-row').filter({ hasText: invitee })).toHaveCount(0);

    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(secondLink);
    await expect(visitor.getByRole('heading', { name: 'Invitation withdrawn' })).toBeVisible();
    await expect(visitor.getByTestId('invitation-problem')).toContainText('withdrew this invitation');
    await visitor.screenshot({ path: path.join(DIR, 'teams-invitation-withdrawn-desktop.png'), fullPage: true, animations: 'disabled' });
    await visitor.context().close();
  });

  await test.step('someone else joins from the emailed link', async () => {
    const joiner = { name: 'Jonah Joiner', email: uniqueEmail('joiner') };
    await page.getByLabel('Email').fill(joiner.email);
    await page.getByRole('button', { name: 'Create invitation' }).click();
    await expect(page.getByText('We emailed an invitation for')).toBeVisible();
    const link = await invitationLinkFromOutbox(state, joiner.email);

    const other = await (await browser.newContext()).newPage();
    await other.goto(link);
    await expect(other.getByRole('heading', { name: 'You are invited to join Lighthouse Crew' })).toBeVisible();
    await other.getByRole('link', { name: 'Create an account' }).click();
    await signUp(other, joiner);
    await expect(other).toHaveURL((url) => url.pathname.startsWith('/invitations/'));
    await other.getByRole('button', { name: 'Accept invitation' }).click();
    await expect(other).toHaveURL((url) => url.pathname === '/developers' && url.searchParams.has('team'));
    await other.context().close();

    await page.reload();
    await expect(page.getByTestId('member-row').filter({ hasText: joiner.email })).toBeVisible();
  });

  await test.step('the team page fits a phone screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: path.join(DIR, 'teams-team-phone.png'), fullPage: true, animations: 'disabled' });
  });
});
