import { describe, expect, it } from 'vitest';
import {
  addressField, birthdateField, isValidBirthdate, localeField, phoneNumberField, pictureField, preferredUsernameField, profileSchema, websiteField,
  zoneinfoField,
} from './profile.ts';

const ok = (field: { safeParse(v: unknown): { success: boolean; data?: unknown } }, value: string) => {
  const result = field.safeParse(value);
  expect(result.success, `${JSON.stringify(value)} should be accepted`).toBe(true);
  return result.data;
};
const refused = (field: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } }, value: string) => {
  const result = field.safeParse(value);
  expect(result.success, `${JSON.stringify(value)} should be refused`).toBe(false);
  return result.error!.issues[0]!.message;
};

describe('profile rules (OIDC Core §5.1)', () => {
  it('treats an empty box as "not set" for every field', () => {
    const empty = Object.fromEntries(Object.keys(profileSchema.shape).map((k) => [k, '  ']));
    expect(Object.values(profileSchema.parse(empty)).every((v) => v === null)).toBe(true);
  });

  it('accepts only https URLs without credentials for picture and website', () => {
    expect(ok(pictureField, ' https://example.com/me.jpg ')).toBe('https://example.com/me.jpg');
    expect(ok(websiteField, 'https://ada.example.org/')).toBe('https://ada.example.org/');
    expect(refused(pictureField, 'http://example.com/me.jpg')).toBe('Picture must start with https://, such as https://example.com/me.jpg.');
    expect(refused(websiteField, 'javascript:alert(1)')).toMatch(/^Website must start with https:\/\//);
    expect(refused(websiteField, 'example.com')).toMatch(/^Website must be a full web address starting with https:\/\//);
    expect(refused(websiteField, 'https://user:pw@example.com')).toMatch(/must not contain a user name or password/);
    expect(refused(websiteField, 'https://example.com/\u0007')).toMatch(/control characters/);
  });

  it('takes a birthdate as YYYY-MM-DD or YYYY, a real date not in the future (0000 hides the year)', () => {
    const today = new Date('2026-06-15T00:00:00Z');
    for (const value of ['1990-04-23', '1990', '0000-04-23', '0000-02-29', '2000-02-29', '2026-06-15']) expect(isValidBirthdate(value, today), value).toBe(true);
    for (const value of ['1990-02-30', '1991-02-29', '1990-13-01', '90-04-23', '1990/04/23', '23.04.1990', '0000', '2026-06-16', '2027', '1990-4-3']) {
      expect(isValidBirthdate(value, today), value).toBe(false);
    }
    expect(ok(birthdateField, ' 1815-12-10 ')).toBe('1815-12-10');
    expect(refused(birthdateField, '10/12/1815')).toMatch(/^Enter your birthdate as YYYY-MM-DD/);
  });

  it('takes an IANA time zone name, stored as the runtime spells it', () => {
    expect(ok(zoneinfoField, 'Europe/Paris')).toBe('Europe/Paris');
    expect(ok(zoneinfoField, 'america/new_york')).toBe('America/New_York');
    expect(ok(zoneinfoField, 'UTC')).toBe('UTC');
    for (const value of ['Mars/Olympus_Mons', '+01:00', 'GMT+1 ', 'Europe/', '../etc/passwd']) expect(zoneinfoField.safeParse(value).success, value).toBe(false);
    expect(refused(zoneinfoField, 'Europe/Atlantis')).toBe('Choose a time zone from the list, like Europe/Paris or America/New_York.');
  });

  it('takes a BCP 47 language tag, in canonical case', () => {
    expect(ok(localeField, 'en-gb')).toBe('en-GB');
    expect(ok(localeField, 'pt-BR')).toBe('pt-BR');
    expect(ok(localeField, 'zh-Hant-TW')).toBe('zh-Hant-TW');
    for (const value of ['en_US', 'english', 'x', '12']) expect(localeField.safeParse(value).success, value).toBe(false);
  });

  it('takes a phone number in international format', () => {
    expect(ok(phoneNumberField, '+44 20 7946 0958')).toBe('+44 20 7946 0958');
    expect(ok(phoneNumberField, '+1 (425) 555-1212')).toBe('+1 (425) 555-1212');
    for (const value of ['020 7946 0958', '+44', '+1234567890123456', 'call me']) expect(phoneNumberField.safeParse(value).success, value).toBe(false);
    expect(refused(phoneNumberField, '07946 0958')).toMatch(/international format/);
  });

  it('keeps line breaks in an address and refuses other control characters', () => {
    expect(ok(addressField, '1 Main St\r\nSpringfield')).toBe('1 Main St\nSpringfield');
    expect(refused(addressField, '1 Main St\u0000')).toMatch(/control characters/);
    expect(refused(addressField, 'x'.repeat(501))).toBe('Addresses are at most 500 characters.');
  });

  it('refuses spaces in a preferred username', () => {
    expect(ok(preferredUsernameField, 'ada.lovelace')).toBe('ada.lovelace');
    expect(refused(preferredUsernameField, 'ada lovelace')).toMatch(/cannot contain spaces/);
  });
});
