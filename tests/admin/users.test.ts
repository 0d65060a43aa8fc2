/**
 * The operator's user management with the real core, on SQLite and PostgreSQL: disabling ends the
 * user's browser sessions (the cookie no longer signs anyone in at /oauth/authorize), revokes their
 * tokens (introspection inactive, refresh refused) and personal access tokens, and sign-in refuses
 * the account with its own reason until it is enabled again; search, two-factor reset, sessions
 * and deletion, each audited with the operator; an operator cannot disable or delete themselves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/lib/account/create-user.ts';
import { signIn } from '@/lib/account/sign-in.ts';
import { createSessionValidityCheck } from '@/lib/account/user-sessions.ts';
import { deleteUser, endUserSessionsAsOperator, getUser, listUsers, resetUserTwoFactor, setUserDisabled } from '@/lib/admin/index.ts';
import { createClient } from '@/lib/portal/create-client.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/portal/errors.ts';
import { authenticatePersonalAccessToken, createPersonalAccessToken } from '@/lib/portal/index.ts';
import { basic, call, CHALLENGE, sessionCookie, startCore, VERIFIER, type Harness } from '../support/core-harness.ts';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.ts';
import { makeActor, makeTeam } from '../support/portal.ts';

const PASSWORD = 'correct horse battery staple';
const REDIRECT = 'https://notes.example.com/cb';

describe.each(DATABASES)('operator user management on %s', (kind) => {
  let database: TestDatabase;
  let h: Harness;
  let operator: { userId: string; email: string };
  let app: { id: string; secret: string };
  let n = 0;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    h = await startCore({ DATABASE_URL: database.url });
    operator = await makeActor(h.runtime.db, { admin: true });
    const created = await createClient(h.runtime.db, { name: 'Notes', type: 'web', redirectUris: [REDIRECT] });
    app = { id: created.client.id, secret: created.clientSecret! };
  });
  afterAll(async () => {
    await h?.close();
    await database?.drop();
  });

  const db = () => h.runtime.db;
  const newUser = async (label: string) => {
    const user = await createUser(db(), { email: `${label}-${kind}-${++n}@example.com`, password: PASSWORD, name: `${label} ${n}` });
    await db().user.update({ where: { id: user.id }, data: { emailVerified: true } });
    return user;
  };
  const authorizeUrl = () =>
    `/oauth/authorize?${new URLSearchParams({ client_id: app.id, redirect_uri: REDIRECT, response_type: 'code', scope: 'openid offline_access', code_challenge: CHALLENGE, code_challenge_method: 'S256' })}`;
  const introspect = async (token: string) =>
    (await (await call(h, 'introspect', { body: { token }, headers: { authorization: basic(app.id, app.secret) } })).json()).active as boolean;

  /** The user signs in to the app in a browser session: the cookie, and tokens from the code. */
  async function signedInWithTokens(userId: string) {
    await h.runtime.stores.consents.grant(userId, app.id, ['openid', 'offline_access']);
    const cookie = await sessionCookie(h, userId);
    const res = await call(h, 'authorize', { path: authorizeUrl(), headers: { cookie } });
    const code = new URL(res.headers.get('location')!).searchParams.get('code')!;
    const tokens = await (
      await call(h, 'token', {
        body: { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: VERIFIER },
        headers: { authorization: basic(app.id, app.secret) },
      })
    ).json();
    return { cookie, tokens: tokens as { access_token: string; refresh_token: string } };
  }

  it('disabling ends sessions, revokes tokens and API tokens, and sign-in refuses the account until enabled', async () => {
    const user = await newUser('mallory');
    const { cookie, tokens } = await signedInWithTokens(user.id);
    const pat = (await createPersonalAccessToken(db(), { userId: user.id }, { name: 'ci', scopes: ['clients:read'], expiresInDays: 1 })).secret;
    expect(await introspect(tokens.access_token)).toBe(true);

    const change = await setUserDisabled(db(), operator, user.id, true);
    expect(change).toMatchObject({ changed: true, revokedPersonalAccessTokens: 1, user: { id: user.id, disabledAt: expect.any(Date) } });
    expect(change.endedSessions).toHaveLength(1);
    expect(change.revokedTokens).toBeGreaterThanOrEqual(2);

    // The browser session no longer signs anyone in: authorize sends the browser to sign in.
    const again = await call(h, 'authorize', { path: authorizeUrl(), headers: { cookie } });
    expect(again.headers.get('location')).toMatch(/^\/login\?interaction=/);
    const [sid] = change.endedSessions;
    expect(await createSessionValidityCheck(db())(user.id, sid!)).toBe(false);
    // Tokens: inactive, and refresh refused.
    expect(await introspect(tokens.access_token)).toBe(false);
    const refresh = await call(h, 'token', { body: { grant_type: 'refresh_token', refresh_token: tokens.refresh_token }, headers: { authorization: basic(app.id, app.secret) } });
    expect((await refresh.json()).error).toBe('invalid_grant');
    expect(await authenticatePersonalAccessToken(db(), pat)).toBeNull();
    // Sign-in: the right password is refused with its own reason; a wrong one still says "credentials".
    expect(await signIn(db(), h.config.secret, { email: user.email, password: PASSWORD })).toEqual({ ok: false, reason: 'disabled' });
    expect(await signIn(db(), h.config.secret, { email: user.email, password: 'not the password' })).toEqual({ ok: false, reason: 'credentials' });

    const audit = await db().auditEvent.findFirst({ where: { action: 'admin.user_disabled' }, orderBy: { createdAt: 'desc' } });
    expect(audit).toMatchObject({ actorUserId: operator.userId });
    expect(JSON.parse(audit!.details)).toMatchObject({ userId: user.id, email: user.email, sessions: 1, personalAccessTokens: 1 });

    const enabled = await setUserDisabled(db(), operator, user.id, false);
    expect(enabled).toMatchObject({ changed: true, user: { disabledAt: null } });
    expect(await signIn(db(), h.config.secret, { email: user.email, password: PASSWORD })).toMatchObject({ ok: true });
    expect(await db().auditEvent.count({ where: { action: 'admin.user_enabled', actorUserId: operator.userId } })).toBe(1);
  });

  it('an operator cannot disable or delete their own account, and a non-operator cannot disable anyone', async () => {
    await expect(setUserDisabled(db(), operator, operator.userId, true)).rejects.toBeInstanceOf(ValidationError);
    await expect(deleteUser(db(), operator, operator.userId)).rejects.toBeInstanceOf(ValidationError);
    const user = await newUser('victim');
    const developer = await makeActor(db());
    await expect(setUserDisabled(db(), developer, user.id, true)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await db().user.findUnique({ where: { id: user.id } }))?.disabledAt).toBeNull();
  });

  it('lists and searches accounts by email or name, and filters disabled ones', async () => {
    const user = await newUser('Quentin');
    const found = await listUsers(db(), operator, { query: 'QUENTIN' });
    expect(found.items.map((u) => u.id)).toEqual([user.id]);
    expect(found.total).toBe(1);
    expect(found.items[0]).toMatchObject({ email: user.email, isAdmin: false, twoFactor: false, disabledAt: null });
    expect(found.items[0]).not.toHaveProperty('passwordHash');
    await setUserDisabled(db(), operator, user.id, true);
    expect((await listUsers(db(), operator, { status: 'disabled', query: 'quentin' })).items.map((u) => u.id)).toEqual([user.id]);
    expect((await listUsers(db(), operator, { status: 'active', query: 'quentin' })).items).toEqual([]);
    expect((await listUsers(db(), operator, { status: 'admins' })).items.map((u) => u.id)).toContain(operator.userId);
    expect((await listUsers(db(), operator, { take: 1 })).items).toHaveLength(1);
  });

  it('resets two-step verification, so the next sign-in needs only the password', async () => {
    const user = await newUser('lost-phone');
    await db().user.update({ where: { id: user.id }, data: { totpSecret: 'sealed', totpEnabledAt: new Date() } });
    await db().recoveryCode.create({ data: { id: `rc-${kind}-${n}`, userId: user.id, codeHash: `hash-${kind}-${n}` } });
    expect(await signIn(db(), h.config.secret, { email: user.email, password: PASSWORD })).toEqual({ ok: false, reason: 'second_factor_required' });
    expect(await resetUserTwoFactor(db(), operator, user.id)).toEqual({ changed: true });
    expect(await db().recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await signIn(db(), h.config.secret, { email: user.email, password: PASSWORD })).toMatchObject({ ok: true, amr: ['pwd'] });
    expect(await db().auditEvent.count({ where: { action: 'admin.user_two_factor_reset', actorUserId: operator.userId, details: { contains: user.id } } })).toBe(1);
    expect(await resetUserTwoFactor(db(), operator, user.id)).toEqual({ changed: false });
  });

  it('lists a user’s sessions and ends one or all of them', async () => {
    const user = await newUser('traveller');
    await sessionCookie(h, user.id);
    await sessionCookie(h, user.id);
    await sessionCookie(h, user.id);
    const detail = await getUser(db(), operator, user.id);
    expect(detail.sessions).toHaveLength(3);
    const [first] = detail.sessions;
    expect(await endUserSessionsAsOperator(db(), operator, user.id, { sessionId: first!.id })).toEqual({ endedSessions: [first!.id] });
    await expect(endUserSessionsAsOperator(db(), operator, user.id, { sessionId: first!.id })).rejects.toBeInstanceOf(NotFoundError);
    expect((await endUserSessionsAsOperator(db(), operator, user.id, 'all')).endedSessions).toHaveLength(2);
    expect((await getUser(db(), operator, user.id)).sessions).toEqual([]);
    expect(await db().auditEvent.count({ where: { action: 'admin.user_signed_out', actorUserId: operator.userId, details: { contains: user.id } } })).toBe(2);
  });

  it('deletes an account with what it holds, keeps the record of it, and refuses while it is a team’s only owner', async () => {
    const user = await newUser('leaver');
    const { tokens } = await signedInWithTokens(user.id);
    const result = await deleteUser(db(), operator, user.id);
    expect(result).toEqual({ email: user.email, clientIds: [app.id] });
    expect(await db().user.count({ where: { id: user.id } })).toBe(0);
    expect(await introspect(tokens.access_token)).toBe(false);
    const audit = await db().auditEvent.findFirst({ where: { action: 'admin.user_deleted' }, orderBy: { createdAt: 'desc' } });
    expect(audit).toMatchObject({ actorUserId: operator.userId });
    expect(JSON.parse(audit!.details)).toMatchObject({ userId: user.id, email: user.email });
    await expect(getUser(db(), operator, user.id)).rejects.toBeInstanceOf(NotFoundError);

    const owner = await newUser('owner');
    const colleague = await makeActor(db());
    await makeTeam(db(), { userId: owner.id }, [[colleague, 'developer']]);
    const refused = await deleteUser(db(), operator, owner.id).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ForbiddenError);
    expect((refused as Error).message).toContain(owner.email);
    expect(await db().user.count({ where: { id: owner.id } })).toBe(1);
  });

  it('keeps what a deleted operator did on the record, with the actor blanked', async () => {
    const former = await makeActor(db(), { admin: true });
    const user = await newUser('subject');
    await setUserDisabled(db(), former, user.id, true);
    await deleteUser(db(), operator, former.userId);
    const kept = await db().auditEvent.findFirst({ where: { action: 'admin.user_disabled', details: { contains: user.id } } });
    expect(kept).toMatchObject({ actorUserId: null });
  });
});
