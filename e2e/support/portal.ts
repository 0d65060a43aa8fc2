/**
 * The developer portal as a user drives it (by labels and roles), plus the OAuth calls a real app
 * would make with the credentials the portal handed out.
 */
import { expect, type Page } from '@playwright/test';

export const PORTAL_PASSWORD = 'a long and memorable passphrase';

let counter = 0;
/** An email no other test (or earlier run on the same server) has used. */
export const uniqueEmail = (who: string) => `${who}.${Date.now().toString(36)}${(counter++).toString(36)}@example.com`;

export async function signUp(page: Page, account: { name: string; email: string; password?: string }): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Create your account' })).toBeVisible();
  await page.getByLabel('Name').fill(account.name);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password ?? PORTAL_PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
}

export type AppKindLabel = 'Web application' | 'Single-page app' | 'Native or mobile app' | 'Machine-to-machine service';

/** Dashboard → Create app → kind → name (+ redirect URIs) → the one-time credentials screen. */
export async function createApp(page: Page, kind: AppKindLabel, name: string, redirectUris: string[] = []): Promise<{ clientId: string; secret: string | null }> {
  await page.goto(new URL('/developers/apps/new', page.url()).href);
  await page.getByRole('link', { name: new RegExp(`^${kind}`) }).click();
  await page.getByLabel('App name').fill(name);
  for (const [index, uri] of redirectUris.entries()) {
    if (index > 0) await page.getByRole('button', { name: 'Add redirect URI' }).click();
    await page.getByRole('textbox', { name: new RegExp(`^Redirect URIs, ${index + 1} of`) }).fill(uri);
  }
  await page.getByRole('button', { name: 'Create app' }).click();
  await expect(page.getByText('App created')).toBeVisible();
  return readCredentials(page);
}

export async function readCredentials(page: Page): Promise<{ clientId: string; secret: string | null }> {
  const clientId = (await page.getByTestId('client-id').textContent())!.trim();
  const secretBox = page.getByTestId('client-secret');
  const secret = (await secretBox.count()) ? (await secretBox.textContent())!.trim() : null;
  return { clientId, secret };
}

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

/** POST to a client-authenticated endpoint (RFC 6749 §2.3.1 Basic) and answer status and JSON body. */
export async function clientPost(issuer: string, path: string, client: { id: string; secret: string }, form: Record<string, string>) {
  const response = await fetch(new URL(path, issuer), {
    method: 'POST',
    headers: { authorization: basic(client.id, client.secret), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as Record<string, unknown> | null };
}

/** Whether the secret authenticates: introspecting a made-up token answers 200 {active:false}, a bad secret 401. */
export async function secretAuthenticates(issuer: string, client: { id: string; secret: string }): Promise<number> {
  return (await clientPost(issuer, '/oauth/introspect', client, { token: 'at_not-a-real-token' })).status;
}
