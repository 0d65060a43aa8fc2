/**
 * An end user arriving from an app's "Sign in with …" creates their account on the sign-in page
 * of that authorization request (/login?interaction= → /create-account?interaction=), on SQLite
 * and PostgreSQL: the account is created with the one sign-up use case (lib/account/create-account.ts,
 * what the form's server action calls), the verification email goes out, the new account signs in,
 * and the same parked request resumes at consent for that app and ends with a code at the app,
 * redeemed at the real token endpoint. Also: the operator's sign-up policy and the sign-up budget
 * apply to this path as to the developer sign-up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '@/lib/account/create-account.ts';
import { createMailer } from '@/lib/account/mailer.ts';
import { signIn } from '@/lib/account/sign-in.ts';
import { verifyEmail } from '@/lib/account/verify-email.ts';
import { createClient } from '@/lib/portal/create-client.ts';
import { createTeam } from '@/lib/portal/create-team.ts';
import { inviteMember } from '@/lib/portal/invite-member.ts';
import { POLICIES } from '@/lib/rate-limit/policies.ts';
import { SIGN_UP_CLOSED_MESSAGE, SIGN_UP_INVITE_ONLY_MESSAGE } from '@/lib/settings/sign-up-policy.ts';
import { writeSetting } from '@/lib/settings/write-setting.ts';
import { sessionCookie, startCore, type Harness } from '../support/core-harness.ts';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.ts';
import { idTokenClaims, mailTo, newestLink, redeemCode, resume, startAuthorization, userinfo, type App } from '../support/end-user.ts';
import { makeActor } from '../support/portal.ts';

const PASSWORD = 'a long and memorable passphrase';

describe.each(DATABASES)('an end user signs up from an app (%s)', (kind) => {
  let database: TestDatabase;
  let h: Harness;
  let app: App;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    h = await startCore({ DATABASE_URL: database.url });
    const created = await createClient(h.runtime.db, { name: 'Saltmarsh Recipes', type: 'web', redirectUris: ['https://recipes.example.com/cb'] });
    app = { id: created.client.id, secret: created.clientSecret!, redirectUri: 'https://recipes.example.com/cb' };
  });
  afterAll(async () => {
    await h?.close();
    await database?.drop();
  });

  const deps = () => ({ db: h.runtime.db, mailer: createMailer(h.config, () => h.clock.now), signUpLimiter: h.runtime.rateLimits.signUpPerIp, issuer: h.config.issuer });

  it('creates the account inside the authorization request, then consent for that app, then a code at the app', async () => {
    // The app sends the browser to Portico; nobody is signed in, so the request is parked at sign-in.
    const login = await startAuthorization(h, app, 'openid profile email');
    expect(login.pathname).toBe('/login');
    const interaction = login.searchParams.get('interaction')!;
    const view = await h.runtime.provider.interactions.describe(interaction, null);
    expect(view?.client.name).toBe('Saltmarsh Recipes'); // "Create your account to continue to Saltmarsh Recipes"

    // "Create an account": the form's action.
    const created = await createAccount(deps(), { name: 'Rosa Diaz', email: ' Rosa@Example.com', password: PASSWORD }, { ip: '203.0.113.7', now: h.clock.now });
    if (!created.ok) throw new Error(created.error);
    expect(created.user).toMatchObject({ email: 'rosa@example.com', name: 'Rosa Diaz', isAdmin: false });
    const userId = created.user.id;
    const [mail] = await mailTo(h, 'rosa@example.com');
    expect(mail?.subject).toBe('Confirm your email address for Portico');
    const verifyLink = await newestLink(h, 'rosa@example.com', '/verify-email');
    expect(await h.runtime.db.auditEvent.findFirst({ where: { actorUserId: userId, action: 'user.signed_up' } })).not.toBeNull();

    // The form then signs in with the same credentials (next-auth's credentials provider runs this).
    expect((await signIn(h.runtime.db, h.config.secret, { email: 'rosa@example.com', password: PASSWORD }, h.clock.now)).ok).toBe(true);
    const cookie = await sessionCookie(h, userId);

    // … and goes back to the same request, which asks for consent for that app next.
    const consent = await resume(h, view!.resumeUrl, cookie);
    expect(consent.pathname).toBe('/consent');
    expect(consent.searchParams.get('interaction')).toBe(interaction);
    const afterConsent = await h.runtime.provider.interactions.decideConsent(interaction, userId, 'allow', ['profile', 'email']);

    // The app gets its code, for the new account.
    const callback = await resume(h, afterConsent, cookie);
    expect(callback.origin + callback.pathname).toBe(app.redirectUri);
    expect(callback.searchParams.get('state')).toBe('st-end-user');
    const tokens = await redeemCode(h, app, callback.searchParams.get('code')!);
    expect(tokens.scope.split(' ').sort()).toEqual(['email', 'openid', 'profile']);
    const sub = idTokenClaims(tokens.id_token).sub;
    expect(await userinfo(h, tokens.access_token)).toMatchObject({ sub, email: 'rosa@example.com', email_verified: false, name: 'Rosa Diaz' });

    // Opening the mailed link confirms the address; the app sees it confirmed from then on.
    await verifyEmail(h.runtime.db, verifyLink.searchParams.get('token')!, h.clock.now);
    expect(await userinfo(h, tokens.access_token)).toMatchObject({ sub, email_verified: true });
  });

  it('refuses an address that already has an account, on the email field, and sends nothing', async () => {
    const before = (await mailTo(h, 'rosa@example.com')).length;
    const again = await createAccount(deps(), { email: 'rosa@example.com', password: PASSWORD }, { ip: '203.0.113.8' });
    expect(again).toEqual({ ok: false, field: 'email', error: 'An account with this email already exists. Sign in instead, or use another email.' });
    expect((await mailTo(h, 'rosa@example.com')).length).toBe(before);
    expect(await createAccount(deps(), { email: 'x@example.com', password: 'short' }, { ip: null })).toMatchObject({ ok: false, field: 'password' });
  });

  it("follows the operator's sign-up policy: closed refuses everyone, invite-only admits a pending invitation's address", async () => {
    await writeSetting(h.runtime.db, 'sign_up', 'closed');
    expect(await createAccount(deps(), { email: 'closed@example.com', password: PASSWORD }, { ip: null })).toEqual({ ok: false, error: SIGN_UP_CLOSED_MESSAGE });

    await writeSetting(h.runtime.db, 'sign_up', 'invite_only');
    expect(await createAccount(deps(), { email: 'stranger@example.com', password: PASSWORD }, { ip: null })).toEqual({ ok: false, error: SIGN_UP_INVITE_ONLY_MESSAGE });
    const owner = await makeActor(h.runtime.db);
    const team = await createTeam(h.runtime.db, owner, { name: 'Recipes' });
    await inviteMember(h.runtime.db, owner, team.id, { email: 'invited@example.com', role: 'viewer' });
    expect(await createAccount(deps(), { email: 'invited@example.com', password: PASSWORD }, { ip: null })).toMatchObject({ ok: true });
    expect(await h.runtime.db.user.count({ where: { email: { in: ['closed@example.com', 'stranger@example.com'] } } })).toBe(0);
    await writeSetting(h.runtime.db, 'sign_up', 'open');
  });

  it('counts against the network sign-up budget and says how long to wait', async () => {
    const ip = '198.51.100.9';
    for (let i = 0; i < POLICIES.signUpPerIp.points; i++) await h.runtime.rateLimits.signUpPerIp.consume(ip);
    const refused = await createAccount(deps(), { email: 'late@example.com', password: PASSWORD }, { ip });
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/^Too many attempts from your network\. Wait \d+ minutes? and try again\.$/) });
    expect(await h.runtime.db.user.findUnique({ where: { email: 'late@example.com' } })).toBeNull();
  });
});
