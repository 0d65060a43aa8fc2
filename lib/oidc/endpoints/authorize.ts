/**
 * Authorization endpoint (RFC 6749 §4.1.1, OIDC Core §3.1.2, §3.2.2, §3.3.2): the code, implicit
 * and hybrid response types (authorization/response-type.ts), answered in the query, the fragment
 * or by form_post (authorization/response-mode.ts, http/form-post.ts). The parameters come from the
 * query or form body, a pushed request (request_uri, RFC 9126 §4) or a signed request object
 * (request, RFC 9101) — authorization/authorization-params.ts; a client registered with
 * require_pushed_authorization_requests must push (RFC 9126 §6).
 * Validates the request, then decides: sign-in needed (no session, prompt=login, max_age passed,
 * id_token_hint for someone else, acr_values asking for a second factor the session lacks),
 * account selection, consent, or answer (authorization/issue-response.ts). Anything that needs the
 * user parks the request as an interaction and sends the browser to /login or /consent, which come
 * back here with ?interaction=<id>.
 * Errors go back to the client (with state and RFC 9207 iss, in the request's response mode) only
 * after client_id and redirect_uri are validated; otherwise the user sees an error page — never an
 * open redirect. Even then the browser is sent back on its own only when the redirect URI is
 * trusted (the app is verified, or the user is signed in); otherwise a page offers the link or the
 * button that delivers the same response (RFC 9700 §4.11.2).
 */
import { requireAppAccess } from '../app-access.ts';
import { looksLikeClientIdUrl } from '../client-id-metadata-document.ts';
import { requestedSubject } from '../claims-request.ts';
import type { ProviderContext } from '../context.ts';
import { subjectFor } from '../subject.ts';
import { paths } from '../context.ts';
import {
  accessDenied,
  asOAuthError,
  type OAuthError,
  consentRequired,
  invalidAuthorizationRequest,
  invalidRequest,
  loginRequired,
  unmetAuthenticationRequirements,
} from '../errors.ts';
import { meetsAcr, requiredAcr, requiresSecondFactor } from '../acr.ts';
import type { HttpRequest, HttpResponse } from '../http/message.ts';
import { queryParams, requestParams, type Params } from '../http/params.ts';
import { authorizationResponse, errorPage, errorResponseParams, redirect, type AuthorizationResponse } from '../http/responses.ts';
import { untrustedErrorRedirectPage } from '../http/untrusted-redirect.ts';
import { verifyIdTokenHint } from '../id-token-hint.ts';
import type { BrowserSession, ClientRecord, InteractionRecord } from '../ports.ts';
import { covers } from '../scopes.ts';
import { PREFIX, nowSeconds, randomSecret } from '../tokens.ts';
import { clientIdentityUnproven } from '../authorization/client-identity.ts';
import { deniedByUser, withoutDenialMark } from '../authorization/consent-denial.ts';
import { issueAuthorizationResponse } from '../authorization/issue-response.ts';
import { redirectTrusted } from '../authorization/redirect-trust.ts';
import { resolveAuthorizationParams } from '../authorization/authorization-params.ts';
import { requirePushedRequest, type ParamsSource } from '../authorization/pushed-request.ts';
import {
  validateAuthorizationParams,
  validateClientAndRedirect,
  type AuthorizationRequest,
  type ErrorTarget,
} from '../authorization/validate-request.ts';

export function authorizationEndpoint(ctx: ProviderContext) {
  return async function authorize(request: HttpRequest): Promise<HttpResponse> {
    let checked: { client: ClientRecord; target: ErrorTarget } | null = null;
    let sent: Params | null = null;
    try {
      const { params, resumed, source } = await authorizationParams(ctx, request);
      sent = params;
      checked = await validateClientAndRedirect(ctx, params);
      requirePushedRequest(checked.client, source);
      const req = await validateAuthorizationParams(ctx, checked.client, checked.target, params);
      if (resumed && deniedByUser(resumed.params)) {
        await ctx.stores.interactions.delete(resumed.id);
        // RFC 6749 §4.1.2.1: the resource owner denied the request (authorization/consent-denial.ts).
        throw accessDenied('The user denied the request.');
      }
      return await decide(ctx, request, req, params, resumed);
    } catch (err) {
      const e = asOAuthError(err, (x) => ctx.log('authorize failed', x));
      if (checked && e.redirectable) return await errorBackToClient(ctx, request, checked.client, checked.target, e);
      await recordRejection(ctx, () => sent ?? queryParams(request), e);
      return errorPage(e);
    }
  };
}

/**
 * A request refused with Portico's own error page (nothing could go back to the app) is logged for
 * the app's developers (its Activity tab), when the client_id names a registered app: they see the
 * redirect_uri that was sent and why. Never fails the response.
 */
async function recordRejection(ctx: ProviderContext, sentParams: () => Params, e: OAuthError): Promise<void> {
  try {
    const params = sentParams();
    const clientId = params.get('client_id');
    // A client ID metadata document's app has no portal to show it, and looking it up could fetch the document again.
    if (!clientId || looksLikeClientIdUrl(clientId)) return;
    const client = await ctx.stores.clients.find(clientId);
    if (!client) return;
    await ctx.stores.rejections.record({ clientId: client.id, redirectUri: params.get('redirect_uri') ?? null, reason: e.description, at: ctx.clock() });
  } catch (err) {
    ctx.log('could not record a refused authorization request', err);
  }
}

/** RFC 6749 §4.1.2.1 / §4.2.2.1 error response, sent on its own only to a trusted URI (RFC 9700 §4.11.2). */
async function errorBackToClient(ctx: ProviderContext, request: HttpRequest, client: ClientRecord, target: ErrorTarget, e: OAuthError): Promise<HttpResponse> {
  const response: AuthorizationResponse = { redirectUri: target.redirectUri, mode: target.responseMode, params: errorResponseParams(e, target.state, ctx.settings.issuer) };
  const signedIn = await ctx.session.read(request).then((session) => session !== null, () => false);
  return redirectTrusted(client, signedIn) ? authorizationResponse(response) : untrustedErrorRedirectPage(client, e, response);
}

/**
 * The request's parameters, read in this one place: a parked request being resumed (?interaction=),
 * or those the query or form body carries — itself, a pushed request's (request_uri) or a request
 * object's (request) — as authorization/authorization-params.ts resolves them.
 */
async function authorizationParams(
  ctx: ProviderContext,
  request: HttpRequest,
): Promise<{ params: Params; resumed: InteractionRecord | null; source: ParamsSource }> {
  const resumed = await resumedInteraction(ctx, request);
  if (resumed) return { params: new Map(Object.entries(resumed.params)), resumed, source: 'resumed' };
  return { ...(await resolveAuthorizationParams(ctx, await requestParams(request))), resumed: null };
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

  // Controlled access (lib/oidc/app-access.ts): an app limited to assigned users refuses anyone else
  // with access_denied, before consent and before anything is issued.
  await requireAppAccess(ctx, req.client, user.userId);

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
  const answer = await issueAuthorizationResponse(ctx, req, user);
  return authorizationResponse({ redirectUri: req.redirectUri, mode: req.responseMode, params: answer });
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
    if (!hint.namesUser(session.userId)) {
      if (req.prompts.includes('none')) throw loginRequired('The signed-in user is not the one named by id_token_hint.');
      return true;
    }
  }
  // OIDC Core §3.1.2.1, §5.5.1: a sub the claims parameter insists on counts as id_token_hint does.
  const sub = requestedSubject(req.claims);
  if (sub !== undefined && sub !== subjectFor(ctx, req.client, session.userId)) {
    if (req.prompts.includes('none')) throw loginRequired('The signed-in user is not the one the claims parameter names (sub).');
    return true;
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
      params: withoutDenialMark(Object.fromEntries(params)),
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
