/**
 * Sign-in and consent in a real browser, driven from a real relying party (e2e/support/relying-party.ts):
 * code + PKCE with state and nonce, Portico's /login and /consent screens, and the code redeemed
 * server-side by openid-client. Each test uses its own client (and a fresh browser context), so
 * a consent remembered by one test never changes what another one sees.
 */
import type { Page } from '@playwright/test';
import { SCOPE_DESCRIPTIONS } from '../lib/oidc/scopes.ts';
import { expect, onPortico, onRelyingParty, signIn, test } from './support/test.ts';

const describe = (scope: string) => scope.split(' ').map((s) => SCOPE_DESCRIPTIONS[s]!);

/** Every URL the page's main frame requests, redirects included, to prove a step (consent) was skipped. */
function recordNavigations(page: Page): URL[] {
  const visited: URL[] = [];
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) visited.push(new URL(request.url()));
  });
  return visited;
}

test('signs in, asks for consent in plain words, and returns a valid ID token to the app', async ({ page, rp, state }) => {
  const scope = 'openid profile email';
  await page.goto(rp.loginUrl('flow', { scope }));

  await expect(page).toHaveURL(onPortico(state, '/login'));
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByText('to continue to Acme Notes')).toBeVisible();
  await signIn(page, state.user.email, state.user.password);

  await expect(page).toHaveURL(onPortico(state, '/consent'));
  await expect(page.getByRole('heading', { name: 'Acme Notes wants to access your Portico account' })).toBeVisible();
  await expect(page.getByText(`Signed in as ${state.user.email}`)).toBeVisible();
  const permissions = page.getByRole('list').getByRole('listitem');
  await expect(permissions).toHaveCount(3);
  await expect(permissions).toContainText(describe(scope));
  for (const token of scope.split(' ')) await expect(permissions.filter({ hasText: new RegExp(`^${token}$`) })).toHaveCount(0);

  await page.getByRole('button', { name: 'Allow' }).click();

  await expect(page).toHaveURL(onRelyingParty(state));
  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible();
  await expect(page.getByTestId('email')).toHaveText(state.user.email);
  await expect(page.getByTestId('sub')).toHaveText(state.user.id);
  await expect(page.getByTestId('scope')).toHaveText(scope);
});

test('remembers consent for the same scopes and asks again for a new one', async ({ page, rp, state }) => {
  await page.goto(rp.loginUrl('remember', { scope: 'openid email' }));
  await signIn(page, state.user.email, state.user.password);
  await page.getByRole('button', { name: 'Allow' }).click();
  await expect(page.getByTestId('email')).toHaveText(state.user.email);

  const visited = recordNavigations(page);
  await page.goto(rp.loginUrl('remember', { scope: 'openid email' }));
  await expect(page.getByTestId('email')).toHaveText(state.user.email);
  expect(visited.filter((u) => u.origin === state.issuer).map((u) => u.pathname)).toEqual(['/oauth/authorize']);

  await page.goto(rp.loginUrl('remember', { scope: 'openid email phone' }));
  await expect(page).toHaveURL(onPortico(state, '/consent'));
  await expect(page.getByRole('list').getByRole('listitem')).toHaveCount(3);
  await expect(page.getByRole('list').getByRole('listitem')).toContainText(describe('openid email phone'));
  await page.getByRole('button', { name: 'Allow' }).click();
  await expect(page.getByTestId('scope')).toHaveText('openid email phone');
});

test('Deny sends access_denied back to the app with the original state', async ({ page, rp, state }) => {
  const original = 'deny-state-4c1f0e';
  await page.goto(rp.loginUrl('deny', { scope: 'openid email', state: original }));
  await signIn(page, state.user.email, state.user.password);
  await expect(page).toHaveURL(onPortico(state, '/consent'));
  await page.getByRole('button', { name: 'Deny' }).click();

  await expect(page).toHaveURL(onRelyingParty(state));
  const callback = new URL(page.url());
  expect(callback.searchParams.get('error')).toBe('access_denied');
  expect(callback.searchParams.get('state')).toBe(original);
  expect(callback.searchParams.get('iss')).toBe(state.issuer);
  expect(callback.searchParams.has('code')).toBe(false);
  await expect(page.getByTestId('error')).toHaveText('access_denied');
  await expect(page.getByTestId('state')).toHaveText(original);
});

test('login_hint pre-fills the email; a wrong password is refused and stays on /login', async ({ page, rp, state }) => {
  await page.goto(rp.loginUrl('misc', { scope: 'openid address', login_hint: state.user.email }));
  await expect(page).toHaveURL(onPortico(state, '/login'));
  await expect(page.getByLabel('Email')).toHaveValue(state.user.email);
  await expect(page.getByLabel('Password')).toBeFocused();

  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Incorrect email or password.' })).toBeVisible();
  await expect(page).toHaveURL(onPortico(state, '/login'));
  await expect(page.getByLabel('Email')).toHaveValue(state.user.email);
  await expect(page.getByLabel('Password')).toHaveValue('');
  await expect(page.getByLabel('Password')).toBeFocused();

  // The same form still works with the right password.
  await page.getByLabel('Password').fill(state.user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(onPortico(state, '/consent'));
});

test('prompt=login shows the sign-in form again to a signed-in user', async ({ page, rp, state }) => {
  await page.goto(rp.loginUrl('misc', { scope: 'openid email' }));
  await signIn(page, state.user.email, state.user.password);
  await page.getByRole('button', { name: 'Allow' }).click();
  await expect(page.getByTestId('email')).toHaveText(state.user.email);

  await page.goto(rp.loginUrl('misc', { scope: 'openid email', prompt: 'login' }));
  await expect(page).toHaveURL(onPortico(state, '/login'));
  await expect(page.getByText('Trailhead Maps asks you to sign in again.')).toBeVisible();
  await signIn(page, state.user.email, state.user.password);
  await expect(page).toHaveURL(onRelyingParty(state));
  await expect(page.getByTestId('email')).toHaveText(state.user.email);
});

test('the sign-in and consent pages refuse to be framed', async ({ page, rp, state }) => {
  const expectNoFraming = (headers: Record<string, string>) => {
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['content-security-policy']).toMatch(/(^|;)\s*frame-ancestors 'none'/);
  };

  await page.goto(rp.loginUrl('misc', { scope: 'openid profile' }));
  await expect(page).toHaveURL(onPortico(state, '/login'));
  const login = await page.goto(page.url());
  expect(login!.status()).toBe(200);
  expectNoFraming(login!.headers());

  await signIn(page, state.user.email, state.user.password);
  await expect(page).toHaveURL(onPortico(state, '/consent'));
  const consentUrl = page.url();
  const consent = await page.goto(consentUrl);
  expect(consent!.status()).toBe(200);
  expectNoFraming(consent!.headers());

  // And the browser enforces it: a page on another origin cannot show them in a frame.
  for (const target of [`${state.issuer}/login`, consentUrl]) {
    await page.goto(`${state.rp.origin}/not-found`);
    await page.setContent(`<iframe src="${target}" title="framed"></iframe>`); // waits for the frame's load
    // Chromium replaces a refused frame with its "refused to connect" error page.
    await expect.poll(() => page.frames().find((f) => f !== page.mainFrame())?.url()).toMatch(/^chrome-error:/);
    await expect(page.frameLocator('iframe').getByRole('button')).toHaveCount(0);
  }
});

test('pages run only their own nonced scripts, leak no Referer, and break no CSP rule', async ({ page, rp, state }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const nonces = new Set<string>();
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'document' || !response.url().startsWith(state.issuer)) return;
    const headers = response.headers();
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['x-content-type-options']).toBe('nosniff');
    const csp = headers['content-security-policy'] ?? '';
    if (!response.url().includes('/oauth/')) {
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce, `${response.url()}: ${csp}`).toBeTruthy();
      expect(csp).toContain("'strict-dynamic'");
      nonces.add(nonce!);
    }
  });

  await page.goto(rp.loginUrl('csp', { scope: 'openid email' }));
  await expect(page).toHaveURL(onPortico(state, '/login'));
  // Every script the page carries has this response's nonce; an injected one would not run.
  const scripts = await page.locator('script').evaluateAll((els) => els.map((el) => (el as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  for (const nonce of scripts) expect(nonces).toContain(nonce);
  await signIn(page, state.user.email, state.user.password); // needs the page's scripts to run
  await page.getByRole('button', { name: 'Allow' }).click();
  await expect(page.getByTestId('email')).toHaveText(state.user.email);
  // A fresh nonce per page, never reused.
  expect(nonces.size).toBeGreaterThanOrEqual(2);
  await page.goto(`${state.issuer}/forgot-password`);
  await expect(page.getByRole('button')).not.toHaveCount(0);
  expect(violations).toEqual([]);
});

test('the sign-in form works with the keyboard alone, with a visible focus', async ({ page, rp, state }) => {
  await page.goto(rp.loginUrl('keyboard', { scope: 'openid email' }));
  await expect(page).toHaveURL(onPortico(state, '/login'));
  const email = page.getByLabel('Email');
  const password = page.getByLabel('Password');
  const button = page.getByRole('button', { name: 'Sign in' });
  await expect(button).toBeEnabled(); // hydrated

  const hasVisibleFocus = (locator: typeof email) =>
    locator.evaluate((el) => {
      const style = getComputedStyle(el);
      return el.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1;
    });

  await expect(email).toBeFocused(); // autofocus, no login_hint
  expect(await hasVisibleFocus(email)).toBe(true);
  await page.keyboard.type(state.user.email);
  await page.keyboard.press('Tab');
  await expect(password).toBeFocused();
  expect(await hasVisibleFocus(password)).toBe(true);
  await page.keyboard.type(state.user.password);
  await page.keyboard.press('Tab');
  await expect(button).toBeFocused();
  expect(await hasVisibleFocus(button)).toBe(true);
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(onPortico(state, '/consent'));
  const allow = page.getByRole('button', { name: 'Allow' });
  for (let i = 0; i < 10 && !(await allow.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(allow).toBeFocused();
  expect(await hasVisibleFocus(allow)).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('email')).toHaveText(state.user.email);
});
