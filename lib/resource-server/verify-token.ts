/**
 * Checks an access token the way an API must before trusting it:
 * - JWT access tokens (RFC 9068 §4): typ "at+jwt", a signature from the issuer's JWKS, `iss` the
 *   issuer, `aud` containing this API's identifier (RFC 8707), not expired.
 * - Opaque tokens: RFC 7662 introspection as this API's resource-server client (Portico answers
 *   `active` only to a server of the token's API), and `aud` containing this API's identifier.
 * Endpoints come from the issuer's discovery document, read once.
 */
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import { InvalidTokenError } from './errors.ts';

export type TokenVerifierOptions = {
  /** Portico's issuer URL. */
  issuer: string;
  /** This API's identifier: the audience its tokens must name. */
  audience: string;
  /** This API's resource-server client, to introspect opaque tokens; without it only JWTs are accepted. */
  introspection?: { clientId: string; clientSecret: string };
  fetch?: typeof fetch;
  clockToleranceSeconds?: number;
};

export type VerifiedToken = {
  /** The user (or, for client_credentials, the client) the token acts for. */
  subject: string;
  clientId: string;
  scopes: string[];
  audience: string[];
  expiresAt: Date;
  claims: Record<string, unknown>;
};

export type TokenVerifier = {
  verify(token: string): Promise<VerifiedToken>;
  /** From an `Authorization: Bearer …` header (RFC 6750 §2.1); a missing or malformed one is InvalidTokenError. */
  verifyAuthorization(header: string | null | undefined): Promise<VerifiedToken>;
};

type Discovery = { jwks_uri: string; introspection_endpoint?: string };
const JWT_ALGORITHMS = ['RS256', 'ES256', 'EdDSA', 'PS256'];

export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const fetchFn = options.fetch ?? globalThis.fetch;
  let discovery: Promise<Discovery> | null = null;
  let jwks: ReturnType<typeof createRemoteJWKSet> | null = null;

  const discover = () => {
    discovery ??= fetchFn(new URL('/.well-known/openid-configuration', options.issuer))
      .then(async (res) => {
        if (!res.ok) throw new Error(`discovery answered ${res.status}`);
        return (await res.json()) as Discovery;
      })
      .catch((err: unknown) => {
        discovery = null; // try again on the next token
        throw new Error(`Cannot read ${options.issuer}'s discovery document: ${(err as Error).message}`);
      });
    return discovery;
  };

  async function verifyJwt(token: string): Promise<VerifiedToken> {
    const meta = await discover();
    jwks ??= createRemoteJWKSet(new URL(meta.jwks_uri));
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, {
        issuer: options.issuer,
        audience: options.audience,
        typ: 'at+jwt',
        algorithms: JWT_ALGORITHMS,
        clockTolerance: options.clockToleranceSeconds ?? 5,
        requiredClaims: ['exp', 'sub', 'client_id'],
      }));
    } catch (err) {
      throw new InvalidTokenError(`The access token is not valid for this API: ${(err as Error).message}`);
    }
    return toVerified(payload as Record<string, unknown>);
  }

  async function introspect(token: string): Promise<VerifiedToken> {
    const credentials = options.introspection;
    if (!credentials) throw new InvalidTokenError('This API accepts JWT access tokens only.');
    const meta = await discover();
    if (!meta.introspection_endpoint) throw new Error(`${options.issuer} does not offer token introspection.`);
    const basic = Buffer.from(`${encodeURIComponent(credentials.clientId)}:${encodeURIComponent(credentials.clientSecret)}`).toString('base64');
    const res = await fetchFn(meta.introspection_endpoint, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ token, token_type_hint: 'access_token' }),
    });
    if (!res.ok) throw new Error(`Introspection answered ${res.status}: check this API's resource-server credentials.`);
    const body = (await res.json()) as Record<string, unknown>;
    if (body.active !== true) throw new InvalidTokenError('The access token is not active.');
    const verified = toVerified(body);
    if (!verified.audience.includes(options.audience)) throw new InvalidTokenError('The access token was not issued for this API.');
    return verified;
  }

  const verify = (token: string) => {
    let isJwt = false;
    try {
      isJwt = token.split('.').length === 3 && Boolean(decodeProtectedHeader(token).alg);
    } catch {
      isJwt = false;
    }
    return isJwt ? verifyJwt(token) : introspect(token);
  };

  return {
    verify,
    async verifyAuthorization(header) {
      const match = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/.exec(header ?? '');
      if (!match) throw new InvalidTokenError('Send the access token as "Authorization: Bearer <token>".');
      return verify(match[1]!);
    },
  };
}

function toVerified(claims: Record<string, unknown>): VerifiedToken {
  const aud = claims.aud;
  return {
    subject: String(claims.sub ?? ''),
    clientId: String(claims.client_id ?? ''),
    scopes: typeof claims.scope === 'string' ? claims.scope.split(' ').filter(Boolean) : [],
    audience: Array.isArray(aud) ? aud.map(String) : typeof aud === 'string' ? [aud] : [],
    expiresAt: new Date(Number(claims.exp ?? 0) * 1000),
    claims,
  };
}
