/**
 * Minting the token response (RFC 6749 §5.1, OIDC Core §3.1.3.3) shared by every grant.
 * Access tokens are opaque by default; a client may choose RFC 9068 JWT access tokens, in which
 * case the jti's hash is stored so introspection and revocation still work.
 * Tokens are durably stored before the response is built: nothing handed out can be lost.
 */
import { halfHash, userClaims } from './claims.ts';
import type { ProviderContext } from './context.ts';
import type { SigningAlg } from './keys.ts';
import type { ClientRecord, NewToken, UserRecord } from './ports.ts';
import { formatScope } from './scopes.ts';
import { PREFIX, nowSeconds, randomId, randomSecret, sha256 } from './tokens.ts';

export type IssueRequest = {
  client: ClientRecord;
  grantId: string;
  userId: string | null;
  scopes: string[];
  refresh: boolean;
  idToken?: { authTime: number; nonce: string | null; sid: string | null; acr: string | null; amr: string | null };
  /** The user, when the grant already read it (alongside its other reads, to save a round trip). */
  user?: UserRecord | null;
};

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
  const scope = formatScope(scopes);
  const accessTtl = client.accessTokenTtl;
  const rows: NewToken[] = [];
  const base = { grantId: req.grantId, clientId: client.id, userId: req.userId, scope, audience: null, createdAt: now };

  let accessToken: string;
  if (client.accessTokenFormat === 'jwt') {
    const jti = randomId();
    // RFC 9068 §2.2: iss, exp, aud, sub, client_id, iat, jti; typ "at+jwt" (§2.1).
    accessToken = await ctx.keys.sign(
      { iss: ctx.settings.issuer, aud: ctx.settings.issuer, sub: req.userId ?? client.id, client_id: client.id, iat, exp: iat + accessTtl, jti, scope },
      'RS256',
      'at+jwt',
    );
    rows.push({ ...base, hash: sha256(jti), kind: 'access', expiresAt: new Date(now.getTime() + accessTtl * 1000) });
  } else {
    accessToken = randomSecret(PREFIX.accessToken);
    rows.push({ ...base, hash: sha256(accessToken), kind: 'access', expiresAt: new Date(now.getTime() + accessTtl * 1000) });
  }

  let refreshToken: string | undefined;
  if (req.refresh) {
    refreshToken = randomSecret(PREFIX.refreshToken);
    rows.push({ ...base, hash: sha256(refreshToken), kind: 'refresh', expiresAt: new Date(now.getTime() + client.refreshTokenTtl * 1000) });
  }

  let idToken: string | undefined;
  if (req.idToken && req.userId && scopes.includes('openid')) {
    const user = req.user ?? (await ctx.stores.users.find(req.userId));
    idToken = await mintIdToken(ctx, client, user, scopes, req.idToken, accessToken, iat);
  }

  await ctx.stores.tokens.save(rows);
  return {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: accessTtl,
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
