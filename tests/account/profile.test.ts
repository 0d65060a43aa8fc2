/**
 * /account/profile's use case (lib/account/update-profile.ts) on SQLite and PostgreSQL: a bad
 * field is refused by name and nothing is saved; a good update is stored canonically, recorded as
 * a security event naming the changed fields (never their values), and an app sees the claims at
 * userinfo exactly as far as the user's consent goes (profile, phone, address: OIDC Core §5.4),
 * with updated_at moving and an emptied field no longer released.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/lib/account/create-user.ts';
import { getProfile } from '@/lib/account/get-profile.ts';
import { listSecurityActivity } from '@/lib/account/list-security-activity.ts';
import { updateProfile } from '@/lib/account/update-profile.ts';
import { createClient } from '@/lib/portal/create-client.ts';
import { ValidationError } from '@/lib/portal/errors.ts';
import type { ProfileInput } from '@/lib/validation/profile.ts';
import { sessionCookie, startCore, type Harness } from '../support/core-harness.ts';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.ts';
import { redeemCode, resume, startAuthorization, userinfo, type App } from '../support/end-user.ts';

const FULL: ProfileInput = {
  name: 'Ada Lovelace', givenName: 'Ada', familyName: 'Lovelace', nickname: 'Countess', preferredUsername: 'ada.l',
  picture: 'https://example.com/ada.png', website: 'https://ada.example.org', gender: 'female', birthdate: '1815-12-10',
  zoneinfo: 'europe/london', locale: 'en-gb', phoneNumber: '+44 20 7946 0958', address: '12 St James’s Square\nLondon',
};

describe.each(DATABASES)('the profile page and the claims apps see (%s)', (kind) => {
  let database: TestDatabase;
  let h: Harness;
  let app: App;
  let user: { id: string };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    h = await startCore({ DATABASE_URL: database.url });
    user = await createUser(h.runtime.db, { email: 'ada@example.com', password: 'correct horse battery' });
    const created = await createClient(h.runtime.db, { name: 'Engine Notes', type: 'web', redirectUris: ['https://notes.example.com/cb'] });
    app = { id: created.client.id, secret: created.clientSecret!, redirectUri: 'https://notes.example.com/cb' };
  });
  afterAll(async () => {
    await h?.close();
    await database?.drop();
  });

  /** Signs in to the app with `scope`, allowing all of it, and answers the userinfo response. */
  async function claimsFor(scope: string): Promise<Record<string, unknown>> {
    const cookie = await sessionCookie(h, user.id);
    let to = await startAuthorization(h, app, scope, cookie, { prompt: 'consent' });
    expect(to.pathname).toBe('/consent');
    const next = await h.runtime.provider.interactions.decideConsent(to.searchParams.get('interaction')!, user.id, 'allow', scope.split(' '));
    to = await resume(h, next, cookie);
    const tokens = await redeemCode(h, app, to.searchParams.get('code')!);
    return userinfo(h, tokens.access_token);
  }

  it('refuses a bad field by name and saves nothing', async () => {
    const attempt = updateProfile(h.runtime.db, { userId: user.id }, { ...FULL, website: 'http://ada.example.org', birthdate: '1815-13-40' });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    const err = (await attempt.catch((e: unknown) => e)) as ValidationError;
    expect(err.issues.map((i) => i.path[0]).sort()).toEqual(['birthdate', 'website']);
    expect(await getProfile(h.runtime.db, { userId: user.id })).toMatchObject({ name: null, website: null, birthdate: null });
  });

  it('saves the profile canonically and records which fields changed', async () => {
    const saved = await updateProfile(h.runtime.db, { userId: user.id }, FULL, h.clock.now);
    expect(saved).toMatchObject({ zoneinfo: 'Europe/London', locale: 'en-GB', address: '12 St James’s Square\nLondon', preferredUsername: 'ada.l' });
    const event = await h.runtime.db.auditEvent.findFirstOrThrow({ where: { actorUserId: user.id, action: 'user.profile_updated' } });
    const details = JSON.parse(event.details) as { changed: string[] };
    expect(details.changed).toContain('phone number');
    expect(event.details).not.toContain('Lovelace'); // names of fields, never values
    const [line] = await listSecurityActivity(h.runtime.db, { userId: user.id });
    expect(line).toMatchObject({ action: 'user.profile_updated', text: 'Updated your profile' });

    // Saving the same values again changes nothing and records nothing.
    await updateProfile(h.runtime.db, { userId: user.id }, FULL);
    expect(await h.runtime.db.auditEvent.count({ where: { actorUserId: user.id, action: 'user.profile_updated' } })).toBe(1);
  });

  it('releases the claims at userinfo by scope: profile, phone and address', async () => {
    const all = await claimsFor('openid profile phone address');
    expect(all).toMatchObject({
      name: 'Ada Lovelace', given_name: 'Ada', family_name: 'Lovelace', nickname: 'Countess', preferred_username: 'ada.l',
      picture: 'https://example.com/ada.png', website: 'https://ada.example.org', gender: 'female', birthdate: '1815-12-10',
      zoneinfo: 'Europe/London', locale: 'en-GB', phone_number: '+44 20 7946 0958', phone_number_verified: false,
      address: { formatted: '12 St James’s Square\nLondon' },
    });
    expect(all.updated_at).toBeTypeOf('number');
    expect(all.email).toBeUndefined(); // the email scope was not asked for

    const profileOnly = await claimsFor('openid profile');
    expect(profileOnly.given_name).toBe('Ada');
    expect(profileOnly.phone_number).toBeUndefined();
    expect(profileOnly.address).toBeUndefined();
  });

  it('stops releasing a field the user empties, and moves updated_at', async () => {
    const before = (await claimsFor('openid profile phone')).updated_at as number;
    await new Promise((resolve) => setTimeout(resolve, 1100)); // User.updatedAt is set by the database client's clock
    await updateProfile(h.runtime.db, { userId: user.id }, { ...FULL, nickname: '', phoneNumber: '  ' });
    const after = await claimsFor('openid profile phone');
    expect(after.nickname).toBeUndefined();
    expect(after.phone_number).toBeUndefined();
    expect(after.given_name).toBe('Ada');
    expect(after.updated_at as number).toBeGreaterThan(before);
  });
});
