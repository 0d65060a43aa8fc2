/**
 * Minting the token response (RFC 6749 §5.1, OIDC Core §3.1.3.3) shared by every grant.
 * Access tokens are opaque by default; a client may choose RFC 9068 JWT access tokens, in which
 * case the jti's hash is stored so introspection and revocation still work.
 * Tokens are durably stored before the response is built: nothing handed out can be lost.
 */
import { halfHash, userClaims } from './claims.ts';
import type { ProviderContext } from './context.ts';
import type { SigningAlg } from './keys.ts';
import type { ApiResourceRecord, ClientRecord, NewToken, UserRecord } from './ports.ts';
import { accessTokenShape, formatResources, scopesForAudience } from './resources.ts';
import { formatScope } from './scopes.ts';
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
  idToken?: { authTime: number; nonce: string | null; sid: string | null; acr: string | null; amr: string | null };
  /** The user, when the grant already read it (alongside its other reads, to save a round trip). */
  user?: UserRecord | null;
  /** Rotation: the hash of the refresh token these tokens replace, spent as they are stored. */
  spending?: string;
};

/** The refresh token named in `spending` was already spent (or revoked) when the new tokens were to be stored. */
export class AlreadySpentError extends Error {}

export type TokenResponse = {
  access_token: string;
  token_type: 'Bearer';
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
  const accessExpiresAt = new Date(now.getTime() + shape.ttl * 1000);

  let accessToken: string;
  if (shape.format === 'jwt') {
    const jti = randomId();
    // RFC 9068 §2.2: iss, exp, aud, sub, client_id, iat, jti; typ "at+jwt" (§2.1). aud is the
    // token's APIs (RFC 8707 §2), or this server (its userinfo endpoint) when there are none.
    const aud = req.audience.length === 1 ? req.audience[0]!.identifier : req.audience.length ? req.audience.map((r) => r.identifier) : ctx.settings.issuer;
    accessToken = await ctx.keys.sign(
      { iss: ctx.settings.issuer, aud, sub: req.userId ?? client.id, client_id: client.id, iat, exp: iat + shape.ttl, jti, scope },
      'RS256',
      'at+jwt',
    );
    rows.push({ ...base, scope, audience, hash: sha256(jti), kind: 'access', expiresAt: accessExpiresAt });
  } else {
    accessToken = randomSecret(PREFIX.accessToken);
    rows.push({ ...base, scope, audience, hash: sha256(accessToken), kind: 'access', expiresAt: accessExpiresAt });
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
      expiresAt: new Date(now.getTime() + client.refreshTokenTtl * 1000),
    });
  }

  let idToken: string | undefined;
  if (req.idToken && req.userId && accessScopes.includes('openid')) {
    const user = req.user ?? (await ctx.stores.users.find(req.userId));
    idToken = await mintIdToken(ctx, client, user, accessScopes, req.idToken, accessToken, iat);
  }

  if (req.spending === undefined) await ctx.stores.tokens.save(rows);
  else if (!(await ctx.stores.tokens.saveSpending(req.spending, now, rows))) throw new AlreadySpentError();
  return {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: shape.ttl,
    scope,
    ...(refreshToken ? { refresh_token: refreshToken } : {}),
    ...(idToken ? { id_token: idToken } : {}),
  };
}

async function mintIdToken(
  ctx: ProviderContext,
  client: ClientRecord,
  user: UserRecord | null,
  scopes: string[],
  info: NonNullable<IssueRequest['idToken']>,
  accessToken: string,
  iat: number,
): Promise<string> {
  if (!user) throw new Error('The user of this grant no longer exists.');
  const alg = client.idTokenAlg as SigningAlg;
  // OIDC Core §2 and §3.1.3.6.
  const payload: Record<string, unknown> = {
    ...userClaims(user, scopes),
    iss: ctx.settings.issuer,
    aud: client.id,
    azp: client.id,
    iat,
    exp: iat + ctx.settings.ttl.idToken,
    auth_time: info.authTime,
    at_hash: halfHash(accessToken, alg),
  };
  if (info.nonce) payload.nonce = info.nonce;
  if (info.sid) payload.sid = info.sid;
  if (info.acr) payload.acr = info.acr;
  if (info.amr) payload.amr = info.amr.split(' ');
  return ctx.keys.sign(payload, alg);
}
