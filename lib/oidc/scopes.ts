/**
 * Scopes: RFC 6749 §3.3 syntax, OIDC Core §5.4 standard scopes and their claims, §11 offline_access.
 */
import { invalidScope } from './errors.ts';

export const STANDARD_SCOPES = ['openid', 'profile', 'email', 'phone', 'address', 'offline_access'] as const;

export const SCOPE_DESCRIPTIONS: Record<string, string> = {
  openid: 'Confirm your identity (your Portico account ID)',
  profile: 'See your name and basic profile information',
  email: 'See your email address',
  phone: 'See your phone number',
  address: 'See your postal address',
  offline_access: 'Keep access while you are away, until you revoke it',
};

/** OIDC Core §5.4: the claims each scope grants. */
export const SCOPE_CLAIMS: Record<string, readonly string[]> = {
  profile: ['name', 'family_name', 'given_name', 'middle_name', 'nickname', 'preferred_username', 'profile', 'picture', 'website', 'gender', 'birthdate', 'zoneinfo', 'locale', 'updated_at'],
  email: ['email', 'email_verified'],
  phone: ['phone_number', 'phone_number_verified'],
  address: ['address'],
};

const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

export function parseScope(value: string | undefined): string[] {
  if (value === undefined) return [];
  const scopes = value.split(' ').filter(Boolean);
  for (const s of scopes) if (!SCOPE_TOKEN.test(s)) throw invalidScope(`"${s}" is not a valid scope token (RFC 6749 §3.3).`);
  return [...new Set(scopes)];
}

export const formatScope = (scopes: readonly string[]) => scopes.join(' ');

/** Every requested scope must be one the client may ask for. */
export function checkAllowed(requested: readonly string[], allowed: readonly string[]): void {
  const refused = requested.filter((s) => !allowed.includes(s));
  if (refused.length) throw invalidScope(`This client may not request: ${refused.join(', ')}.`);
}

export const covers = (granted: readonly string[], requested: readonly string[]) => requested.every((s) => granted.includes(s));

/** OIDC Core §3.1.2.1: `openid` makes the request an OpenID Connect request; it cannot be declined alone. */
export const REQUIRED_SCOPES: readonly string[] = ['openid'];

/** The consent screen's groups, in the order it shows them; custom API scopes come last. */
export const SCOPE_GROUPS = ['identity', 'email', 'phone', 'address', 'offline', 'api'] as const;
export type ScopeGroup = (typeof SCOPE_GROUPS)[number];

const GROUP_OF: Record<string, ScopeGroup> = {
  openid: 'identity',
  profile: 'identity',
  email: 'email',
  phone: 'phone',
  address: 'address',
  offline_access: 'offline',
};

export const isStandardScope = (scope: string) => (STANDARD_SCOPES as readonly string[]).includes(scope);

/** The API a scope belongs to (RFC 8707 resource), so the consent screen can group and name it. */
export type ScopeApi = { identifier: string; name: string; ownerName: string | null };
export type DescribedScope = { name: string; description: string; required: boolean; group: ScopeGroup; api?: ScopeApi };

/** An API's scopes with their owner's descriptions (lib/oidc/ports.ts ApiResourceRecord). */
type DescribedApi = ScopeApi & { scopes: readonly { name: string; description: string }[] };

/**
 * Each scope as a plain-language line, ordered by group (stable within a group: request order).
 * Custom scopes use the client's own description when it has one; standard scopes always use
 * Portico's, so an app cannot reword what sharing an email address means.
 */
export function describeScopes(
  scopes: readonly string[],
  customDescriptions: Readonly<Record<string, string>> = {},
  apis: readonly DescribedApi[] = [],
): DescribedScope[] {
  const described = scopes.map((name): DescribedScope => {
    // Own properties only: a scope named "constructor" must not find Object.prototype's.
    const group = Object.hasOwn(GROUP_OF, name) ? GROUP_OF[name]! : 'api';
    const api = group === 'api' ? apis.find((a) => a.scopes.some((s) => s.name === name)) : undefined;
    if (api) {
      // An API's scope reads as its owner wrote it: the app asking cannot reword it.
      const { identifier, name: apiName, ownerName } = api;
      return { name, description: api.scopes.find((s) => s.name === name)!.description, required: false, group, api: { identifier, name: apiName, ownerName } };
    }
    const own = group === 'api' ? customDescriptions : SCOPE_DESCRIPTIONS;
    const description = (Object.hasOwn(own, name) ? own[name] : undefined) ?? `Use the "${name}" permission`;
    return { name, description, required: REQUIRED_SCOPES.includes(name), group };
  });
  const rank = (group: ScopeGroup) => SCOPE_GROUPS.indexOf(group);
  return described.sort((a, b) => rank(a.group) - rank(b.group)); // Array.prototype.sort is stable
}

/**
 * A client's stored scope descriptions (a JSON object, custom scope → description), tolerant of a
 * missing or damaged value: anything that is not a string description of a custom scope is left out.
 */
export function parseScopeDescriptions(json: string | null | undefined): Record<string, string> {
  if (!json) return {};
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return {};
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '' && !isStandardScope(entry[0])),
  );
}
