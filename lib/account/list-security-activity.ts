/**
 * /account/activity: the user's own sign-ins and consent decisions (AuditEvents they are the
 * actor of), newest first, each as a line a person can read. Developer-portal changes the user
 * made live in the portal's audit trail and are not listed here, except personal access tokens:
 * a token is a credential of the account, so creating and revoking one is listed too.
 */
import type { Db } from '../db/client.ts';
import { SCOPE_DESCRIPTIONS } from '../oidc/scopes.ts';
import type { Actor } from '../portal/types.ts';
import { describeUserAgent } from './describe-user-agent.ts';
import { SECURITY_ACTIONS } from './record-security-event.ts';

export const ACTIVITY_LIMIT = 100;

const LISTED_ACTIONS = [...SECURITY_ACTIONS, 'pat.created', 'pat.revoked'];

export type ActivityLine = {
  id: string;
  action: string;
  at: Date;
  /** "Signed in", "Allowed Notes to see your email address", "Revoked access for Notes". */
  text: string;
  /** A second, quieter line: the browser, the scopes declined. */
  detail: string | null;
};

type Details = {
  userAgent?: unknown;
  newDevice?: unknown;
  clientName?: unknown;
  granted?: unknown;
  declined?: unknown;
  newEmail?: unknown;
  oldEmail?: unknown;
  remaining?: unknown;
  name?: unknown;
  scopes?: unknown;
  personalAccessTokens?: unknown;
  changed?: unknown;
};

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const phrase = (scope: string) => lowerFirst(SCOPE_DESCRIPTIONS[scope] ?? `use the "${scope}" permission`);
const tokenName = (details: Details) => (typeof details.name === 'string' ? `"${details.name}"` : 'a personal access token');

/** "2 personal access tokens revoked", or null for none. */
function revokedTokens(details: Details): string | null {
  const n = details.personalAccessTokens;
  if (typeof n !== 'number' || n <= 0) return null;
  return `${n} personal access ${n === 1 ? 'token' : 'tokens'} revoked`;
}

/** ["a", "b", "c"] → "a, b and c". */
function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function parseDetails(raw: string): Details {
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === 'object' ? (value as Details) : {};
  } catch {
    return {};
  }
}

export function describeActivity(action: string, details: Details, appName: string): Pick<ActivityLine, 'text' | 'detail'> {
  switch (action) {
    case 'user.signed_in':
      return {
        text: details.newDevice === true ? 'Signed in on a new device' : 'Signed in',
        detail: describeUserAgent(typeof details.userAgent === 'string' ? details.userAgent : null),
      };
    case 'user.email_change_requested':
      return { text: 'Asked to change your email address', detail: typeof details.newEmail === 'string' ? `To ${details.newEmail}` : null };
    case 'user.email_changed':
      return { text: 'Changed your email address', detail: typeof details.newEmail === 'string' ? `Now ${details.newEmail}` : null };
    case 'user.two_factor_enabled':
      return { text: 'Turned on two-step verification', detail: null };
    case 'user.two_factor_disabled':
      return { text: 'Turned off two-step verification', detail: null };
    case 'user.recovery_codes_regenerated':
      return { text: 'Made new recovery codes', detail: 'The old codes no longer work' };
    case 'user.recovery_code_used':
      return { text: 'Signed in with a recovery code', detail: typeof details.remaining === 'number' ? `${details.remaining} left` : null };
    case 'user.two_factor_failed':
      return { text: 'A wrong two-step verification code was entered', detail: 'Your password was right. If this was not you, change your password.' };
    case 'user.sign_in_failed':
      return { text: 'A sign-in failed: wrong password', detail: describeUserAgent(typeof details.userAgent === 'string' ? details.userAgent : null) };
    case 'user.session_signed_out':
      return { text: 'Signed out a session', detail: describeUserAgent(typeof details.userAgent === 'string' ? details.userAgent : null) };
    case 'user.signed_out_everywhere':
      return { text: 'Signed out everywhere', detail: revokedTokens(details) };
    case 'user.signed_up':
      return { text: 'Created your account', detail: null };
    case 'user.profile_updated': {
      const changed = strings(details.changed);
      return { text: 'Updated your profile', detail: changed.length ? `Changed: ${joinWords(changed)}` : null };
    }
    case 'user.email_verified':
      return { text: 'Confirmed your email address', detail: null };
    case 'user.password_reset_requested':
      return { text: 'Asked for a password reset link', detail: null };
    case 'user.password_reset':
      return { text: 'Reset your password', detail: ['Signed out everywhere', revokedTokens(details)].filter(Boolean).join('; ') };
    case 'user.temporary_password_issued':
      return { text: 'An operator gave your account a temporary password', detail: ['Signed out everywhere', revokedTokens(details)].filter(Boolean).join('; ') };
    case 'user.password_changed':
      return { text: 'Changed your password', detail: 'Signed out of other sessions' };
    case 'pat.created': {
      const scopes = strings(details.scopes);
      return { text: `Created the personal access token ${tokenName(details)}`, detail: scopes.length ? `Scopes: ${scopes.join(', ')}` : null };
    }
    case 'pat.revoked':
      return { text: `Revoked the personal access token ${tokenName(details)}`, detail: 'It no longer works' };
    case 'consent.granted': {
      const granted = strings(details.granted);
      const beyondIdentity = granted.filter((s) => s !== 'openid');
      const what = beyondIdentity.length ? joinWords(beyondIdentity.map(phrase)) : phrase('openid');
      const declined = strings(details.declined);
      return { text: `Allowed ${appName} to ${what}`, detail: declined.length ? `Declined: ${joinWords(declined.map(phrase))}` : null };
    }
    case 'consent.denied':
      return { text: `Denied ${appName} access to your account`, detail: null };
    case 'consent.revoked':
      return { text: `Revoked access for ${appName}`, detail: null };
    default:
      return { text: action, detail: null };
  }
}

export async function listSecurityActivity(db: Db, actor: Actor): Promise<ActivityLine[]> {
  const events = await db.auditEvent.findMany({
    where: { actorUserId: actor.userId, action: { in: LISTED_ACTIONS } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: ACTIVITY_LIMIT,
  });
  const clientIds = [...new Set(events.map((e) => e.clientId).filter((id): id is string => Boolean(id)))];
  const clients = clientIds.length ? await db.client.findMany({ where: { id: { in: clientIds } }, select: { id: true, name: true } }) : [];
  const nameOf = new Map(clients.map((c) => [c.id, c.name]));

  return events.map((event) => {
    const details = parseDetails(event.details);
    // The name recorded at the time survives the app being deleted or renamed since.
    const appName = (typeof details.clientName === 'string' ? details.clientName : null) ?? (event.clientId ? nameOf.get(event.clientId) : null) ?? 'an app';
    return { id: event.id, action: event.action, at: event.createdAt, ...describeActivity(event.action, details, appName) };
  });
}
