/**
 * "Not you?" on the consent screen, at the core: an authorization request parked for user A and
 * resumed with user B's session (A signed out, B signed in) asks B for consent and issues B's code.
 * A's consent is neither asked again nor recorded.
 */
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/lib/account/create-user.ts';
import { createClient } from '@/lib/portal/create-client.ts';
import { basic, call, CHALLENGE, sessionCookie, startCore, VERIFIER, type Harness } from '../support/core-harness.ts';

const REDIRECT_URI = 'https://notes.example.com/cb';

let h: Harness;
let ada: { id: string };
let ben: { id: string };
let client: { id: string; secret: string };

beforeAll(async () => {
  h = await startCore();
  ada = await createUser(h.runtime.db, { email: 'ada@example.com', password: 'correct horse battery', name: 'Ada' });
  ben = await createUser(h.runtime.db, { email: 'ben@example.com', password: 'correct horse battery', name: 'Ben' });
  const created = await createClient(h.runtime.db, { name: 'Notes', type: 'web', redirectUris: [REDIRECT_URI] });
  client = { id: created.client.id, secret: created.clientSecret! };
});
afterAll(() => h?.close());

async function authorizeAs(cookie: string, path: string) {
  const res = await call(h, 'authorize', { path, headers: { cookie } });
  expect(res.status).toBe(303);
  return new URL(res.headers.get('location')!, h.config.issuer);
}

describe('switching account on the consent screen', () => {
  it('asks the second user for consent on the same request and issues the code for them', async () => {
    const params = new URLSearchParams({
      client_id: client.id, redirect_uri: REDIRECT_URI, response_type: 'code', scope: 'openid email', state: 'st', nonce: 'n1',
      code_challenge: CHALLENGE, code_challenge_method: 'S256', login_hint: 'ada@example.com',
    });
    const adaCookie = await sessionCookie(h, ada.id);
    const toConsent = await authorizeAs(adaCookie, `/oauth/authorize?${params}`);
    expect(toConsent.pathname).toBe('/consent');
    const interaction = toConsent.searchParams.get('interaction')!;
    expect(await h.runtime.provider.interactions.describe(interaction, ada.id)).not.toBeNull();

    // "Not you?": Ada signs out; Ben signs in on /login?interaction=… and the sign-in page
    // continues to the interaction's resume URL with Ben's fresh session.
    h.clock.advance(30);
    const { resumeUrl } = (await h.runtime.provider.interactions.describe(interaction, null))!;
    const benCookie = await sessionCookie(h, ben.id);
    const toBenConsent = await authorizeAs(benCookie, resumeUrl);
    expect(toBenConsent.pathname).toBe('/consent');
    expect(toBenConsent.searchParams.get('interaction')).toBe(interaction);

    const resume = await h.runtime.provider.interactions.decideConsent(interaction, ben.id, 'allow');
    expect(resume).toBe(resumeUrl);
    const toApp = await authorizeAs(benCookie, resume);
    expect(`${toApp.origin}${toApp.pathname}`).toBe(REDIRECT_URI);
    expect(toApp.searchParams.get('state')).toBe('st');
    const code = toApp.searchParams.get('code')!;

    const res = await call(h, 'token', {
      body: { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: VERIFIER },
      headers: { authorization: basic(client.id, client.secret) },
    });
    expect(res.status).toBe(200);
    const tokens = (await res.json()) as { id_token: string; scope: string };
    expect(decodeJwt(tokens.id_token)).toMatchObject({ sub: ben.id, nonce: 'n1' });

    expect(await h.runtime.stores.consents.find(ben.id, client.id)).toEqual(expect.arrayContaining(['openid', 'email']));
    expect(await h.runtime.stores.consents.find(ada.id, client.id)).toEqual([]);
    const grants = await h.runtime.db.grant.findMany({ where: { clientId: client.id } });
    expect(grants.map((g) => g.userId)).toEqual([ben.id]);
  });

  it('does not let the first user’s consent on the request stand in for the second user’s', async () => {
    const params = new URLSearchParams({
      client_id: client.id, redirect_uri: REDIRECT_URI, response_type: 'code', scope: 'openid profile', state: 'st2',
      code_challenge: CHALLENGE, code_challenge_method: 'S256',
    });
    const adaCookie = await sessionCookie(h, ada.id);
    const interaction = (await authorizeAs(adaCookie, `/oauth/authorize?${params}`)).searchParams.get('interaction')!;
    // Ada allows, but the browser resumes with Ben signed in instead (e.g. another tab switched account).
    const resume = await h.runtime.provider.interactions.decideConsent(interaction, ada.id, 'allow');
    h.clock.advance(30);
    const toBen = await authorizeAs(await sessionCookie(h, ben.id), resume);
    expect(toBen.pathname).toBe('/consent');
    expect(await h.runtime.stores.consents.find(ben.id, client.id)).not.toContain('profile');
  });
});
