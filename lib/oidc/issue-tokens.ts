/**
 * Minting the token response (RFC 6749 §5.1, OIDC Core §3.1.3.3) shared by every grant.
 * Access tokens are opaque by default; a client may choose RFC 9068 JWT access tokens, in which
 * case the jti's hash is stored so introspection and revocation still work.
 * Tokens are durably stored before the response is built: nothing handed out can be lost.
 * DPoP (RFC 9449): with a verified proof the access token is bound to its key — cnfJkt on the
 * row, `cnf.jkt` in a JWT (§6.1), token_type "DPoP" (§5) — and so is a public client's refresh token.
 * `sub` is always the subject the client sees (subject.ts: public or pairwise, OIDC Core §8).
 */
import { consentedScopes, requestedUserClaims, requestsUserClaims, storedClaimsRequest } from './claims-request.ts';
import { halfHash, userClaims } from './claims.ts';
import type { ProviderContext } from './context.ts';
import type { SigningAlg } from './keys.ts';
import type { ApiResourceRecord, ClientRecord, NewToken, UserRecord } from './ports.ts';
import { accessTokenShape, formatResources, scopesForAudience } from './resources.ts';
import { formatScope } from './scopes.ts';
import { subjectFor } from './subject.ts';
import { PREFIX, nowSeconds, randomId, randomSecret, sha256 } from './tokens.ts';

export type IssueRequest = {
  client: ClientRecord;
  grantId: string;
  userId: string | null;
  /** What the grant covers: the refresh token keeps exactly these (RFC 6749 §6). */
  scopes: string[];
  /** A narrower scope for the access token (a refresh request's `scope`, RFC 6749 §6). */
  accessScopes?: string[];
  /** RFC 8707: the APIs the access token is for (none: userinfo only). */
  audience: ApiResourceRecord[];
  /** What the refresh token keeps (every API the grant covers), when it differs from `audience`. */
  refreshResources?: string | null;
  refresh: boolean;
  idToken?: IdTokenFacts;
  /** The user, when the grant already read it (alongside its other reads, to save a round trip). */
  user?: UserRecord | null;
  /** Rotation: the hash of the refresh token these tokens replace, spent as they are stored. */
  spending?: string;
  /** RFC 9449 §5: the thumbprint of the DPoP key the token request proved; the tokens are bound to it. */
  dpopJkt?: string;
};

/**
 * What an ID token says about the sign-in behind its grant (OIDC Core §2), and the claims its
 * authorization request asked for (§5.5, GrantRecord.claims; absent or null: none).
 */
export type IdTokenFacts = { authTime: number; nonce: string | null; sid: string | null; acr: string | null; amr: string | null; claims?: string | null };

/** The refresh token named in `spending` was already spent (or revoked) when the new tokens were to be stored. */
export class AlreadySpentError extends Error {}

export type TokenResponse = {
  access_token: string;
  token_type: 'Bearer' | 'DPoP';
  expires_in: number;
  scope: string;
  refresh_token?: string;
  id_token?: string;
};

export async function issueTokens(ctx: ProviderContext, req: IssueRequest): Promise<TokenResponse> {
  const { client, scopes } = req;
  const now = ctx.clock();
  const iat = nowSeconds(ctx.clock);
  const accessScopes = await scopesForAudience(ctx, req.accessScopes ?? scopes, req.audience);
  const scope = formatScope(accessScopes);
  const shape = accessTokenShape(client, req.audience);
  const audience = formatResources(req.audience);
  const rows: NewToken[] = [];
  const base = { grantId: req.grantId, clientId: client.id, userId: req.userId, createdAt: now };
  const cnfJkt = req.dpopJkt ?? null;
  const accessExpiresAt = new Date(now.getTime() + shape.ttl * 1000);

  let accessToken: string;
  if (shape.format === 'jwt') {
    const jti = randomId();
    // RFC 9068 §2.2: iss, exp, aud, sub, client_id, iat, jti; typ "at+jwt" (§2.1). aud is the
    // token's APIs (RFC 8707 §2), or this server (its userinfo endpoint) when there are none.
    const aud = req.audience.length === 1 ? req.audience[0]!.identifier : req.audience.length ? req.audience.map((r) => r.identifier) : ctx.settings.issuer;
    accessToken = await ctx.keys.sign(
      // RFC 9449 §6.1: a bound token names its key's thumbprint.
      { iss: ctx.settings.issuer, aud, sub: req.userId ? subjectFor(ctx, client, req.userId) : client.id, client_id: client.id, iat, exp: iat + shape.ttl, jti, scope, ...(cnfJkt ? { cnf: { jkt: cnfJkt } } : {}) },
      'RS256',
      'at+jwt',
    );
    rows.push({ ...base, scope, audience, hash: sha256(jti), kind: 'access', cnfJkt, expiresAt: accessExpiresAt });
  } else {
    accessToken = randomSecret(PREFIX.accessToken);
    rows.push({ ...base, scope, audience, hash: sha256(accessToken), kind: 'access', cnfJkt, expiresAt: accessExpiresAt });
  }

  let refreshToken: string | undefined;
  if (req.refresh) {
    refreshToken = randomSecret(PREFIX.refreshToken);
    rows.push({
      ...base,
      scope: formatScope(scopes),
      audience: req.refreshResources === undefined ? audience : req.refreshResources,
      hash: sha256(refreshToken),
      kind: 'refresh',
      // RFC 9449 §5: a public client's refresh token is bound to the key; a confidential client's is not.
      cnfJkt: client.isPublic ? cnfJkt : null,
      expiresAt: new Date(now.getTime() + client.refreshTokenTtl * 1000),
    });
  }

  let idToken: string | undefined;
  if (req.idToken && req.userId && accessScopes.includes('openid')) {
    const user = req.user ?? (await ctx.stores.users.find(req.userId));
    idToken = await mintIdToken(ctx, client, user, accessScopes, req.idToken, { accessToken }, iat);
  }

  if (req.spending === undefined) await ctx.stores.tokens.save(rows);
  else if (!(await ctx.stores.tokens.saveSpending(req.spending, now, rows))) throw new AlreadySpentError();
  return {
    access_token: accessToken,
    token_type: cnfJkt ? 'DPoP' : 'Bearer',
    expires_in: shape.ttl,
    scope,
    ...(refreshToken ? { refresh_token: refreshToken } : {}),
    ...(idToken ? { id_token: idToken } : {}),
  };
}

/**
 * The ID token, from the token endpoint and from the authorization endpoint alike (OIDC Core §2,
 * §3.1.3.6, §3.2.2.10, §3.3.2.11): at_hash binds the access token issued with it, c_hash the code.
 * Besides the claims of its scopes it carries the ID token claims the claims parameter asked for
 * that the user consented to (§5.5, claims-request.ts).
 */
export async function mintIdToken(
  ctx: ProviderContext,
  client: ClientRecord,
  user: UserRecord | null,
  scopes: string[],
  info: IdTokenFacts,
  issuedWith: { accessToken?: string; code?: string },
  iat = nowSeconds(ctx.clock),
): Promise<string> {
  if (!user) throw new Error('The user of this grant no longer exists.');
  const alg = client.idTokenAlg as SigningAlg;
  const requested = storedClaimsRequest(info.claims ?? null);
  const asked = requestsUserClaims(requested, 'id_token')
    ? requestedUserClaims(requested, 'id_token', user, await consentedScopes(ctx, user.id, client.id, scopes))
    : {};
  const payload: Record<string, unknown> = {
    ...userClaims(user, scopes, subjectFor(ctx, client, user.id)),
    ...asked,
    iss: ctx.settings.issuer,
    aud: client.id,
    azp: client.id,
    iat,
    exp: iat + ctx.settings.ttl.idToken,
    auth_time: info.authTime,
  };
  if (issuedWith.accessToken !== undefined) payload.at_hash = halfHash(issuedWith.accessToken, alg);
  if (issuedWith.code !== undefined) payload.c_hash = halfHash(issuedWith.code, alg);
  if (info.nonce) payload.nonce = info.nonce;
  if (info.sid) payload.sid = info.sid;
  if (info.acr) payload.acr = info.acr;
  if (info.amr) payload.amr = info.amr.split(' ');
  return ctx.keys.sign(payload, alg);
}
