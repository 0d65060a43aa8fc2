/**
 * The response types an app registers (RFC 7591 §2 response_types; OAuth 2.0 Multiple Response
 * Types §3–§5; OpenID Connect Core §3) and how they fit its grant types.
 * - Known values are those lib/oidc/authorization/response-type.ts serves: code, and the OpenID
 *   Connect implicit (id_token, "id_token token") and hybrid ("code id_token", "code token",
 *   "code id_token token") types. Word order does not matter (RFC 6749 §3.1.1): "token id_token"
 *   is stored as "id_token token". OAuth's bare "token" is refused.
 * - Each type needs grant types (RFC 7591 §2.1; OpenID Connect Dynamic Client Registration §2):
 *   one with a code needs authorization_code, one that returns an ID token or an access token from
 *   the authorization endpoint needs implicit. An implicit grant that no response type uses is
 *   refused too, so nothing is switched on by accident.
 * - Implicit and hybrid are off unless asked for: an app that does not name its response types
 *   gets ["code"] when it has the authorization_code grant, else none. When an edit changes the
 *   grant types without naming response types, the types the new grants no longer allow are
 *   dropped (removing implicit turns implicit and hybrid off).
 * - A service app has no browser flow: no response types.
 * RFC 9700 §2.1.2 discourages response types that return access tokens from the authorization
 * endpoint; the portal says so beside them (components/portal/app-protocol-settings.tsx).
 */
import { z } from 'zod';
import { canonicalResponseType, RESPONSE_TYPES } from '../oidc/authorization/response-type.ts';
import type { ClientKind } from '../oidc/redirect-uri.ts';

export { RESPONSE_TYPES };
export type ResponseTypeValue = (typeof RESPONSE_TYPES)[number];

export const IMPLICIT_GRANT = 'implicit';

export const responseTypesField = z
  .array(z.string({ error: 'Each response type must be text.' }), { error: 'Response types must be a list.' })
  .max(RESPONSE_TYPES.length, `Register at most ${RESPONSE_TYPES.length} response types.`)
  .transform((values, ctx) => {
    const canonical: ResponseTypeValue[] = [];
    values.forEach((value, index) => {
      const known = canonicalResponseType(value.trim()) as ResponseTypeValue | null;
      if (!known) {
        ctx.addIssue({ code: 'custom', path: [index], message: `"${value}" is not a response type Portico supports. Supported: ${RESPONSE_TYPES.map((t) => `"${t}"`).join(', ')}.` });
      } else if (!canonical.includes(known)) canonical.push(known);
    });
    return canonical;
  });

/** The grant types a response type needs (OpenID Connect Dynamic Client Registration §2). */
export function grantsNeededBy(responseType: string): string[] {
  const words = responseType.split(' ');
  return [...(words.includes('code') ? ['authorization_code'] : []), ...(words.some((w) => w !== 'code') ? [IMPLICIT_GRANT] : [])];
}

/** Whether the type returns an ID token or access token from the authorization endpoint. */
export const isFrontChannelResponseType = (responseType: string) => responseType !== 'code';
/** Whether the type returns an access token from the authorization endpoint (RFC 9700 §2.1.2). */
export const returnsAccessToken = (responseType: string) => responseType.split(' ').includes('token');

const allowedBy = (grantTypes: readonly string[]) => (responseType: string) => grantsNeededBy(responseType).every((g) => grantTypes.includes(g));

/** The response types an app gets when it names none: the code flow when it has that grant. */
export const defaultResponseTypes = (grantTypes: readonly string[]): ResponseTypeValue[] => (grantTypes.includes('authorization_code') ? ['code'] : []);

/**
 * The response types to store: those named, else — on an edit that changes the grant types — the
 * stored ones the new grants still allow (or the default when none is left), else the default.
 */
export function resolveResponseTypes(named: readonly string[] | undefined, stored: readonly string[] | undefined, grantTypes: readonly string[]): string[] {
  if (named) return [...named];
  const kept = (stored ?? []).filter(allowedBy(grantTypes));
  return kept.length ? kept : defaultResponseTypes(grantTypes);
}

/**
 * The response types as registered metadata shows them: what is stored, less what the grant
 * types do not allow (rows written before response types were stored all say ["code"]).
 */
export const shownResponseTypes = (stored: readonly string[], grantTypes: readonly string[]) => stored.filter(allowedBy(grantTypes));

/**
 * `named`: the response types the request names (undefined when it names none); `grantTypes`: the
 * app's grant types after the change, undefined when the request names none and the app has its
 * type's default (which never includes implicit); `stored`: the app's response types before an edit.
 */
export function checkResponseTypes(
  type: ClientKind,
  change: { named: readonly string[] | undefined; grantTypes: readonly string[] | undefined; stored?: readonly string[] },
  ctx: z.RefinementCtx,
): void {
  if (type === 'service') {
    if (change.named?.length) ctx.addIssue({ code: 'custom', path: ['responseTypes'], message: 'A service app uses no browser flow: send [] or leave response types out.' });
    return;
  }
  const grants = change.grantTypes ?? ['authorization_code', 'refresh_token'];
  for (const responseType of change.named ?? []) {
    const missing = grantsNeededBy(responseType).filter((g) => !grants.includes(g));
    if (missing.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['responseTypes'],
        message: `Response type "${responseType}" needs the ${missing.join(' and ')} grant type${missing.length > 1 ? 's' : ''}: add ${missing.length > 1 ? 'them' : 'it'} to the grant types (RFC 7591 §2.1).`,
      });
    }
  }
  const effective = resolveResponseTypes(change.named, change.stored, grants);
  if (grants.includes(IMPLICIT_GRANT) && !effective.some(isFrontChannelResponseType)) {
    ctx.addIssue({
      code: 'custom',
      path: ['grantTypes'],
      message: 'The implicit grant is used only by response types that return tokens from the authorization endpoint: add one (such as "code id_token") to the response types, or remove implicit.',
    });
  }
}
