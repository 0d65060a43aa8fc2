/**
 * Validates an authorization request (RFC 6749 §4.1.1, OIDC Core §3.1.2.1–§3.1.2.2).
 * Order matters (RFC 6749 §4.1.2.1): the client and redirect_uri are checked first and their
 * errors are never redirected; only once both are valid may later errors go back to the client.
 */
import type { ProviderContext } from '../context.ts';
import {
  OAuthError,
  invalidAuthorizationRequest,
  invalidRequest,
  unauthorizedClient,
  unsupportedResponseType,
} from '../errors.ts';
import type { Params } from '../http/params.ts';
import type { ApiResourceRecord, ClientRecord } from '../ports.ts';
import { parseChallenge, type PkceChallenge } from '../pkce.ts';
import { matchRedirectUri } from '../redirect-uri.ts';
import { resolveRequestedResources } from '../resources.ts';
import { parseScope } from '../scopes.ts';

export const PROMPTS = ['none', 'login', 'consent', 'select_account'] as const;
export type Prompt = (typeof PROMPTS)[number];

export type AuthorizationRequest = {
  client: ClientRecord;
  redirectUri: string;
  state: string | undefined;
  scopes: string[];
  /** RFC 8707: the APIs the authorization is for. */
  resources: ApiResourceRecord[];
  nonce: string | null;
  pkce: PkceChallenge;
  prompts: Prompt[];
  maxAge: number | undefined;
  loginHint: string | undefined;
  /** OIDC Core §3.1.2.1 acr_values, in order of preference. */
  acrValues: string[];
  idTokenHint: string | undefined;
};

/** Where errors may be sent once client and redirect_uri are known good. */
export type ErrorTarget = { redirectUri: string; state: string | undefined };

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
  return { client, target: { redirectUri, state: params.get('state') } };
}

export async function validateAuthorizationParams(ctx: ProviderContext, client: ClientRecord, target: ErrorTarget, params: Params): Promise<AuthorizationRequest> {
  // OIDC Core §6: request objects are not supported.
  if (params.has('request')) throw new OAuthError('request_not_supported', 'Request objects are not supported.');
  if (params.has('request_uri')) throw new OAuthError('request_uri_not_supported', 'request_uri is not supported.');

  const responseType = params.get('response_type');
  if (!responseType) throw invalidRequest('The "response_type" parameter is required.');
  if (responseType !== 'code') throw unsupportedResponseType('Only response_type=code is supported.');
  if (!client.grantTypes.includes('authorization_code')) throw unauthorizedClient('This application may not use the authorization code flow.');
  const responseMode = params.get('response_mode');
  if (responseMode !== undefined && responseMode !== 'query') throw invalidRequest('Only response_mode=query is supported.');

  const scopes = parseScope(params.get('scope'));
  const resources = await resolveRequestedResources(ctx, client, scopes, params.get('resource'));

  const nonce = params.get('nonce') ?? null;
  if (nonce && nonce.length > 512) throw invalidRequest('nonce is too long (512 characters at most).');

  return {
    client,
    redirectUri: target.redirectUri,
    state: target.state,
    scopes,
    resources,
    nonce,
    pkce: parseChallenge(params.get('code_challenge'), params.get('code_challenge_method'), client.isPublic),
    prompts: parsePrompt(params.get('prompt')),
    maxAge: parseMaxAge(params.get('max_age')),
    loginHint: params.get('login_hint'),
    acrValues: (params.get('acr_values') ?? '').split(' ').filter(Boolean),
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
