/**
 * The claims request parameter (OIDC Core §5.5): a JSON object asking for individual claims in the
 * ID token (`id_token`) and at the UserInfo endpoint (`userinfo`).
 * - Shape (§5.5, §5.5.1): an object; `userinfo` and `id_token`, when present, are objects whose
 *   members name claims, each null (the default request) or an object with optional `essential`
 *   (a boolean), `value`, and `values` (an array). Anything else is malformed: invalid_request.
 *   Members Portico does not understand are ignored (§5.5: "MUST be ignored"), and only requests
 *   for claims Portico can release are kept, so what the grant stores stays small.
 * - `userinfo` needs an access token to be of use (§5.5: the response_type MUST issue one), and
 *   the parameter is an OpenID Connect one: the scope must include openid.
 * - Release (§5.5, §5.4): consent stays scope-based. A requested user claim is released only when
 *   the user consented to the scope that covers it (claims.ts scopeOfClaim) — in this
 *   authorization or in their standing consent to the app; asking for it never widens what the
 *   user agreed to, and the consent screen never asks for single claims. A claim that is not
 *   released is simply absent, essential or not (§5.5.1: no error). `value` and `values` of user
 *   claims are not filters: the user's own value is released, or nothing.
 * - `acr` (§5.5.1.1): essential with values, it is a requirement — the sign-in must reach one of
 *   the values (acr.ts, the step-up acr_values uses), the ID token names a requested value the
 *   session meets, and a request naming none Portico knows fails (unmet_authentication_requirements).
 *   Voluntary, its values count as acr_values do.
 * - `sub` with a value in `id_token` (§3.1.2.1, §5.5.1): tokens only for that user; anyone else is
 *   asked to sign in (login_required).
 */
import { ACR_VALUES_SUPPORTED, meetsAcr } from './acr.ts';
import { USER_CLAIMS, scopeOfClaim, userClaims } from './claims.ts';
import { invalidRequest, unmetAuthenticationRequirements } from './errors.ts';
import type { ProviderContext } from './context.ts';
import type { UserRecord } from './ports.ts';

export type ClaimRequest = { essential?: boolean; value?: unknown; values?: unknown[] } | null;
export type ClaimsRequest = { userinfo?: Record<string, ClaimRequest>; id_token?: Record<string, ClaimRequest> };
export type ClaimsTarget = keyof ClaimsRequest;

const TARGETS: ClaimsTarget[] = ['userinfo', 'id_token'];
/** Beyond the user claims, what an ID token request may ask about: the sign-in (§2) and the subject. */
const ID_TOKEN_ONLY = ['sub', 'acr', 'auth_time'];
/** A URL parameter; far more than any honest request for Portico's claims needs. */
const MAX_LENGTH = 8192;

/** The request's claims parameter, checked and kept to what Portico understands; null when absent. */
export function parseClaimsRequest(raw: string | undefined): ClaimsRequest | null {
  if (raw === undefined) return null;
  if (raw.length > MAX_LENGTH) throw invalidRequest(`The claims parameter is too long (${MAX_LENGTH} characters at most).`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw invalidRequest('The claims parameter is not valid JSON (OpenID Connect Core §5.5).');
  }
  if (!isObject(parsed)) throw invalidRequest('The claims parameter must be a JSON object (OpenID Connect Core §5.5).');
  const request: ClaimsRequest = {};
  for (const target of TARGETS) {
    const member = parsed[target];
    if (member === undefined) continue;
    if (!isObject(member)) throw invalidRequest(`claims.${target} must be a JSON object naming the claims requested.`);
    request[target] = knownClaims(target, member);
  }
  return request;
}

/** §5.5: the checks that depend on the rest of the request. */
export function checkClaimsRequest(claims: ClaimsRequest, scopes: readonly string[], issuesAccessToken: boolean): void {
  if (!scopes.includes('openid')) throw invalidRequest('The claims parameter is part of OpenID Connect: the scope must include openid.');
  if (claims.userinfo && Object.keys(claims.userinfo).length > 0 && !issuesAccessToken) {
    throw invalidRequest('claims.userinfo needs a response_type that issues an access token for the UserInfo endpoint (OpenID Connect Core §5.5).');
  }
}

/** As stored on the grant (GrantRecord.claims); null when nothing was requested. */
export function serializeClaimsRequest(claims: ClaimsRequest | null): string | null {
  return claims && (claims.userinfo || claims.id_token) ? JSON.stringify(claims) : null;
}

/** The stored request, read back; a row that cannot be read counts as no request. */
export function storedClaimsRequest(json: string | null): ClaimsRequest | null {
  if (!json) return null;
  try {
    return parseClaimsRequest(json);
  } catch {
    return null;
  }
}

/**
 * The acr_values the request stands for (§5.5.1.1, §3.1.2.1): the essential acr values when the ID
 * token member has them (refused when Portico knows none of them), else acr_values, else voluntary values.
 */
export function acrValuesOf(claims: ClaimsRequest | null, acrValues: string[]): string[] {
  const acr = claims?.id_token?.acr;
  const requested = requestedValues(acr);
  if (acr?.essential && requested.length) {
    const known = requested.filter((v) => (ACR_VALUES_SUPPORTED as readonly string[]).includes(v));
    if (!known.length) {
      throw unmetAuthenticationRequirements(`None of the essential acr values requested can be met. Supported: ${ACR_VALUES_SUPPORTED.join(', ')}.`);
    }
    return known;
  }
  return acrValues.length ? acrValues : requested;
}

/**
 * §5.5.1.1: with essential acr values, the ID token names the strongest of them this sign-in
 * meets (the authorization endpoint made sure one is met); otherwise `reached`, the class the sign-in reached.
 */
export function acrClaim(claims: ClaimsRequest | null, amr: readonly string[], reached: string): string {
  const acr = claims?.id_token?.acr;
  if (!acr?.essential) return reached;
  const requested = requestedValues(acr);
  const met = [...ACR_VALUES_SUPPORTED].reverse().find((v) => requested.includes(v) && meetsAcr(amr, v));
  return met ?? reached;
}

/** §3.1.2.1: the subject the ID token member insists on, if any. */
export function requestedSubject(claims: ClaimsRequest | null): string | undefined {
  const value = claims?.id_token?.sub?.value;
  return typeof value === 'string' ? value : undefined;
}

/** Whether `target` asks for any user claim (when none does, nothing beyond the scopes' claims is looked up). */
export function requestsUserClaims(claims: ClaimsRequest | null, target: ClaimsTarget): boolean {
  return Object.keys(claims?.[target] ?? {}).some((name) => USER_CLAIMS.includes(name));
}

/**
 * The user claims `target` asks for that the user consented to (the module comment): `consented`
 * holds the scopes of this authorization and of the user's standing consent to the app.
 */
export function requestedUserClaims(claims: ClaimsRequest | null, target: ClaimsTarget, user: UserRecord, consented: readonly string[]): Record<string, unknown> {
  const names = Object.keys(claims?.[target] ?? {}).filter((name) => {
    const scope = scopeOfClaim(name);
    return scope !== null && consented.includes(scope);
  });
  if (!names.length) return {};
  const available = userClaims(user, consented, '');
  return Object.fromEntries(names.filter((name) => name in available).map((name) => [name, available[name]]));
}

/** The scopes of this authorization and of the user's standing consent to the app (read only when a claim was asked for). */
export async function consentedScopes(ctx: Pick<ProviderContext, 'stores'>, userId: string, clientId: string, scopes: readonly string[]): Promise<string[]> {
  return [...new Set([...scopes, ...(await ctx.stores.consents.find(userId, clientId))])];
}

function knownClaims(target: ClaimsTarget, member: Record<string, unknown>): Record<string, ClaimRequest> {
  const kept: Record<string, ClaimRequest> = {};
  for (const [name, request] of Object.entries(member)) {
    const claim = claimRequest(target, name, request);
    if (USER_CLAIMS.includes(name) || (target === 'id_token' && ID_TOKEN_ONLY.includes(name))) kept[name] = claim;
  }
  return kept;
}

/** §5.5.1: null, or an object with optional essential, value and values; other members are ignored. */
function claimRequest(target: ClaimsTarget, name: string, request: unknown): ClaimRequest {
  if (request === null) return null;
  const where = `claims.${target}.${name}`;
  if (!isObject(request)) throw invalidRequest(`${where} must be null or a JSON object (OpenID Connect Core §5.5.1).`);
  const { essential, value, values } = request;
  if (essential !== undefined && typeof essential !== 'boolean') throw invalidRequest(`${where}.essential must be true or false.`);
  if (values !== undefined && !Array.isArray(values)) throw invalidRequest(`${where}.values must be a JSON array.`);
  return {
    ...(essential !== undefined ? { essential } : {}),
    ...(value !== undefined ? { value } : {}),
    ...(values !== undefined ? { values } : {}),
  };
}

function requestedValues(request: ClaimRequest | undefined): string[] {
  if (!request) return [];
  const values = request.values ?? (request.value !== undefined ? [request.value] : []);
  return values.filter((v): v is string => typeof v === 'string');
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
