/**
 * The developer portal in a real browser against the real server: sign up, register each kind of
 * app, use the one-time secret against the token and introspection endpoints, edit redirect URIs
 * under the shared rules, rotate with a grace period, share with a viewer, delete. Plus
 * screenshots of the main screens at desktop and phone widths (e2e/screenshots/portal-*.png).
 */
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { linkFromOutbox } from './support/outbox.ts';
import { clientPost, createApp, PORTAL_PASSWORD, readCredentials, secretAuthenticates, signUp, uniqueEmail } from './support/portal.ts';
import { expect, onPortico, signIn, test } from './support/test.ts';

/** The core caches clients for 5 s: wait that out before asserting a secret change. */
const CLIENT_CACHE_MS = 5_500;

test('a developer signs up, registers every kind of app and manages one end to end', async ({ browser, page, state }) => {
  test.setTimeout(180_000);
  const owner = { name: 'Olivia Owner', email: uniqueEmail('owner') };
  let service = { id: '', secret: '' };
  let web = { id: '', secret: '' };
  let serviceToken = '';

  await test.step('portal pages ask for sign-in, and sign-up lands on the dashboard', async () => {
    await page.goto(`${state.issuer}/developers`);
    await expect(page).toHaveURL(onPortico(state, '/login'));
    expect(new URL(page.url()).searchParams.get('callbackUrl')).toBe('/developers');
    await page.getByRole('link', { name: 'Create an account' }).click();
    await expect(page).toHaveURL(onPortico(state, '/signup'));

    // The NIST length rule runs in the browser before anything is sent.
    await page.getByLabel('Email').fill(owner.email);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('Use at least 8 characters.')).toBeVisible();

    await signUp(page, owner);
    await expect(page).toHaveURL(onPortico(state, '/developers'));
    await expect(page.getByRole('heading', { name: 'No apps yet' })).toBeVisible();
  });

  await test.step('a machine-to-machine service gets tokens with its one-time secret', async () => {
    const created = await createApp(page, 'Machine-to-machine service', 'Nightly Billing Job');
    expect(created.secret).toMatch(/^cs_/);
    await expect(page.getByText('Store it now — you will not see this secret again.')).toBeVisible();
    service = { id: created.clientId, secret: created.secret! };

    const token = await clientPost(state.issuer, '/oauth/token', service, { grant_type: 'client_credentials' });
    expect(token.status).toBe(200);
    expect(token.body).toMatchObject({ token_type: 'Bearer' });
    serviceToken = String(token.body!.access_token);

    // Continue to the app: the secret is never shown again, only its last four characters.
    await page.getByRole('link', { name: 'Continue to the app' }).click();
    await expect(page).toHaveURL(onPortico(state, `/developers/apps/${service.id}/quickstart`));
    await expect(page.getByText(service.secret)).toHaveCount(0);
    await page.getByRole('link', { name: 'Secrets' }).click();
    await expect(page.getByTestId('secret-row')).toHaveCount(1);
    await expect(page.getByTestId('secret-row')).toContainText(service.secret.slice(-4));
    expect(await page.content()).not.toContain(service.secret);
  });

  await test.step('a web app: an invalid redirect URI is refused with the rule it breaks, a valid one is accepted', async () => {
    await page.goto(`${state.issuer}/developers/apps/new`);
    await page.getByRole('link', { name: /^Web application/ }).click();
    await page.getByLabel('App name').fill('Acme Dashboard');
    const first = page.getByRole('textbox', { name: /^Redirect URIs, 1 of/ });
    await first.fill('http://dashboard.example.com/callback');
    await expect(page.getByText('must use https (http is allowed only for localhost, 127.0.0.1 and [::1])')).toBeVisible();
    await expect(first).toHaveAttribute('aria-invalid', 'true');
    await first.fill('https://dashboard.example.com/callback');
    await expect(first).not.toHaveAttribute('aria-invalid', 'true');
    await page.getByRole('button', { name: 'Create app' }).click();
    await expect(page.getByText('App created')).toBeVisible();
    const created = await readCredentials(page);
    web = { id: created.clientId, secret: created.secret! };

    // The secret authenticates (introspection answers 200), a wrong one does not (401).
    expect(await secretAuthenticates(state.issuer, web)).toBe(200);
    expect(await secretAuthenticates(state.issuer, { id: web.id, secret: `${web.secret}x` })).toBe(401);
  });

  await test.step('single-page and native apps are public clients with their own redirect rules', async () => {
    const spa = await createApp(page, 'Single-page app', 'Acme Web Client', ['http://localhost:5173/callback']);
    expect(spa.secret).toBeNull();
    await expect(page.getByText('it has no secret', { exact: false })).toBeVisible();

    await page.goto(`${state.issuer}/developers/apps/new?type=spa`);
    await page.getByLabel('App name').fill('Not allowed');
    await page.getByRole('textbox', { name: /^Redirect URIs, 1 of/ }).fill('com.acme.app:/callback');
    await expect(page.getByText('may use a custom scheme only for native apps (RFC 8252 §7.1)')).toBeVisible();

    const native = await createApp(page, 'Native or mobile app', 'Acme Mobile', ['com.acme.mobile:/oauth/callback', 'http://127.0.0.1/callback']);
    expect(native.secret).toBeNull();

    await page.goto(`${state.issuer}/developers`);
    const rows = page.getByRole('list', { name: 'Apps' }).getByRole('listitem');
    await expect(rows).toHaveCount(4);
    await expect(rows.filter({ hasText: 'Acme Mobile' })).toContainText('Native app');
    await expect(rows.filter({ hasText: 'Nightly Billing Job' })).toContainText(service.id);
  });

  await test.step('settings: add a redirect URI, see a bad one rejected inline and on save', async () => {
    await page.goto(`${state.issuer}/developers/apps/${web.id}`);
    await page.getByRole('button', { name: 'Add redirect URI' }).click();
    const second = page.getByRole('textbox', { name: /^Sign-in redirect URIs, 2 of 2/ });
    await expect(second).toBeFocused();
    await second.fill('https://dashboard.example.com/callback#done');
    await expect(page.getByText('must not contain a fragment (RFC 6749 §3.1.2)')).toBeVisible();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Changes saved')).toHaveCount(0);
    await second.fill('https://staging.dashboard.example.com/callback');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Changes saved.', { exact: false })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('textbox', { name: /^Sign-in redirect URIs, 2 of 2/ })).toHaveValue('https://staging.dashboard.example.com/callback');
  });

  await test.step('rotate with a 1 hour grace period: both secrets listed and both authenticate', async () => {
    await page.getByRole('link', { name: 'Secrets' }).click();
    await page.getByRole('button', { name: 'Rotate secret' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rotate the client secret' });
    await dialog.getByLabel('Keep it working for 1 hour').check();
    await dialog.getByRole('button', { name: 'Create new secret' }).click();
    await expect(dialog).toBeHidden();
    const rotated = (await page.getByTestId('new-client-secret').textContent())!.trim();
    expect(rotated).toMatch(/^cs_/);
    expect(rotated).not.toBe(web.secret);

    const rows = page.getByTestId('secret-row');
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: rotated.slice(-4) })).toContainText('Active');
    await expect(rows.filter({ hasText: web.secret.slice(-4) })).toContainText('Expiring');

    await page.waitForTimeout(CLIENT_CACHE_MS);
    expect(await secretAuthenticates(state.issuer, { id: web.id, secret: rotated })).toBe(200);
    expect(await secretAuthenticates(state.issuer, web)).toBe(200);
    await page.getByRole('button', { name: /hide the secret/ }).click();
    await expect(page.getByTestId('new-client-secret')).toHaveCount(0);
    web = { id: web.id, secret: rotated };
  });

  await test.step('invite a viewer, who accepts in their own browser and sees the app but no secret controls', async () => {
    await page.getByRole('link', { name: 'Team', exact: true }).click();
    const viewerEmail = uniqueEmail('viewer');
    await page.getByLabel('Email').fill(viewerEmail);
    await page.getByLabel('Role', { exact: true }).selectOption('viewer');
    await page.getByRole('button', { name: 'Create invitation' }).click();
    const link = (await page.getByTestId('invitation-link').textContent())!.trim();
    expect(link).toMatch(new RegExp(`^${state.issuer}/invitations/inv_`));

    const viewerContext = await browser.newContext();
    const viewer = await viewerContext.newPage();
    await viewer.goto(link);
    await expect(viewer.getByRole('heading', { name: /You are invited to join/ })).toBeVisible();
    await viewer.getByRole('link', { name: 'Create an account' }).click();
    await signUp(viewer, { name: 'Victor Viewer', email: viewerEmail });
    await expect(viewer).toHaveURL((url) => url.pathname.startsWith('/invitations/'));
    await viewer.getByRole('button', { name: 'Accept invitation' }).click();
    await expect(viewer).toHaveURL(onPortico(state, '/developers'));
    await expect(viewer.getByRole('link', { name: 'Acme Dashboard' })).toBeVisible();

    await viewer.getByRole('link', { name: 'Acme Dashboard' }).click();
    await expect(viewer.getByText('Viewer access', { exact: true })).toBeVisible();
    await expect(viewer.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
    await expect(viewer.getByRole('link', { name: 'Danger zone' })).toHaveCount(0);
    await viewer.getByRole('link', { name: 'Secrets' }).click();
    await expect(viewer.getByTestId('secret-row')).toHaveCount(2);
    await expect(viewer.getByRole('button', { name: 'Rotate secret' })).toHaveCount(0);
    await expect(viewer.getByRole('button', { name: /Revoke/ })).toHaveCount(0);
    await expect(viewer.getByText('Only team owners and developers can rotate or revoke secrets.')).toBeVisible();
    await expect(viewer.getByText(web.secret.slice(-4))).toHaveCount(0);
    await viewerContext.close();

    await page.reload();
    await expect(page.getByTestId('member-row').filter({ hasText: viewerEmail })).toBeVisible();
  });

  await test.step('delete the service app after typing its name: gone, with its credentials and tokens', async () => {
    // RFC 7662 §4: a token without an API is introspected only by its own client.
    const before = await clientPost(state.issuer, '/oauth/introspect', service, { token: serviceToken });
    expect(before.body).toMatchObject({ active: true, client_id: service.id });

    await page.goto(`${state.issuer}/developers/apps/${service.id}/danger`);
    await page.getByRole('button', { name: 'Delete app' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Nightly Billing Job?' });
    const confirm = dialog.getByRole('button', { name: 'Delete this app' });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel('App name').fill('Nightly Billing');
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel('App name').fill('Nightly Billing Job');
    await confirm.click();

    await expect(page).toHaveURL(onPortico(state, '/developers'));
    await expect(page.getByRole('list', { name: 'Apps' }).getByRole('listitem')).toHaveCount(3);
    await expect(page.getByText('Nightly Billing Job')).toHaveCount(0);
    const after = await clientPost(state.issuer, '/oauth/introspect', service, { token: serviceToken });
    expect(after).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    const response = await page.goto(`${state.issuer}/developers/apps/${service.id}`);
    expect(response!.status()).toBe(404);
  });
});

test('dialogs trap focus, close on Escape and give focus back', async ({ page, state }) => {
  await page.goto(`${state.issuer}/signup`);
  await signUp(page, { name: 'Kim Keyboard', email: uniqueEmail('keyboard') });
  await expect(page).toHaveURL(onPortico(state, '/developers'));
  const { clientId } = await createApp(page, 'Machine-to-machine service', 'Keyboard Service');
  await page.goto(`${state.issuer}/developers/apps/${clientId}/danger`);

  const open = page.getByRole('button', { name: 'Delete app' });
  await open.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Delete Keyboard Service?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('App name')).toBeFocused();
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();

  // Code sample tabs: arrow keys move between them.
  await page.goto(`${state.issuer}/developers/apps/${clientId}/quickstart`);
  const curl = page.getByRole('tab', { name: 'curl' });
  await curl.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Node.js' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Node.js' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).toContainText('clientCredentialsGrant');
});

test('an invitation refuses the wrong account with a clear message', async ({ browser, page, state }) => {
  await page.goto(`${state.issuer}/signup`);
  await signUp(page, { name: 'Tess Team', email: uniqueEmail('team') });
  await expect(page).toHaveURL(onPortico(state, '/developers'));
  const { clientId } = await createApp(page, 'Machine-to-machine service', 'Invite Target');
  await page.goto(`${state.issuer}/developers/apps/${clientId}/team`);
  await page.getByLabel('Email').fill(uniqueEmail('someone-else'));
  await page.getByRole('button', { name: 'Create invitation' }).click();
  const link = (await page.getByTestId('invitation-link').textContent())!.trim();

  const other = await (await browser.newContext()).newPage();
  await other.goto(`${state.issuer}/login?callbackUrl=${encodeURIComponent(new URL(link).pathname)}`);
  await signIn(other, state.user.email, state.user.password);
  await expect(other).toHaveURL((url) => url.pathname.startsWith('/invitations/'));
  await expect(other.getByRole('heading', { name: /You are invited to join Tess Team/ })).toBeVisible();
  await other.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(other.getByRole('alert').filter({ hasText: 'could not be accepted' })).toContainText('This invitation was sent to a different email address.');

  await other.goto(`${state.issuer}/invitations/inv_not-a-real-invitation`);
  await expect(other.getByRole('alert').filter({ hasText: 'not valid' })).toContainText('This invitation link is not valid.');
  await expect(other.getByRole('button', { name: 'Accept invitation' })).toHaveCount(0);
  await other.context().close();
});

test('personal access tokens: created once, listed by last four, revoked', async ({ page, state }) => {
  await page.goto(`${state.issuer}/signup?callbackUrl=${encodeURIComponent('/developers/tokens')}`);
  const email = uniqueEmail('pat');
  await signUp(page, { name: 'Pat Token', email });
  await expect(page).toHaveURL(onPortico(state, '/developers/tokens'));
  await page.getByLabel('Name').fill('CI deploy');
  await page.getByRole('button', { name: 'Create token' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Confirm your email address before creating a personal access token' })).toBeVisible();

  // Only an account whose email address is confirmed may create a token.
  await page.goto(await linkFromOutbox(state, email, '/verify-email'));
  await expect(page.getByRole('heading', { name: 'Email address confirmed' })).toBeVisible();
  await page.goto(`${state.issuer}/developers/tokens`);
  await page.getByLabel('Name').fill('CI deploy');
  await page.getByLabel('clients:write').check();
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = (await page.getByTestId('new-token').textContent())!.trim();
  expect(token).toMatch(/^pat_/);

  const list = await fetch(new URL('/api/v1/clients', state.issuer), { headers: { authorization: `Bearer ${token}` } });
  expect(list.status).toBe(200);

  const row = page.getByTestId('token-row').filter({ hasText: 'CI deploy' });
  await expect(row).toContainText(token.slice(-4));
  await row.getByRole('button', { name: 'Revoke token CI deploy' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke token' }).click();
  await expect(row).toContainText('Revoked');
  expect((await fetch(new URL('/api/v1/clients', state.issuer), { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);

  await page.getByRole('link', { name: 'API reference' }).click();
  await expect(page.getByRole('heading', { name: 'API reference' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /post\s*\/api\/v1\/clients$/i })).toBeVisible();
});

/** A 1×1 PNG, and an SVG that would run script if it were ever served as an image from this origin. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

test('logos: PNG accepted and served as an image with nosniff; SVG and oversized files refused', async ({ page, state }) => {
  await page.goto(`${state.issuer}/signup`);
  await signUp(page, { name: 'Lou Logo', email: uniqueEmail('logo') });
  await expect(page).toHaveURL(onPortico(state, '/developers'));
  const { clientId } = await createApp(page, 'Machine-to-machine service', 'Logo Service');
  await page.goto(`${state.issuer}/developers/apps/${clientId}`);
  const file = page.getByLabel('Image file');

  await file.setInputFiles({ name: 'logo.png', mimeType: 'image/svg+xml', buffer: SVG });
  await page.getByRole('button', { name: 'Upload logo' }).click();
  await expect(page.getByText('Logos must be PNG, JPEG or WebP images (SVG is not accepted).')).toBeVisible();
  await expect(file).toHaveAttribute('aria-invalid', 'true');

  await file.setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.concat([PNG, Buffer.alloc(300 * 1024)]) });
  await page.getByRole('button', { name: 'Upload logo' }).click();
  await expect(page.getByText('logos are at most 256 KB', { exact: false })).toBeVisible();

  await file.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
  await page.getByRole('button', { name: 'Upload logo' }).click();
  await expect(page.getByText('Logo updated.')).toBeVisible();
  const logo = await fetch(new URL(`/logos/${clientId}`, state.issuer));
  expect(logo.status).toBe(200);
  expect(logo.headers.get('content-type')).toBe('image/png');
  expect(logo.headers.get('x-content-type-options')).toBe('nosniff');
  expect(Buffer.from(await logo.arrayBuffer()).equals(PNG)).toBe(true);
  await expect(page.locator(`img[src*="/logos/${clientId}"]`).first()).toBeVisible();

  await page.getByRole('button', { name: 'Remove logo' }).click();
  await expect(page.getByText('Logo removed.')).toBeVisible();
  expect((await fetch(new URL(`/logos/${clientId}`, state.issuer))).status).toBe(404);
});

const DIR = path.join(import.meta.dirname, 'screenshots');
const SIZES = [
  { name: 'desktop', viewport: { width: 1280, height: 800 }, isMobile: false },
  { name: 'mobile', viewport: { width: 390, height: 844 }, isMobile: true },
] as const;

async function capture(page: Page, name: string) {
  await page.screenshot({ path: path.join(DIR, `portal-${name}.png`), fullPage: true, animations: 'disabled', timeout: 20_000 }); // the API reference page is long
}

async function newPage(browser: Browser, size: (typeof SIZES)[number]) {
  const context = await browser.newContext({ viewport: size.viewport, isMobile: size.isMobile, hasTouch: size.isMobile, deviceScaleFactor: 2 });
  return context.newPage();
}

for (const size of SIZES) {
  test(`portal screenshots at ${size.name} width`, async ({ browser, state }) => {
    test.setTimeout(90_000);
    const page = await newPage(browser, size);
    await page.goto(`${state.issuer}/signup`);
    await signUp(page, { name: 'Sam Screens', email: uniqueEmail(`screens-${size.name}`), password: PORTAL_PASSWORD });
    await expect(page).toHaveURL(onPortico(state, '/developers'));
    await expect(page.getByRole('heading', { name: 'No apps yet' })).toBeVisible();
    await capture(page, `dashboard-empty-${size.name}`);

    await page.getByRole('link', { name: 'Create your first app' }).click();
    await expect(page.getByRole('heading', { name: 'What kind of app are you building?' })).toBeVisible();
    await capture(page, `wizard-step1-${size.name}`);

    const { clientId } = await createApp(page, 'Web application', 'Northwind Travel Planner', ['https://planner.northwind.example/api/auth/callback/portico']);
    await expect(page.getByTestId('client-secret')).toBeVisible();
    await capture(page, `secret-reveal-${size.name}`);

    await createApp(page, 'Single-page app', 'Northwind Mobile Web', ['https://m.northwind.example/callback']);
    await createApp(page, 'Machine-to-machine service', 'Invoice Sync');

    await page.goto(`${state.issuer}/developers/apps/${clientId}`);
    await expect(page.getByRole('button', { name: 'Save changes' })).toBeVisible();
    await capture(page, `settings-${size.name}`);

    await page.goto(`${state.issuer}/developers/apps/${clientId}/quickstart`);
    await expect(page.getByRole('tab', { name: 'curl' })).toBeVisible();
    await capture(page, `quickstart-${size.name}`);

    await page.goto(`${state.issuer}/developers`);
    await expect(page.getByRole('list', { name: 'Apps' }).getByRole('listitem')).toHaveCount(3);
    await capture(page, `dashboard-${size.name}`);

    // The other screens, for review.
    await page.goto(`${state.issuer}/developers/apps/${clientId}/secrets`);
    await page.getByRole('button', { name: 'Rotate secret' }).click();
    await capture(page, `rotate-dialog-${size.name}`);
    await page.getByRole('dialog').getByRole('button', { name: 'Create new secret' }).click();
    await expect(page.getByTestId('secret-row')).toHaveCount(2);
    await capture(page, `secrets-${size.name}`);
    await page.goto(`${state.issuer}/developers/apps/${clientId}/team`);
    await page.getByLabel('Email').fill('teammate@example.com');
    await page.getByRole('button', { name: 'Create invitation' }).click();
    await expect(page.getByTestId('invitation-link')).toBeVisible();
    await capture(page, `team-${size.name}`);
    await page.goto(`${state.issuer}/developers/apps/${clientId}/danger`);
    await capture(page, `danger-${size.name}`);
    await page.goto(`${state.issuer}/developers/tokens`);
    await capture(page, `tokens-${size.name}`);
    await page.goto(`${state.issuer}/developers/docs`);
    await capture(page, `docs-${size.name}`);
    await page.goto(`${state.issuer}/developers/apps/new?type=native`);
    await page.getByRole('textbox', { name: /^Redirect URIs, 1 of/ }).fill('myapp:/callback');
    await capture(page, `wizard-step2-${size.name}`);
    await page.context().close();
  });
}

test('the activity tab counts the tokens an app was issued', async ({ page, state }) => {
  await page.goto(`${state.issuer}/signup?callbackUrl=${encodeURIComponent('/developers')}`);
  await signUp(page, { name: 'Ada Activity', email: uniqueEmail('activity') });
  await expect(page).toHaveURL(onPortico(state, '/developers'));
  const { clientId, secret } = await createApp(page, 'Machine-to-machine service', 'Metrics Worker');
  for (let i = 0; i < 3; i++) {
    expect((await clientPost(state.issuer, '/oauth/token', { id: clientId, secret: secret! }, { grant_type: 'client_credentials' })).status).toBe(200);
  }
  await page.goto(`${state.issuer}/developers/apps/${clientId}/activity`);
  await expect(page.getByRole('tab', { name: 'Activity' }).or(page.getByRole('link', { name: 'Activity' }))).toBeVisible();
  const tokens = page.locator('dl > div').filter({ hasText: 'Tokens issued (30 days)' });
  await expect(tokens).toContainText('3');
  await expect(page.getByRole('table', { name: 'Tokens issued per day' })).toContainText('3');
  await capture(page, 'activity-desktop');
});
