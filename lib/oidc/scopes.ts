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

export const describeScopes = (scopes: readonly string[]) =>
  scopes.map((name) => ({ name, description: SCOPE_DESCRIPTIONS[name] ?? `Use the "${name}" permission`, required: REQUIRED_SCOPES.includes(name) }));
