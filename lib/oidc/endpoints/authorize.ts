/**
 * Authorization endpoint (RFC 6749 §4.1.1, OIDC Core §3.1.2), response_type=code.
 * Validates the request, then decides: sign-in needed (no session, prompt=login, max_age passed,
 * id_token_hint for someone else, acr_values asking for a second factor the session lacks),
 * account selection, consent, or issue a code. Anything that needs the user parks the request as
 * an interaction and sends the browser to /login or /consent, which come back here with
 * ?interaction=<id>.
 * Errors go back to the client (with state and RFC 9207 iss) only after client_id and redirect_uri
 * are validated; otherwise the user sees an error page — never an open redirect. Even then the
 * browser is sent back on its own only when the redirect URI is trusted (the app is verified, or
 * the user is signed in); otherwise a page offers the link (RFC 9700 §4.11.2).
 */
import type { ProviderContext } from '../context.ts';
import { paths } from '../context.ts';
import {
  asOAuthError,
  type OAuthError,
  consentRequired,
  invalidAuthorizationRequest,
  invalidRequest,
  loginRequired,
  unmetAuthenticationRequirements,
} from '../errors.ts';
import { acrOf, meetsAcr, requiredAcr, requiresSecondFactor } from '../acr.ts';
import type { HttpRequest, HttpResponse } from '../http/message.ts';
import { queryParams, requestParams, type Params } from '../http/params.ts';
import { errorPage, errorRedirectUrl, redirect } from '../http/responses.ts';
import { untrustedErrorRedirectPage } from '../http/untrusted-redirect.ts';
import { verifyIdTokenHint } from '../id-token-hint.ts';
import type { BrowserSession, ClientRecord, InteractionRecord } from '../ports.ts';
import { formatResources } from '../resources.ts';
import { covers, formatScope } from '../scopes.ts';
import { PREFIX, nowSeconds, randomId, randomSecret, sha256 } from '../tokens.ts';
import { clientIdentityUnproven } from '../authorization/client-identity.ts';
import { redirectTrusted } from '../authorization/redirect-trust.ts';
import {
  validateAuthorizationParams,
  validateClientAndRedirect,
  type AuthorizationRequest,
  type ErrorTarget,
} from '../authorization/validate-request.ts';

export function authorizationEndpoint(ctx: ProviderContext) {
  return async function authorize(request: HttpRequest): Promise<HttpResponse> {
    let checked: { client: ClientRecord; target: ErrorTarget } | null = null;
    try {
      const resumed = await resumedInteraction(ctx, request);
      const params = resumed ? new Map(Object.entries(resumed.params)) : await requestParams(request);
      checked = await validateClientAndRedirect(ctx, params);
      const req = await validateAuthorizationParams(ctx, checked.client, checked.target, params);
      return await decide(ctx, request, req, params, resumed);
    } catch (err) {
      const e = asOAuthError(err, (x) => ctx.log('authorize failed', x));
      if (checked && e.redirectable) return await errorBackToClient(ctx, request, checked.client, checked.target, e);
      return errorPage(e);
    }
  };
}

/** RFC 6749 §4.1.2.1 error response, redirected only to a trusted URI (RFC 9700 §4.11.2). */
async function errorBackToClient(ctx: ProviderContext, request: HttpRequest, client: ClientRecord, target: ErrorTarget, e: OAuthError): Promise<HttpResponse> {
  const url = errorRedirectUrl(target.redirectUri, e, target.state, ctx.settings.issuer);
  const signedIn = await ctx.session.read(request).then((session) => session !== null, () => false);
  return redirectTrusted(client, signedIn) ? redirect(url) : untrustedErrorRedirectPage(client, e, url);
}

async function resumedInteraction(ctx: ProviderContext, request: HttpRequest): Promise<InteractionRecord | null> {
  if (request.method !== 'GET') return null;
  const id = queryParams(request).get('interaction');
  if (id === undefined) return null;
  const interaction = await ctx.stores.interactions.find(id);
  if (!interaction || interaction.expiresAt <= ctx.clock()) {
    throw invalidAuthorizationRequest('This sign-in request has expired. Return to the application and start again.');
  }
  return interaction;
}

async function decide(
  ctx: ProviderContext,
  request: HttpRequest,
  req: AuthorizationRequest,
  params: Params,
  interaction: InteractionRecord | null,
): Promise<HttpResponse> {
  const session = await ctx.session.read(request);
  const since = interaction ? Math.floor(interaction.createdAt.getTime() / 1000) : Infinity;
  const signedInDuringInteraction = session !== null && session.authTime >= since;

  // OIDC Core §3.1.2.1 acr_values: does the app ask for more than a password?
  const acr = requiredAcr(req.acrValues);
  const secondFactor = requiresSecondFactor(acr);
  if (await needsLogin(ctx, req, session, signedInDuringInteraction)) {
    if (req.prompts.includes('none')) throw loginRequired('The user must sign in.');
    return toInteraction(ctx, params, interaction, req, 'login', { secondFactor });
  }
  const user = session!;

  // A session without the second factor asked for signs in again (step-up); if the sign-in
  // just done still lacks it, the user has none to give.
  if (!meetsAcr(user.amr, acr)) {
    if (signedInDuringInteraction) {
      throw unmetAuthenticationRequirements('The user could not sign in with a second factor (two-step verification is not set up for this account).');
    }
    if (req.prompts.includes('none')) throw loginRequired('The user must sign in again with a second factor.');
    return toInteraction(ctx, params, interaction, req, 'login', { secondFactor: true });
  }

  if (req.prompts.includes('select_account') && !interaction?.accountAt && !signedInDuringInteraction) {
    return toInteraction(ctx, params, interaction, req, 'select_account');
  }

  // RFC 8252 §8.6: when nothing proves the request comes from the app (a public client on a custom
  // scheme or loopback redirect), the user decides every time, as if they had never approved it.
  // That holds for apps the operator marked skipConsent or verified too: those marks say who runs
  // the app, not who sent this request — any app on the device can claim the same scheme or port.
  const unproven = clientIdentityUnproven(req.client, req.redirectUri);
  if (!req.client.skipConsent || unproven) {
    const [granted, grantedApis] = await Promise.all([
      ctx.stores.consents.find(user.userId, req.client.id),
      req.resources.length ? ctx.stores.consents.findResources(user.userId, req.client.id) : [],
    ]);
    // An API in the audience needs the user's consent too, even when no scope of it is asked for.
    const covered = covers(granted, req.scopes) && covers(grantedApis, req.resources.map((r) => r.identifier));
    // Consent given on this interaction counts only for the session that gave it: a later
    // sign-in (another account, after "Not you?") is asked again.
    const consentedHere = interaction?.consentAt != null && interaction.consentAt.getTime() >= user.authTime * 1000 && covered;
    const mustAsk = req.prompts.includes('consent') || unproven ? !consentedHere : !covered;
    if (mustAsk) {
      if (req.prompts.includes('none')) throw consentRequired('The user has not consented to the requested scopes.');
      return toInteraction(ctx, params, interaction, req, 'consent');
    }
  }

  if (interaction) await ctx.stores.interactions.delete(interaction.id);
  return issueCode(ctx, req, user);
}

/** OIDC Core §3.1.2.1: prompt=login, max_age and id_token_hint can each demand a fresh sign-in. */
async function needsLogin(ctx: ProviderContext, req: AuthorizationRequest, session: BrowserSession | null, fresh: boolean): Promise<boolean> {
  if (!session) return true;
  if (!(await ctx.stores.users.find(session.userId))) return true;
  if (req.prompts.includes('login') && !fresh) return true;
  if (req.maxAge !== undefined && nowSeconds(ctx.clock) - session.authTime > req.maxAge) return true;
  if (req.idTokenHint) {
    const hint = await verifyIdTokenHint(req.idTokenHint, ctx);
    if (!hint) throw invalidRequest('id_token_hint is not a valid ID token issued by this server.');
    if (hint.sub !== session.userId) {
      if (req.prompts.includes('none')) throw loginRequired('The signed-in user is not the one named by id_token_hint.');
      return true;
    }
  }
  return false;
}

async function toInteraction(
  ctx: ProviderContext,
  params: Params,
  existing: InteractionRecord | null,
  req: AuthorizationRequest,
  step: 'login' | 'select_account' | 'consent',
  opts: { secondFactor?: boolean } = {},
): Promise<HttpResponse> {
  let id = existing?.id;
  if (!id) {
    id = randomSecret(PREFIX.interaction);
    const now = ctx.clock();
    await ctx.stores.interactions.create({
      id,
      clientId: req.client.id,
      params: Object.fromEntries(params),
      createdAt: now,
      expiresAt: new Date(now.getTime() + ctx.settings.ttl.interaction * 1000),
    });
  }
  const url = new URL(step === 'consent' ? paths.consent : paths.login, ctx.settings.issuer);
  url.searchParams.set('interaction', id);
  if (step === 'select_account') url.searchParams.set('select_account', '1');
  if (step === 'login' && req.loginHint) url.searchParams.set('login_hint', req.loginHint);
  if (opts.secondFactor) url.searchParams.set('second_factor', '1');
  return redirect(url.pathname + url.search);
}

async function issueCode(ctx: ProviderContext, req: AuthorizationRequest, session: BrowserSession): Promise<HttpResponse> {
  const now = ctx.clock();
  const grantId = randomId();
  const scope = formatScope(req.scopes);
  await ctx.stores.grants.create({
    id: grantId,
    clientId: req.client.id,
    userId: session.userId,
    scope,
    authTime: session.authTime,
    acr: acrOf(session.amr),
    amr: session.amr.join(' '),
    nonce: req.nonce,
    sid: session.sid,
    resources: formatResources(req.resources),
    claims: null,
  });
  const code = randomSecret(PREFIX.code);
  await ctx.stores.codes.save({
    hash: sha256(code),
    grantId,
    clientId: req.client.id,
    userId: session.userId,
    redirectUri: req.redirectUri,
    dpopJkt: null,
    scope,
    nonce: req.nonce,
    codeChallenge: req.pkce?.challenge ?? null,
    codeChallengeMethod: req.pkce?.method ?? null,
    authTime: session.authTime,
    expiresAt: new Date(now.getTime() + ctx.settings.ttl.code * 1000),
  });
  // RFC 6749 §4.1.2 + RFC 9207 §2.
  const url = new URL(req.redirectUri);
  url.searchParams.set('code', code);
  if (req.state !== undefined) url.searchParams.set('state', req.state);
  url.searchParams.set('iss', ctx.settings.issuer);
  return redirect(url.toString());
}
