/**
 * Validates an authorization request (RFC 6749 §4.1.1, OIDC Core §3.1.2.1–§3.1.2.2, §3.2.2.1,
 * §3.3.2.1).
 * Order matters (RFC 6749 §4.1.2.1): the client and redirect_uri are checked first and their
 * errors are never redirected; only once both are valid may later errors go back to the client,
 * in the response mode the request asked for where that can be told (response-mode.ts).
 * The claims parameter (OIDC Core §5.5) is checked in claims-request.ts; its essential acr values
 * stand for acr_values (§5.5.1.1).
 */
import { acrValuesOf, checkClaimsRequest, parseClaimsRequest, type ClaimsRequest } from '../claims-request.ts';
import type { ProviderContext } from '../context.ts';
import { parseDpopJkt } from '../dpop-binding.ts';
import { invalidAuthorizationRequest, invalidRequest } from '../errors.ts';
import type { Params } from '../http/params.ts';
import type { ApiResourceRecord, ClientRecord } from '../ports.ts';
import { parseChallenge, type PkceChallenge } from '../pkce.ts';
import { matchRedirectUri } from '../redirect-uri.ts';
import { resolveRequestedResources } from '../resources.ts';
import { parseScope } from '../scopes.ts';
import { errorResponseMode, responseModeFor, type ResponseMode } from './response-mode.ts';
import { responseTypeFor, type ResponseType } from './response-type.ts';

export const PROMPTS = ['none', 'login', 'consent', 'select_account'] as const;
export type Prompt = (typeof PROMPTS)[number];

export type AuthorizationRequest = {
  client: ClientRecord;
  redirectUri: string;
  state: string | undefined;
  /** What the authorization endpoint returns (response-type.ts) and how (response-mode.ts). */
  responseType: ResponseType;
  responseMode: ResponseMode;
  scopes: string[];
  /** RFC 8707: the APIs the authorization is for. */
  resources: ApiResourceRecord[];
  nonce: string | null;
  /** Only with a code (RFC 7636 binds the code): null for the implicit response types. */
  pkce: PkceChallenge;
  /** RFC 9449 §10 dpop_jkt: the DPoP key the code is bound to (null without a code or without one). */
  dpopJkt: string | null;
  prompts: Prompt[];
  maxAge: number | undefined;
  loginHint: string | undefined;
  /** OIDC Core §3.1.2.1 acr_values, in order of preference (or the claims parameter's acr values, §5.5.1.1). */
  acrValues: string[];
  /** OIDC Core §5.5: the claims parameter, kept to the claims Portico knows; null when absent. */
  claims: ClaimsRequest | null;
  idTokenHint: string | undefined;
};

/** Where errors may be sent once client and redirect_uri are known good, and how. */
export type ErrorTarget = { redirectUri: string; state: string | undefined; responseMode: ResponseMode };

export async function validateClientAndRedirect(ctx: ProviderContext, params: Params): Promise<{ client: ClientRecord; target: ErrorTarget }> {
  const clientId = params.get('client_id');
  if (!clientId) throw invalidAuthorizationRequest('The "client_id" parameter is required.');
  const client = await ctx.stores.clients.find(clientId);
  if (!client) throw invalidAuthorizationRequest('The application (client_id) is not registered with this server.');
  if (client.disabled) throw invalidAuthorizationRequest('This application has been disabled by its developer or the operator.');
  const redirectUri = params.get('redirect_uri');
  // OIDC Core §3.1.2.1: redirect_uri is required.
  if (!redirectUri) throw invalidAuthorizationRequest('The "redirect_uri" parameter is required.');
  if (!matchRedirectUri(redirectUri, client.redirectUris, client.kind)) {
    throw invalidAuthorizationRequest('The redirect_uri is not registered for this application. It must match a registered URI exactly.');
  }
  const responseMode = errorResponseMode(params.get('response_mode'), params.get('response_type'), redirectUri);
  return { client, target: { redirectUri, state: params.get('state'), responseMode } };
}

export async function validateAuthorizationParams(ctx: ProviderContext, client: ClientRecord, target: ErrorTarget, params: Params): Promise<AuthorizationRequest> {

  const responseType = responseTypeFor(client, params.get('response_type'));
  const responseMode = responseModeFor(params.get('response_mode'), responseType, target.redirectUri);

  const scopes = parseScope(params.get('scope'));
  const resources = await resolveRequestedResources(ctx, client, scopes, params.get('resource'));

  const nonce = params.get('nonce') ?? null;
  if (nonce && nonce.length > 512) throw invalidRequest('nonce is too long (512 characters at most).');
  if (responseType.idToken) {
    // OIDC Core §3.2.2.1, §3.3.2.11: an ID token from the authorization endpoint must carry a
    // nonce, the app's only defence against a replayed one.
    if (!nonce) throw invalidRequest(`nonce is required with response_type "${responseType.value}": send a fresh random value and check it in the ID token.`);
    if (!scopes.includes('openid')) throw invalidRequest(`response_type "${responseType.value}" returns an ID token: the scope must include openid.`);
  }

  const claims = parseClaimsRequest(params.get('claims'));
  if (claims) checkClaimsRequest(claims, scopes, responseType.code || responseType.token);

  return {
    client,
    redirectUri: target.redirectUri,
    state: target.state,
    responseType,
    responseMode,
    scopes,
    resources,
    nonce,
    pkce: responseType.code ? parseChallenge(params.get('code_challenge'), params.get('code_challenge_method'), client.isPublic) : null,
    dpopJkt: responseType.code ? parseDpopJkt(params.get('dpop_jkt')) : null,
    prompts: parsePrompt(params.get('prompt')),
    maxAge: parseMaxAge(params.get('max_age')),
    loginHint: params.get('login_hint'),
    acrValues: acrValuesOf(claims, (params.get('acr_values') ?? '').split(' ').filter(Boolean)),
    claims,
    idTokenHint: params.get('id_token_hint'),
  };
}

/** OIDC Core §3.1.2.1: space-delimited; "none" must not be combined with any other value. */
function parsePrompt(value: string | undefined): Prompt[] {
  if (value === undefined) return [];
  const prompts = [...new Set(value.split(' ').filter(Boolean))];
  for (const p of prompts) {
    if (!(PROMPTS as readonly string[]).includes(p)) throw invalidRequest(`Unsupported prompt value "${p}".`);
  }
  if (prompts.includes('none') && prompts.length > 1) throw invalidRequest('prompt=none must not be combined with other values.');
  return prompts as Prompt[];
}

function parseMaxAge(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,10}$/.test(value)) throw invalidRequest('max_age must be a non-negative integer number of seconds.');
  return Number(value);
}
