/**
 * Checks an access token the way an API must before trusting it:
 * - JWT access tokens (RFC 9068 §4): typ "at+jwt", a signature from the issuer's JWKS, `iss` the
 *   issuer, `aud` containing this API's identifier (RFC 8707), not expired.
 * - Opaque tokens: RFC 7662 introspection as this API's resource-server client (Portico answers
 *   `active` only to a server of the token's API), and `aud` containing this API's identifier.
 * - DPoP-bound tokens (RFC 9449 §7): `cnf.jkt` in the JWT (§6.1) or the introspection response
 *   (§6.2) names the key; such a token is taken only by verifyRequest, as `Authorization: DPoP`
 *   with a proof by that key (./dpop.ts). As a bearer token it is refused (§7.2).
 * Endpoints come from the issuer's discovery document, read once.
 */
import { createRemoteJWKSet, customFetch, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import { checkDpopRequest, inMemoryReplayMemory, type ReplayMemory } from './dpop.ts';
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
  /** DPoP-bound tokens: where used proofs are remembered (per process by default; see ReplayMemory). */
  dpop?: { replayMemory?: ReplayMemory };
};

export type VerifiedToken = {
  /** The user (or, for client_credentials, the client) the token acts for. */
  subject: string;
  clientId: string;
  scopes: string[];
  audience: string[];
  expiresAt: Date;
  /** RFC 9449 §6: the thumbprint of the DPoP key the token is bound to; null for a bearer token. */
  dpopJkt: string | null;
  claims: Record<string, unknown>;
};

/** What verifyRequest reads of a request; a Fetch Request fits, and so does Node's with its full URL. */
export type ResourceRequest = {
  method: string;
  /** The absolute URL the client called (behind a proxy, the public one): a DPoP proof names it. */
  url: string | URL;
  /** Fetch Headers, or Node's `req.headers`. */
  headers: { get(name: string): string | null } | Record<string, string | string[] | undefined>;
};

export type TokenVerifier = {
  /** A bearer token (RFC 6750). A DPoP-bound token is refused here (RFC 9449 §7.2): use verifyRequest. */
  verify(token: string): Promise<VerifiedToken>;
  /** From an `Authorization: Bearer …` header (RFC 6750 §2.1); a missing or malformed one is InvalidTokenError. */
  verifyAuthorization(header: string | null | undefined): Promise<VerifiedToken>;
  /**
   * The request's access token, a bearer token or a DPoP-bound one (`Authorization: DPoP …` with
   * its proof in the DPoP header, RFC 9449 §7.1). Refusals are InvalidTokenError (InvalidDpopProofError
   * for a bad proof) whose `scheme` says which challenge to send (authenticationChallenge).
   */
  verifyRequest(request: ResourceRequest): Promise<VerifiedToken>;
};

type Discovery = { jwks_uri: string; introspection_endpoint?: string };
const JWT_ALGORITHMS = ['RS256', 'ES256', 'EdDSA', 'PS256'];
const AUTHORIZATION = /^(Bearer|DPoP) +([A-Za-z0-9\-._~+/]+=*) *$/i;

export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const fetchFn = options.fetch ?? globalThis.fetch;
  const replayMemory = options.dpop?.replayMemory ?? inMemoryReplayMemory();
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
    jwks ??= createRemoteJWKSet(new URL(meta.jwks_uri), options.fetch ? { [customFetch]: options.fetch } : undefined);
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

  /** The token as it is, bound or not. */
  const check = (token: string) => {
    let isJwt = false;
    try {
      isJwt = token.split('.').length === 3 && Boolean(decodeProtectedHeader(token).alg);
    } catch {
      isJwt = false;
    }
    return isJwt ? verifyJwt(token) : introspect(token);
  };

  async function verify(token: string): Promise<VerifiedToken> {
    const verified = await check(token);
    // RFC 9449 §7.2: a DPoP-bound token is never accepted as a bearer token.
    if (verified.dpopJkt) throw new InvalidTokenError('This access token is bound to a DPoP key: send it as "Authorization: DPoP <token>" with a DPoP proof.', 'DPoP');
    return verified;
  }

  /** RFC 9449 §7.1: the token must be bound, and the proof by its key. */
  async function verifyBound(request: ResourceRequest, token: string): Promise<VerifiedToken> {
    // Under the DPoP scheme every refusal is challenged with DPoP (RFC 9449 §7.1).
    const verified = await check(token).catch((err: unknown) => {
      throw err instanceof InvalidTokenError && err.scheme === 'Bearer' ? new InvalidTokenError(err.message, 'DPoP') : err;
    });
    if (!verified.dpopJkt) throw new InvalidTokenError('This access token is not bound to a DPoP key: send it as "Authorization: Bearer <token>".', 'DPoP');
    const proofHeader = headerOf(request.headers, 'dpop');
    await checkDpopRequest({ method: request.method, url: String(request.url), proofHeader, accessToken: token }, verified.dpopJkt, replayMemory);
    return verified;
  }

  return {
    verify,
    async verifyAuthorization(header) {
      const match = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/.exec(header ?? '');
      if (!match) throw new InvalidTokenError('Send the access token as "Authorization: Bearer <token>".');
      return verify(match[1]!);
    },
    async verifyRequest(request) {
      const match = AUTHORIZATION.exec(String(headerOf(request.headers, 'authorization') ?? ''));
      if (!match) throw new InvalidTokenError('Send the access token as "Authorization: Bearer <token>", or "Authorization: DPoP <token>" with a DPoP proof.');
      return match[1]!.toLowerCase() === 'dpop' ? verifyBound(request, match[2]!) : verify(match[2]!);
    },
  };
}

function headerOf(headers: ResourceRequest['headers'], name: string): string | string[] | null {
  if (typeof headers.get === 'function') return (headers as { get(name: string): string | null }).get(name);
  return (headers as Record<string, string | string[] | undefined>)[name] ?? null;
}

function toVerified(claims: Record<string, unknown>): VerifiedToken {
  const aud = claims.aud;
  const cnf = claims.cnf as { jkt?: unknown } | undefined;
  return {
    subject: String(claims.sub ?? ''),
    clientId: String(claims.client_id ?? ''),
    scopes: typeof claims.scope === 'string' ? claims.scope.split(' ').filter(Boolean) : [],
    audience: Array.isArray(aud) ? aud.map(String) : typeof aud === 'string' ? [aud] : [],
    expiresAt: new Date(Number(claims.exp ?? 0) * 1000),
    dpopJkt: cnf && typeof cnf === 'object' && typeof cnf.jkt === 'string' ? cnf.jkt : null,
    claims,
  };
}
