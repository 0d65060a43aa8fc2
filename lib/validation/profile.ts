/**
 * The profile an end user fills in at /account/profile: the OpenID Connect standard claims apps
 * may ask for (OIDC Core §5.1), released by scope in lib/oidc/claims.ts (profile, phone, address).
 * One rule per field, shared by the form (zodResolver) and the use case (update-profile.ts).
 * Every field is optional: an empty box clears the claim (stored as null, so it is not released).
 *
 * - picture and website: absolute https URLs (apps load and link them; http would leak or be
 *   replaced on the way), no user name or password;
 * - birthdate: YYYY-MM-DD or just YYYY (§5.1; year 0000 means "year omitted"), a real date, not in
 *   the future;
 * - zoneinfo: an IANA time zone name such as Europe/Paris (§5.1), stored as the runtime spells it;
 * - locale: a BCP 47 language tag such as en-US (§5.1, RFC 5646), stored in canonical case;
 * - phone_number: international format, + and the country code (E.164 is RECOMMENDED by §5.1);
 * - address: the formatted postal address (§5.1.1 "formatted"), line breaks allowed.
 */
import { z } from 'zod';
import { CONTROL_MESSAGE, isMultiLine, isSingleLine } from './text.ts';

const blankToNull = (value: string) => (value === '' ? null : value);

/** Optional one-line text: trimmed, at most `max` characters, empty meaning "not set". */
function optionalText(label: string, max: number) {
  return z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, `${label} is at most ${max} characters.`)
    .refine(isSingleLine, `${label} ${CONTROL_MESSAGE}.`)
    .transform(blankToNull);
}

/** Optional absolute https URL. */
function optionalHttpsUrl(label: string, example: string) {
  return z
    .string({ error: `${label} must be a URL.` })
    .trim()
    .max(2000, `${label} is at most 2000 characters.`)
    .refine(isSingleLine, `${label} ${CONTROL_MESSAGE}.`)
    .superRefine((value, ctx) => {
      const problem = value === '' ? null : httpsUrlProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: `${label} ${problem} such as ${example}.` });
    })
    .transform(blankToNull);
}

function httpsUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be a full web address starting with https://,';
  }
  if (url.protocol !== 'https:' || !url.hostname) return 'must start with https://,';
  if (url.username || url.password) return 'must not contain a user name or password: use an address';
  return null;
}

export const profileNameField = optionalText('Name', 100);
export const givenNameField = optionalText('Given name', 100);
export const familyNameField = optionalText('Family name', 100);
export const nicknameField = optionalText('Nickname', 100);
export const preferredUsernameField = optionalText('Preferred username', 100).refine(
  (value) => value === null || !/\s/.test(value),
  'Preferred username cannot contain spaces, like ada_l or ada.lovelace.',
);
export const pictureField = optionalHttpsUrl('Picture', 'https://example.com/me.jpg');
export const websiteField = optionalHttpsUrl('Website', 'https://example.com');
export const genderField = optionalText('Gender', 50);

const BIRTHDATE = /^(\d{4})(?:-(\d{2})-(\d{2}))?$/;

/** OIDC Core §5.1 birthdate: YYYY-MM-DD, or YYYY alone; year 0000 stands for "year not given". */
export function isValidBirthdate(value: string, today: Date = new Date()): boolean {
  const match = BIRTHDATE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match;
  if (month === undefined || day === undefined) return year !== '0000' && Number(year) <= today.getUTCFullYear();
  // Year 0000 hides the year: any day that exists in some year (29 February included) is fine.
  const checkYear = year === '0000' ? 2000 : Number(year);
  const date = new Date(Date.UTC(checkYear, Number(month) - 1, Number(day)));
  date.setUTCFullYear(checkYear); // Date.UTC maps years 0–99 to 1900–1999
  const real = date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
  return real && (year === '0000' || date.getTime() <= today.getTime());
}

export const birthdateField = z
  .string({ error: 'Birthdate must be text.' })
  .trim()
  .refine(
    (value) => value === '' || isValidBirthdate(value),
    'Enter your birthdate as YYYY-MM-DD (like 1990-04-23), or just the year (like 1990), and not in the future.',
  )
  .transform(blankToNull);

/** The runtime's spelling of an IANA time zone name, or null when it knows no such zone. */
export function canonicalTimeZone(value: string): string | null {
  // Names only (Area/Location, or UTC): offsets like +01:00 are not zoneinfo values.
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/.test(value)) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export const zoneinfoField = z
  .string({ error: 'Time zone must be text.' })
  .trim()
  .max(64, 'Time zone names are at most 64 characters.')
  .refine((value) => value === '' || canonicalTimeZone(value) !== null, 'Choose a time zone from the list, like Europe/Paris or America/New_York.')
  .transform((value) => (value === '' ? null : canonicalTimeZone(value)));

/**
 * The canonical form of a BCP 47 language tag (en-us → en-US), or null when it is not one. The
 * language itself must be a 2- or 3-letter code (ISO 639): the longer forms RFC 5646 reserves are
 * unused, and refusing them catches "english" or "french".
 */
export function canonicalLocale(value: string): string | null {
  if (!/^[A-Za-z]{2,3}(?:-|$)/.test(value)) return null;
  try {
    return Intl.getCanonicalLocales(value)[0] ?? null;
  } catch {
    return null;
  }
}

export const localeField = z
  .string({ error: 'Language must be text.' })
  .trim()
  .max(35, 'Language tags are at most 35 characters.')
  .refine((value) => value === '' || canonicalLocale(value) !== null, 'Enter a language tag like en, en-GB or pt-BR.')
  .transform((value) => (value === '' ? null : canonicalLocale(value)));

/** + and the country code, then digits with optional spaces, dots, dashes or brackets (E.164: at most 15 digits). */
export function isInternationalPhoneNumber(value: string): boolean {
  if (!/^\+[0-9][0-9 ().-]*$/.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= 7 && digits <= 15;
}

export const phoneNumberField = z
  .string({ error: 'Phone number must be text.' })
  .trim()
  .refine(
    (value) => value === '' || isInternationalPhoneNumber(value),
    'Enter the number in international format: + and the country code, like +44 20 7946 0958.',
  )
  .transform(blankToNull);

export const addressField = z
  .string({ error: 'Address must be text.' })
  .trim()
  .max(500, 'Addresses are at most 500 characters.')
  .refine(isMultiLine, `Address ${CONTROL_MESSAGE}.`)
  .transform((value) => (value === '' ? null : value.replace(/\r\n?/g, '\n')));

export const profileSchema = z.object({
  name: profileNameField,
  givenName: givenNameField,
  familyName: familyNameField,
  nickname: nicknameField,
  preferredUsername: preferredUsernameField,
  picture: pictureField,
  website: websiteField,
  gender: genderField,
  birthdate: birthdateField,
  zoneinfo: zoneinfoField,
  locale: localeField,
  phoneNumber: phoneNumberField,
  address: addressField,
});

export type ProfileInput = z.input<typeof profileSchema>;
export type ProfileValues = z.output<typeof profileSchema>;
export type ProfileField = keyof ProfileInput;
export const PROFILE_FIELDS = Object.keys(profileSchema.shape) as ProfileField[];

