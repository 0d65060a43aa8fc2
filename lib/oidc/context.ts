import type { HttpRequest } from './http/message.ts';
import type { KeyRing } from './keys.ts';
import type { Clock, RateLimitPort, RegistrationPort, SessionPort, Stores } from './ports.ts';

export type ProviderSettings = {
  issuer: string;
  ttl: { idToken: number; code: number; interaction: number };
  /** SHA-256 of the initial access token that enables dynamic registration (RFC 7591); null = off. */
  registrationTokenHash: string | null;
  /**
   * host:port pairs outbound requests (back-channel logout) may reach although they resolve to
   * internal addresses (PORTICO_OUTBOUND_ALLOWED_HOSTS, lib/net/safe-fetch.ts).
   */
  outboundAllowedHosts: readonly string[];
  /** PORTICO_SECRET: opens values sealed at rest, e.g. client secrets kept for client_secret_jwt (lib/crypto/client-secret-seal.ts). */
  sealingSecret: string;
  /** Keys the stateless DPoP nonces (RFC 9449 §8, lib/oidc/dpop-nonce.ts); the same on every instance. */
  dpopNonceSecret: string;
  /** Keys pairwise subject identifiers (OIDC Core §8.1, lib/oidc/subject.ts); the same on every instance, never changed. */
  pairwiseSubjectSecret: string;
};

/** Everything an endpoint needs, passed in once by the composition root (lib/server/runtime.ts). */
export type ProviderContext = {
  settings: ProviderSettings;
  stores: Stores;
  keys: KeyRing;
  session: SessionPort;
  /** Dynamic client registration, when the deployment offers it. */
  registration: RegistrationPort | null;
  clock: Clock;
  limits: RateLimitPort;
  /** The address of the caller, as the server in front determined it (null when unknown). */
  clientIp: (request: HttpRequest) => string | null;
  log: (message: string, err?: unknown) => void;
};

export const paths = {
  authorization: '/oauth/authorize',
  token: '/oauth/token',
  /** RFC 9126 §2 */
  pushedAuthorizationRequest: '/oauth/par',
  userinfo: '/oauth/userinfo',
  introspection: '/oauth/introspect',
  revocation: '/oauth/revoke',
  endSession: '/oauth/end-session',
  registration: '/oauth/register',
  jwks: '/.well-known/jwks.json',
  openidConfiguration: '/.well-known/openid-configuration',
  oauthMetadata: '/.well-known/oauth-authorization-server',
  login: '/login',
  consent: '/consent',
  loggedOut: '/logged-out',
} as const;
