/**
 * API resources in a real browser against the real server: a developer registers an API with two
 * scopes; a developer of another team asks for both for their service; the API's owner approves
 * one; the second developer sees it approved, and the service gets a token for the API with it.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { clientPost, createApp, signUp, uniqueEmail } from './support/portal.ts';
import { expect, onPortico, test } from './support/test.ts';

test('an API owner approves part of what another team’s app asks for', async ({ browser, page, state }) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36);
  const api = { name: `Invoices ${suffix}`, identifier: `https://invoices-${suffix}.example.com/api`, id: '' };
  const read = `invoices-${suffix}:read`;
  const write = `invoices-${suffix}:write`;

  await test.step('the owner registers an API and lands on its scopes', async () => {
    await page.goto(`${state.issuer}/signup`);
    await signUp(page, { name: 'Olga Owner', email: uniqueEmail('api-owner') });
    await expect(page).toHaveURL(onPortico(state, '/developers'));
    await page.getByRole('link', { name: 'APIs', exact: true }).click();
    await expect(page).toHaveURL(onPortico(state, '/developers/apis'));
    await expect(page.getByRole('heading', { name: 'No APIs yet' })).toBeVisible();
    await page.getByRole('link', { name: 'Register your first API' }).click();

    // The identifier rule runs in the browser: https only (http just for localhost), no fragment.
    const identifier = page.getByLabel('Identifier');
    await identifier.fill('http://invoices.example.com/api');
    await page.getByLabel('Name', { exact: true }).fill(api.name);
    await expect(page.getByText('Identifiers must use https')).toBeVisible();
    await identifier.fill(api.identifier);
    await page.getByRole('button', { name: 'Create API' }).click();

    await expect(page).toHaveURL((url) => /^\/developers\/apis\/api_[^/]+\/scopes$/.test(url.pathname));
    api.id = new URL(page.url()).pathname.split('/')[3]!;
    await expect(page.getByRole('heading', { name: api.name, level: 1 })).toBeVisible();
  });

  await test.step('adds two scopes; a standard OpenID Connect scope is refused', async () => {
    const addScope = async (name: string, description: string) => {
      await page.getByLabel('Scope name').fill(name);
      await page.getByLabel('Description', { exact: true }).fill(description);
      await page.getByRole('button', { name: 'Add scope' }).click();
    };
    await addScope('openid', 'Not mine to define');
    await expect(page.getByText('is a standard OpenID Connect scope')).toBeVisible();
    await addScope(read, 'Read invoices');
    await expect(page.getByRole('list', { name: 'Scopes' })).toContainText(read);
    await addScope(write, 'Send invoices');
    await expect(page.getByTestId('scope-row')).toHaveCount(2);

    // The Settings tab shows the identifier read-only, with a copy button.
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByTestId('api-identifier')).toHaveText(api.identifier);
    await expect(page.getByRole('button', { name: 'Copy identifier' })).toBeVisible();
  });

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  let service = { clientId: '', secret: '' };

  await test.step('a developer of another team asks for both scopes for their service', async () => {
    await other.goto(`${state.issuer}/signup`);
    await signUp(other, { name: 'Ben Builder', email: uniqueEmail('api-consumer') });
    await expect(other).toHaveURL(onPortico(state, '/developers'));
    const created = await createApp(other, 'Machine-to-machine service', 'Ledger Sync');
    service = { clientId: created.clientId, secret: created.secret! };

    await other.goto(`${state.issuer}/developers/apps/${service.clientId}/api-access`);
    await other.getByLabel('Filter APIs').fill(suffix);
    const card = other.getByRole('region', { name: api.name });
    await expect(card).toContainText(api.identifier);
    await expect(card).toContainText('By Olga Owner');
    await card.getByRole('checkbox', { name: read }).check();
    await card.getByRole('checkbox', { name: write }).check();
    await card.getByRole('button', { name: 'Request access' }).click();
    await expect(card.getByText('Request sent.')).toBeVisible();
    await expect(card.getByText('Pending', { exact: true })).toBeVisible();
  });

  await test.step('the owner approves the read scope only', async () => {
    await page.getByRole('link', { name: 'Access requests' }).click();
    await expect(page).toHaveURL(onPortico(state, `/developers/apis/${api.id}/access`));
    const waiting = page.getByRole('list', { name: 'Waiting for a decision' });
    const request = waiting.getByTestId('access-request').filter({ hasText: 'Ledger Sync' });
    await expect(request).toBeVisible();
    await request.getByRole('checkbox', { name: write }).uncheck();
    await request.getByRole('button', { name: /^Approve selected scopes for Ledger Sync/ }).click();

    const approved = page.getByRole('list', { name: 'Approved' }).getByTestId('access-request').filter({ hasText: 'Ledger Sync' });
    await expect(approved).toBeVisible();
    await expect(approved.getByRole('checkbox', { name: read })).toBeChecked();
    await expect(approved.getByRole('checkbox', { name: write })).not.toBeChecked();
    await expect(page.getByRole('heading', { name: 'Waiting for a decision (0)' })).toBeVisible();
  });

  await test.step('the other developer sees the approval, and the service gets a token for the API', async () => {
    await other.reload();
    await other.getByLabel('Filter APIs').fill(suffix);
    const card = other.getByRole('region', { name: api.name });
    await expect(card.getByText('Approved', { exact: true })).toBeVisible();
    const chips = card.getByRole('list', { name: `Approved scopes of ${api.name}` });
    await expect(chips).toContainText(read);
    await expect(chips).not.toContainText(write);

    const credentials = { id: service.clientId, secret: service.secret };
    await expect
      .poll(async () => (await clientPost(state.issuer, '/oauth/token', credentials, { grant_type: 'client_credentials', scope: read, resource: api.identifier })).status, {
        timeout: 10_000,
      })
      .toBe(200);
    const token = await clientPost(state.issuer, '/oauth/token', credentials, { grant_type: 'client_credentials', scope: write, resource: api.identifier });
    expect(token.status).toBe(400);
    expect(token.body).toMatchObject({ error: 'invalid_scope' });
  });

  await test.step('screenshots of the API pages at desktop and phone width, for review', async () => {
    const shoot = async (who: Page, pathname: string, name: string) => {
      for (const [width, size] of [[1280, 'desktop'], [390, 'phone']] as const) {
        await who.setViewportSize({ width, height: 844 });
        await who.goto(`${state.issuer}${pathname}`);
        await who.screenshot({ path: path.join(import.meta.dirname, 'screenshots', `api-${name}-${size}.png`), fullPage: true, timeout: 20_000 });
      }
    };
    await shoot(page, '/developers/apis', 'list');
    await shoot(page, `/developers/apis/${api.id}`, 'settings');
    await shoot(page, `/developers/apis/${api.id}/scopes`, 'scopes');
    await shoot(page, `/developers/apis/${api.id}/access`, 'access');
    await shoot(page, `/developers/apis/${api.id}/servers`, 'servers');
    await shoot(other, `/developers/apps/${service.clientId}/api-access`, 'app-access');
  });

  await otherContext.close();
});
