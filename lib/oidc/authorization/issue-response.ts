/**
 * What the authorization endpoint hands back once the user is signed in and has consented:
 * RFC 6749 §4.1.2 (code), OIDC Core §3.2.2.5 (implicit) and §3.3.2.5 (hybrid).
 * - One grant per authorization, created as the code flow always has: the code, an access token
 *   and the ID token all belong to it, so revoking it — or replaying the code (RFC 6749 §10.5) —
 *   revokes everything issued here too.
 * - An access token is minted and stored by issueTokens exactly as at the token endpoint, with
 *   token_type, expires_in and scope (RFC 6749 §4.2.2: scope is required when it differs from the
 *   request; the consent screen may have narrowed it, so it is always sent). Never a refresh
 *   token: the authorization endpoint's responses pass through the browser (§4.2.2).
 * - An ID token (OIDC Core §3.2.2.10, §3.3.2.11) has the code flow's claims and the request's
 *   nonce, plus at_hash when an access token comes with it and c_hash when a code does.
 * - The grant keeps the claims parameter (OIDC Core §5.5), so the ID token from the token endpoint
 *   and userinfo honour it too; with essential acr values the grant's acr is the requested value the
 *   sign-in meets (§5.5.1.1). A sub the request insists on (§3.1.2.1) must be the signed-in user's.
 * - state (RFC 6749 §4.1.2) and iss (RFC 9207 §2) go with every response.
 */
import { acrOf } from '../acr.ts';
import { acrClaim, requestedSubject, serializeClaimsRequest } from '../claims-request.ts';
import type { ProviderContext } from '../context.ts';
import { loginRequired } from '../errors.ts';
import { mintIdToken, issueTokens, type IdTokenFacts } from '../issue-tokens.ts';
import type { BrowserSession } from '../ports.ts';
import { formatResources } from '../resources.ts';
import { formatScope, parseScope } from '../scopes.ts';
import { subjectFor } from '../subject.ts';
import { PREFIX, randomId, randomSecret, sha256 } from '../tokens.ts';
import type { AuthorizationRequest } from './validate-request.ts';

export async function issueAuthorizationResponse(ctx: ProviderContext, req: AuthorizationRequest, session: BrowserSession): Promise<Record<string, string>> {
  const { client, responseType } = req;
  const sub = requestedSubject(req.claims);
  // OIDC Core §3.1.2.1: never tokens for another user than the one the request names.
  if (sub !== undefined && sub !== subjectFor(ctx, client, session.userId)) throw loginRequired('The signed-in user is not the one the claims parameter names (sub).');
  const facts: IdTokenFacts = {
    authTime: session.authTime,
    nonce: req.nonce,
    sid: session.sid,
    acr: acrClaim(req.claims, session.amr, acrOf(session.amr)),
    amr: session.amr.join(' '),
    claims: serializeClaimsRequest(req.claims),
  };
  const grantId = await createGrant(ctx, req, session, facts);
  const response: Record<string, string> = {};

  const code = responseType.code ? await saveCode(ctx, req, session, grantId) : undefined;
  if (code) response.code = code;

  let accessToken: string | undefined;
  let scopes = req.scopes;
  if (responseType.token) {
    const tokens = await issueTokens(ctx, { client, grantId, userId: session.userId, scopes: req.scopes, audience: req.resources, refresh: false });
    accessToken = tokens.access_token;
    scopes = parseScope(tokens.scope);
    Object.assign(response, { access_token: tokens.access_token, token_type: tokens.token_type, expires_in: String(tokens.expires_in), scope: tokens.scope });
  }

  if (responseType.idToken) {
    const user = await ctx.stores.users.find(session.userId);
    response.id_token = await mintIdToken(ctx, client, user, scopes, facts, { accessToken, code });
  }

  if (req.state !== undefined) response.state = req.state;
  response.iss = ctx.settings.issuer;
  return response;
}

async function createGrant(ctx: ProviderContext, req: AuthorizationRequest, session: BrowserSession, facts: IdTokenFacts): Promise<string> {
  const id = randomId();
  await ctx.stores.grants.create({
    id,
    clientId: req.client.id,
    userId: session.userId,
    scope: formatScope(req.scopes),
    authTime: facts.authTime,
    acr: facts.acr,
    amr: facts.amr,
    nonce: req.nonce,
    sid: session.sid,
    resources: formatResources(req.resources),
    claims: facts.claims ?? null,
  });
  return id;
}

/** RFC 6749 §4.1.2: a single-use code, bound to the redirect URI, the PKCE challenge (RFC 7636 §4.4) and a DPoP key (RFC 9449 §10). */
async function saveCode(ctx: ProviderContext, req: AuthorizationRequest, session: BrowserSession, grantId: string): Promise<string> {
  const code = randomSecret(PREFIX.code);
  await ctx.stores.codes.save({
    hash: sha256(code),
    grantId,
    clientId: req.client.id,
    userId: session.userId,
    redirectUri: req.redirectUri,
    dpopJkt: req.dpopJkt,
    scope: formatScope(req.scopes),
    nonce: req.nonce,
    codeChallenge: req.pkce?.challenge ?? null,
    codeChallengeMethod: req.pkce?.method ?? null,
    authTime: session.authTime,
    expiresAt: new Date(ctx.clock().getTime() + ctx.settings.ttl.code * 1000),
  });
  return code;
}
