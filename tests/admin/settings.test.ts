/**
 * Operator settings on SQLite and PostgreSQL: the sign-up policy (open, invitations only, closed)
 * as the sign-up action asks it; the registration policy from /admin, seen by the core's settings
 * store; branding read through getBranding (defaults, changes, the contrast rule, logo addresses
 * and uploads), each change audited with the operator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getConsoleSettings, setBranding, setRegistrationPolicyAsOperator, setSignUpPolicy, uploadBrandingLogo } from '@/lib/admin/index.ts';
import type { Db } from '@/lib/db/client.ts';
import { createPrismaClient } from '@/lib/db/client.ts';
import { migrateDatabase } from '@/lib/db/migrate.ts';
import { DEFAULT_SETTINGS } from '@/lib/db/stores/index.ts';
import { settingsStore } from '@/lib/db/stores/settings.ts';
import { inviteMember } from '@/lib/portal/index.ts';
import { ValidationError } from '@/lib/portal/errors.ts';
import { DEFAULT_BRANDING, getBranding, readBrandingLogo } from '@/lib/settings/branding.ts';
import { getSignUpPolicy, SIGN_UP_CLOSED_MESSAGE, SIGN_UP_INVITE_ONLY_MESSAGE, signUpRefusal } from '@/lib/settings/sign-up-policy.ts';
import { contrastWithWhite } from '@/lib/validation/branding.ts';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.ts';
import { makeActor, makeTeam } from '../support/portal.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

const fieldOf = async (promise: Promise<unknown>) => {
  const err = await promise.then(() => null, (e: unknown) => e);
  if (!(err instanceof ValidationError)) throw new Error(`expected a ValidationError, got ${String(err)}`);
  return err.issues[0]!;
};

describe.each(DATABASES)('operator settings (%s)', (kind) => {
  let database: TestDatabase;
  let db: Db;
  let operator: { userId: string; email: string };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await migrateDatabase(database.url);
    db = await createPrismaClient(database.url);
    operator = await makeActor(db, { admin: true });
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  describe('sign-up policy', () => {
    it('is open by default, then invitations only, then closed, as the sign-up action asks', async () => {
      expect(await getSignUpPolicy(db)).toBe('open');
      expect(await signUpRefusal(db, 'anyone@example.com')).toBeNull();

      const owner = await makeActor(db);
      const team = await makeTeam(db, owner);
      await inviteMember(db, owner, team.id, { email: 'invited@example.com', role: 'developer' });
      await inviteMember(db, owner, team.id, { email: 'late@example.com', role: 'developer' }, new Date(Date.now() - 30 * 86_400_000));

      expect(await setSignUpPolicy(db, operator, 'invite_only')).toBe('invite_only');
      expect(await signUpRefusal(db, 'invited@example.com')).toBeNull();
      expect(await signUpRefusal(db, 'late@example.com')).toBe(SIGN_UP_INVITE_ONLY_MESSAGE); // the invitation expired
      expect(await signUpRefusal(db, 'stranger@example.com')).toBe(SIGN_UP_INVITE_ONLY_MESSAGE);

      await setSignUpPolicy(db, operator, 'closed');
      expect(await signUpRefusal(db, 'invited@example.com')).toBe(SIGN_UP_CLOSED_MESSAGE);
      expect(SIGN_UP_CLOSED_MESSAGE).toMatch(/Ask the people who run/);

      const audit = await db.auditEvent.findMany({ where: { action: 'settings.sign_up' }, orderBy: { createdAt: 'asc' } });
      expect(audit.map((a) => [a.actorUserId, JSON.parse(a.details).policy])).toEqual([[operator.userId, 'invite_only'], [operator.userId, 'closed']]);
      await expect(setSignUpPolicy(db, operator, 'sometimes' as 'open')).rejects.toBeInstanceOf(ValidationError);
      await setSignUpPolicy(db, operator, 'open');
    });
  });

  it('sets the registration policy, seen by the core’s settings store, audited with the operator', async () => {
    const value = await setRegistrationPolicyAsOperator(db, operator, { mode: 'open', ttlDays: 7 });
    expect(value).toEqual({ mode: 'open', openClientTtlDays: 7 });
    expect((await settingsStore(db, DEFAULT_SETTINGS).get()).registration).toEqual(value);
    // Without ttlDays the lifetime stays.
    expect(await setRegistrationPolicyAsOperator(db, operator, { mode: 'off' })).toEqual({ mode: 'off', openClientTtlDays: 7 });
    expect(await db.auditEvent.count({ where: { action: 'settings.registration', actorUserId: operator.userId } })).toBe(2);
    expect(await fieldOf(setRegistrationPolicyAsOperator(db, operator, { mode: 'open', ttlDays: 0 }))).toMatchObject({ path: ['ttlDays'] });
    expect((await getConsoleSettings(db, operator)).registration).toEqual({ mode: 'off', openClientTtlDays: 7 });
  });

  describe('branding', () => {
    it('reads Portico’s own until an operator changes it', async () => {
      expect(await getBranding(db)).toEqual(DEFAULT_BRANDING);
      expect(DEFAULT_BRANDING).toEqual({ productName: 'Portico', logoUrl: null, primaryColor: '#18181b' });
    });

    it('stores product name, logo address and colour (normalised), read back by getBranding', async () => {
      const saved = await setBranding(db, operator, { productName: '  Acme ID ', logoUrl: 'https://cdn.example.com/acme.png', primaryColor: '#1D4ED8' });
      expect(saved).toEqual({ productName: 'Acme ID', logoUrl: 'https://cdn.example.com/acme.png', primaryColor: '#1d4ed8' });
      expect(await getBranding(db)).toEqual(saved);
      expect(await db.auditEvent.count({ where: { action: 'settings.branding', actorUserId: operator.userId } })).toBe(1);
      // An empty logo field is no logo.
      expect((await setBranding(db, operator, { ...saved, logoUrl: '' })).logoUrl).toBeNull();
    });

    it('refuses a colour white text cannot be read on, a logo that is not https, and an empty name', async () => {
      expect(contrastWithWhite('#ffffff')).toBeCloseTo(1);
      expect(contrastWithWhite('#000000')).toBeCloseTo(21);
      const yellow = await fieldOf(setBranding(db, operator, { productName: 'Acme', logoUrl: null, primaryColor: '#facc15' }));
      expect(yellow).toEqual({ path: ['primaryColor'], message: expect.stringMatching(/hard to read \(contrast 1\.\d:1; at least 4\.5:1 is needed\)\. Pick a darker colour\./) });
      expect(await fieldOf(setBranding(db, operator, { productName: 'Acme', logoUrl: null, primaryColor: 'blue' }))).toMatchObject({ path: ['primaryColor'] });
      expect(await fieldOf(setBranding(db, operator, { productName: 'Acme', logoUrl: 'http://cdn.example.com/a.png', primaryColor: '#000000' }))).toMatchObject({ path: ['logoUrl'] });
      expect(await fieldOf(setBranding(db, operator, { productName: 'Acme', logoUrl: 'javascript:alert(1)', primaryColor: '#000000' }))).toMatchObject({ path: ['logoUrl'] });
      expect(await fieldOf(setBranding(db, operator, { productName: ' ', logoUrl: null, primaryColor: '#000000' }))).toMatchObject({ path: ['productName'] });
    });

    it('serves an uploaded logo (PNG, JPEG or WebP only) and drops it when another address is set', async () => {
      const before = await getBranding(db);
      const branded = await uploadBrandingLogo(db, operator, PNG);
      expect(branded).toEqual({ ...before, logoUrl: expect.stringMatching(/^\/branding\/logo\?v=[\w-]+$/) });
      expect(await getBranding(db)).toEqual(branded);
      expect(await readBrandingLogo(db)).toEqual({ type: 'image/png', bytes: PNG });
      expect((await getConsoleSettings(db, operator)).logoUploaded).toBe(true);
      expect(await fieldOf(uploadBrandingLogo(db, operator, SVG))).toMatchObject({ path: ['logo'], message: expect.stringContaining('SVG is not accepted') });
      expect(await fieldOf(uploadBrandingLogo(db, operator, new Uint8Array(300 * 1024)))).toMatchObject({ path: ['logo'], message: expect.stringContaining('at most 256 KB') });
      // Saving the form with the uploaded address keeps the upload; another address drops it.
      await setBranding(db, operator, branded);
      expect(await readBrandingLogo(db)).not.toBeNull();
      await setBranding(db, operator, { ...branded, logoUrl: 'https://cdn.example.com/other.png' });
      expect(await readBrandingLogo(db)).toBeNull();
    });

    it('leaves the core’s operator settings readable with branding rows present', async () => {
      expect(await settingsStore(db, DEFAULT_SETTINGS).get()).toMatchObject({ defaultResource: null, registration: { mode: 'off' } });
    });
  });
});
