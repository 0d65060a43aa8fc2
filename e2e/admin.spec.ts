/**
 * The operator console (issue 12) in a real browser against the real server: an operator signs in,
 * finds a user and disables them (their sign-in is then refused with a clear message), creates a
 * group and adds a member, limits an app to assigned users and assigns the group, rotates the
 * signing keys, filters the audit log and exports it as CSV and JSON, closes and reopens sign-up,
 * and changes the branding, which the signed-out sign-in page then shows. A developer who is not an
 * operator gets the not-found page. Every console page at 1280 px and 390 px, with no sideways
 * scrolling, screenshotted to e2e/screenshots/admin-*.png.
 *
 * The accounts and the app are seeded in the run's database, as an operator's CLI would; the
 * settings changed here are put back afterwards, so later specs see Portico's own sign-in page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { createUser } from '../lib/account/create-user.ts';
import { SIGN_IN_MESSAGES } from '../lib/auth/sign-in-messages.ts';
import { makeClient, openDb } from '../tests/support/fixtures.ts';
import { PORTAL_PASSWORD, uniqueEmail } from './support/portal.ts';
import type { E2EState } from './support/state.ts';
import { expect, onPortico, signIn, test } from './support/test.ts';

const DIR = path.join(import.meta.dirname, 'screenshots');
const suffix = Date.now().toString(36);
const people = { operator: uniqueEmail('operator'), mallory: uniqueEmail('mallory'), nina: uniqueEmail('nina'), dev: uniqueEmail('dev') };
const APP = `Ledgerline ${suffix}`;
const GROUP = `Finance ${suffix}`;
const BRAND = 'Acme ID';
let appId = '';

async function withDb<T>(state: E2EState, work: (db: Awaited<ReturnType<typeof openDb>>) => Promise<T>): Promise<T> {
  const db = await openDb(state.databaseUrl);
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}

test.beforeAll(async ({ state }) => {
  await withDb(state, async (db) => {
    await createUser(db, { email: people.operator, password: PORTAL_PASSWORD, name: 'Olive Operator', isAdmin: true });
    for (const [who, name] of [['mallory', 'Mallory Disabled'], ['nina', 'Nina Member'], ['dev', 'Dev Eloper']] as const) {
      await createUser(db, { email: people[who], password: PORTAL_PASSWORD, name });
    }
    appId = (await makeClient(db, { name: APP, type: 'web', redirectUris: [state.rp.redirectUri] })).id;
  });
});

test.afterAll(async ({ state }) => {
  // Later specs expect Portico's own branding and open sign-up.
  await withDb(state, (db) => db.setting.deleteMany({ where: { key: { in: ['branding', 'branding_logo', 'sign_up'] } } }));
});

async function signedIn(browser: Browser, state: E2EState, email: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({ baseURL: state.issuer, viewport: { width, height: 844 } });
  const page = await context.newPage();
  await page.goto('/login?callbackUrl=%2Fadmin');
  await signIn(page, email, PORTAL_PASSWORD);
  return page;
}

/** The page fits the viewport: nothing scrolls sideways (long names wrap or truncate). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${page.url()} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
}

test('an operator manages users, groups, app access, keys, the audit log and branding', async ({ browser, state }) => {
  test.setTimeout(240_000);
  const page = await signedIn(browser, state, people.operator);
  await expect(page).toHaveURL(onPortico(state, '/admin'));
  await expect(page.getByRole('heading', { name: 'Operator console', level: 1 })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Operator console' });

  await test.step('a developer who is not an operator gets the not-found page', async () => {
    const dev = await signedIn(browser, state, people.dev);
    await dev.goto('/admin/users');
    await expect(dev.getByRole('heading', { name: 'Operator console' })).toHaveCount(0);
    await expect(dev.getByText(people.mallory)).toHaveCount(0);
    expect((await dev.request.get('/admin/audit/export?format=json')).status()).toBe(404);
    await dev.context().close();
  });

  await test.step('searches a user and disables them; their sign-in is refused with a clear message', async () => {
    await nav.getByRole('link', { name: 'Users' }).click();
    await expect(page).toHaveURL(onPortico(state, '/admin/users'));
    await page.getByRole('searchbox', { name: 'Search users' }).fill(people.mallory.toUpperCase());
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByTestId('user-row')).toHaveCount(1);
    await page.getByRole('link', { name: people.mallory }).click();
    await expect(page.getByRole('heading', { name: people.mallory, level: 1 })).toBeVisible();

    await page.getByRole('button', { name: 'Disable account' }).click();
    const dialog = page.getByRole('dialog', { name: `Disable ${people.mallory}?` });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Disable account' }).click();
    await expect(page.getByRole('button', { name: 'Enable account' })).toBeVisible();

    const mallory = await (await browser.newContext({ baseURL: state.issuer })).newPage();
    await mallory.goto('/login');
    await signIn(mallory, people.mallory, PORTAL_PASSWORD);
    await expect(mallory.getByText(SIGN_IN_MESSAGES.AccountDisabled)).toBeVisible();
    await expect(mallory).toHaveURL(onPortico(state, '/login'));
    await mallory.context().close();
  });

  let groupPath = '';
  await test.step('creates a group and adds a member', async () => {
    await nav.getByRole('link', { name: 'Groups' }).click();
    await page.getByLabel('Group name').fill(GROUP);
    await page.getByLabel('Description').fill('People who run the books');
    await page.getByRole('button', { name: 'Create group' }).click();
    await expect(page).toHaveURL((url) => /^\/admin\/groups\/grp_[\w-]+$/.test(url.pathname));
    groupPath = new URL(page.url()).pathname;
    await expect(page.getByRole('heading', { name: GROUP, level: 1 })).toBeVisible();

    await page.getByLabel('Add a member by email').fill('nobody-like-this@example.com');
    await page.getByRole('button', { name: 'Add member' }).click();
    await expect(page.getByText('There is no account with the email address nobody-like-this@example.com')).toBeVisible();
    await page.getByLabel('Add a member by email').fill(people.nina);
    await page.getByRole('button', { name: 'Add member' }).click();
    await expect(page.getByTestId('member-row').filter({ hasText: people.nina })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Members (1)' })).toBeVisible();
  });

  await test.step('limits an app to assigned users and assigns the group', async () => {
    await nav.getByRole('link', { name: 'Apps' }).click();
    await page.getByRole('searchbox', { name: 'Search apps' }).fill(suffix);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: APP }).click();
    await expect(page).toHaveURL(onPortico(state, `/admin/apps/${appId}`));

    await page.getByRole('radio', { name: /Only assigned users and groups/ }).check();
    await page.getByRole('button', { name: 'Save access' }).click();
    await expect(page.getByText('Saved: it applies to the next sign-in on every server.')).toBeVisible();
    await expect(page.getByText('Assigned only', { exact: true })).toBeVisible();

    await page.getByLabel('Assign a group').selectOption({ label: GROUP });
    await page.getByRole('button', { name: 'Assign group' }).click();
    await expect(page.getByRole('list', { name: 'Assigned groups' })).toContainText(GROUP);
    await expect(page.getByRole('list', { name: 'Assigned groups' })).toContainText('1 member');
  });

  await test.step('rotates the signing keys: three new keys are published, signing later', async () => {
    await nav.getByRole('link', { name: 'Signing keys' }).click();
    const before = await page.getByText('Published, signs later', { exact: true }).count();
    await page.getByRole('button', { name: 'Rotate now' }).click();
    await page.getByRole('dialog', { name: 'Rotate the signing keys now?' }).getByRole('button', { name: 'Rotate keys' }).click();
    await expect(page.getByText('Published, signs later', { exact: true })).toHaveCount(before + 3);
    await expect(page.getByText('Signing until replaced', { exact: true }).first()).toBeVisible();
  });

  await test.step('filters the audit log and exports it as CSV and JSON', async () => {
    await nav.getByRole('link', { name: 'Audit log' }).click();
    await page.getByLabel('Actor').fill(people.operator);
    await page.getByLabel('Action').fill('admin.');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL((url) => url.searchParams.get('action') === 'admin.');
    const rows = page.getByTestId('audit-row');
    for (const action of ['admin.user_disabled', 'admin.group_created', 'admin.group_member_added', 'admin.app_access_policy', 'admin.app_assigned', 'admin.keys_rotated']) {
      await expect(rows.filter({ hasText: action }).first()).toBeVisible();
    }
    await expect(rows.filter({ hasText: 'client.' })).toHaveCount(0);

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Export CSV' }).click();
    const csvFile = await download;
    expect(csvFile.suggestedFilename()).toMatch(/^portico-audit-[\d-]+\.csv$/);
    const csv = readFileSync((await csvFile.path())!, 'utf8').split('\r\n');
    expect(csv[0]).toBe('id,at,action,actor_id,actor_email,team_id,team_name,client_id,client_name,details');
    expect(csv.some((line) => line.includes(',admin.group_created,') && line.includes(people.operator))).toBe(true);

    const json = await page.request.get(`/admin/audit/export?format=json&action=admin.app_&actor=${encodeURIComponent(people.operator)}`);
    expect(json.status()).toBe(200);
    expect(json.headers()['content-disposition']).toMatch(/^attachment; filename="portico-audit-[\d-]+\.json"$/);
    const events = (await json.json()) as { action: string; client_id: string | null; client_name: string | null }[];
    expect(events.map((e) => e.action).sort()).toEqual(['admin.app_access_policy', 'admin.app_assigned']);
    expect(events.every((e) => e.client_id === appId && e.client_name === APP)).toBe(true);
  });

  await test.step('closes sign-up, and opens it again', async () => {
    await nav.getByRole('link', { name: 'Settings' }).click();
    const signUp = page.getByRole('region', { name: 'Sign-up' });
    await signUp.getByRole('radio', { name: /Closed/ }).check();
    await signUp.getByRole('button', { name: 'Save sign-up' }).click();
    await expect(signUp.getByText('Saved.', { exact: false })).toBeVisible();

    const visitor = await (await browser.newContext({ baseURL: state.issuer })).newPage();
    await expect(async () => {
      await visitor.goto('/signup');
      await expect(visitor.getByText('Sign-up is closed')).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 10_000 });
    await expect(visitor.getByRole('button', { name: 'Create account' })).toHaveCount(0);

    await signUp.getByRole('radio', { name: /^Open/ }).check();
    await signUp.getByRole('button', { name: 'Save sign-up' }).click();
    // The save finishes after the click returns, and servers apply settings within a quarter second.
    await expect(async () => {
      await visitor.reload();
      await expect(visitor.getByRole('button', { name: 'Create account' })).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 10_000 });
    await visitor.context().close();
  });

  await test.step('changes the branding; the sign-in page shows it', async () => {
    const branding = page.getByRole('region', { name: 'Branding' });
    await branding.getByLabel('Product name').fill(BRAND);
    await branding.getByLabel('Primary colour').fill('#facc15');
    await branding.getByRole('button', { name: 'Save branding' }).click();
    await expect(branding.getByText(/White text on #facc15 is hard to read/)).toBeVisible();
    await branding.getByLabel('Primary colour').fill('#1d4ed8');
    await branding.getByRole('button', { name: 'Save branding' }).click();
    await expect(branding.getByText('Saved. It applies on every server within a moment.')).toBeVisible();

    const visitor = await (await browser.newContext({ baseURL: state.issuer })).newPage();
    await expect(async () => {
      await visitor.goto('/login');
      await expect(visitor.getByTestId('brand-header')).toContainText(BRAND, { timeout: 1_000 });
    }).toPass({ timeout: 10_000 });
    await expect(visitor).toHaveTitle(`Sign in · ${BRAND}`);
    await visitor.screenshot({ path: path.join(DIR, 'admin-branded-login-desktop.png'), fullPage: true });
    await visitor.setViewportSize({ width: 390, height: 844 });
    await expectNoSidewaysScroll(visitor);
    await visitor.screenshot({ path: path.join(DIR, 'admin-branded-login-phone.png'), fullPage: true });
    await visitor.context().close();
  });

  await test.step('every console page at desktop and phone width, without sideways scrolling', async () => {
    const userId = await withDb(state, async (db) => (await db.user.findUniqueOrThrow({ where: { email: people.mallory } })).id);
    const pages: [string, string][] = [
      ['/admin', 'overview'],
      [`/admin/users?q=${encodeURIComponent(people.mallory)}`, 'users'],
      [`/admin/users/${userId}`, 'user'],
      ['/admin/apps', 'apps'],
      [`/admin/apps/${appId}`, 'app'],
      ['/admin/apis', 'apis'],
      ['/admin/groups', 'groups'],
      [groupPath, 'group'],
      ['/admin/keys', 'keys'],
      ['/admin/audit?action=admin.', 'audit'],
      ['/admin/settings', 'settings'],
      ['/admin/outbox', 'outbox'],
    ];
    for (const [width, size] of [[1280, 'desktop'], [390, 'phone']] as const) {
      await page.setViewportSize({ width, height: 844 });
      for (const [pathname, name] of pages) {
        await page.goto(pathname);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expectNoSidewaysScroll(page);
        await page.screenshot({ path: path.join(DIR, `admin-${name}-${size}.png`), fullPage: true, timeout: 20_000 });
      }
    }
  });

  await page.context().close();
});
