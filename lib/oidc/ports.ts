/**
 * What the protocol core needs from the outside world. lib/db implements the stores with Prisma;
 * lib/auth implements the browser session. The core never imports either.
 */
import type { HttpRequest } from './http/message.ts';
import type { ClientKind } from './redirect-uri.ts';

export type Clock = () => Date;

export type ClientRecord = {
  id: string;
  name: string;
  kind: ClientKind;
  /** RFC 6749 §2.1: public clients cannot keep a secret (SPA, native). */
  isPublic: boolean;
  /** RFC 7591 §2; private_key_jwt and client_secret_jwt are RFC 7523 §2.2 client assertions. */
  tokenEndpointAuthMethod: 'client_secret_basic' | 'client_secret_post' | 'client_secret_jwt' | 'private_key_jwt' | 'none';
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  grantTypes: string[];
  scopes: string[];
  /** The app's own words for its custom API scopes (never standard ones), shown on the consent screen. */
  scopeDescriptions: Record<string, string>;
  accessTokenFormat: 'opaque' | 'jwt';
  idTokenAlg: string;
  accessTokenTtl: number;
  refreshTokenTtl: number;
  /** Whether each refresh returns a new refresh token (OAuth 2.0 Security BCP §4.14.2); on by default. */
  refreshTokenRotation: boolean;
  skipConsent: boolean;
  disabled: boolean;
  /** Shown to users on the consent screen (RFC 7591 §2 client metadata). */
  logoUri: string | null;
  clientUri: string | null;
  policyUri: string | null;
  tosUri: string | null;
  /** OpenID Connect Back-Channel Logout 1.0 §2.2: where logout tokens are sent. */
  backchannelLogoutUri: string | null;
  /** The operator has checked who runs the app (set only by the CLI); shown on the consent screen. */
  verified: boolean;
  /** The API scopes the owners of those APIs approved for this app (names are unique across APIs). */
  apiScopes: string[];
  /**
   * The client_id is the https URL of a client ID metadata document, not a registration
   * (draft-ietf-oauth-client-id-metadata-document): shown to users as unverified.
   */
  metadataDocument: boolean;
  /** OAuth 2.0 Multiple Response Types: the response_type values this client may use. */
  responseTypes: string[];
  /** RFC 7591 §2 jwks (a JWK Set, parsed) or jwks_uri: the client's public keys. */
  jwks: { keys: Record<string, unknown>[] } | null;
  jwksUri: string | null;
  tokenEndpointAuthSigningAlg: string | null;
  requestObjectSigningAlg: string | null;
  /** RFC 9126 §6. */
  requirePushedAuthorizationRequests: boolean;
  /** RFC 9449 §5.2. */
  dpopBoundAccessTokens: boolean;
  /** OIDC Core §8. */
  subjectType: 'public' | 'pairwise';
  sectorIdentifierUri: string | null;
  /** OpenID Connect Front-Channel Logout 1.0 §2. */
  frontchannelLogoutUri: string | null;
  frontchannelLogoutSessionRequired: boolean;
};

export type UserRecord = {
  id: string;
  email: string;
  name: string | null;
  emailVerified: boolean;
  phoneNumber: string | null;
  address: string | null;
  locale: string | null;
  givenName: string | null;
  familyName: string | null;
  nickname: string | null;
  preferredUsername: string | null;
  picture: string | null;
  website: string | null;
  gender: string | null;
  birthdate: string | null;
  zoneinfo: string | null;
  updatedAt: Date;
};

export type InteractionRecord = {
  id: string;
  clientId: string;
  params: Record<string, string>;
  createdAt: Date;
  expiresAt: Date;
  loginAt: Date | null;
  consentAt: Date | null;
  accountAt: Date | null;
};

export type GrantRecord = {
  id: string;
  clientId: string;
  userId: string | null;
  scope: string;
  authTime: number | null;
  /** OIDC Core §2 acr, and RFC 8176 amr as a space-separated list. */
  acr: string | null;
  amr: string | null;
  nonce: string | null;
  sid: string | null;
  /** RFC 8707: the resource identifiers this authorization covers, space-separated; null: none. */
  resources: string | null;
  /** OIDC Core §5.5: the claims request parameter (JSON), for userinfo and refreshed ID tokens. */
  claims: string | null;
  revokedAt: Date | null;
};

export type CodeRecord = {
  hash: string;
  grantId: string;
  clientId: string;
  userId: string;
  redirectUri: string;
  scope: string;
  nonce: string | null;
  codeChallenge: string | null;
  codeChallengeMethod: string | null;
  /** RFC 9449 §10: the DPoP key thumbprint the authorization request bound the code to. */
  dpopJkt: string | null;
  authTime: number;
  expiresAt: Date;
  consumedAt: Date | null;
};

export type TokenKind = 'access' | 'refresh';

export type TokenRecord = {
  hash: string;
  kind: TokenKind;
  grantId: string;
  clientId: string;
  userId: string | null;
  scope: string;
  /** RFC 8707 / RFC 9068 aud: resource identifiers, space-separated; null: no API (userinfo only). */
  audience: string | null;
  /** RFC 9449 §6: JWK thumbprint of the DPoP key the token is bound to; null: a bearer token. */
  cnfJkt: string | null;
  expiresAt: Date;
  createdAt: Date;
  consumedAt: Date | null;
  revokedAt: Date | null;
};

export type NewToken = Omit<TokenRecord, 'consumedAt' | 'revokedAt' | 'cnfJkt'> & { cnfJkt?: string | null };

/** A token with its grant and user, read in one statement (refresh, userinfo). */
export type TokenInContext = { token: TokenRecord; grant: GrantRecord | null; user: UserRecord | null };

export type KeyRecord = {
  kid: string;
  alg: string;
  publicJwk: string;
  privateJwkEncrypted: string;
  createdAt: Date;
  retiredAt: Date | null;
  publishUntil: Date | null;
  /** Signing starts here; before it the key is only published (lib/oidc/keys.ts). */
  activatesAt: Date;
};

export interface ClientStore {
  /**
   * The client as it is now: every change committed before `freshSince` (a `performance.now()`
   * time, e.g. HttpRequest.receivedAt) is seen; without it, every change committed before the call.
   */
  find(clientId: string, freshSince?: number): Promise<ClientRecord | null>;
  /** True when `secretHash` is a live (not revoked, not expired) secret of this client. */
  hasLiveSecret(clientId: string, secretHash: string, now: Date): Promise<boolean>;
  /**
   * RFC 7523 §2.2 client_secret_jwt: the client's live secrets as kept sealed at rest
   * (lib/crypto/client-secret-seal.ts); a secret stored only as a hash is not among them.
   */
  liveSealedSecrets(clientId: string, now: Date): Promise<string[]>;
  /** Whether `origin` is the origin of a redirect URI registered by any enabled client (CORS preflight). */
  originRegistered(origin: string): Promise<boolean>;
}

export interface UserStore {
  find(userId: string): Promise<UserRecord | null>;
}

export interface InteractionStore {
  create(record: Omit<InteractionRecord, 'loginAt' | 'consentAt' | 'accountAt'>): Promise<void>;
  find(id: string): Promise<InteractionRecord | null>;
  mark(id: string, field: 'loginAt' | 'consentAt' | 'accountAt', at: Date): Promise<void>;
  /** Replaces the parked request's parameters (the user narrowed its scope on the consent screen). */
  updateParams(id: string, params: Record<string, string>): Promise<void>;
  delete(id: string): Promise<void>;
}

export interface GrantStore {
  create(grant: Omit<GrantRecord, 'revokedAt'>): Promise<void>;
  find(id: string): Promise<GrantRecord | null>;
  /** Revokes the grant and every token issued under it. */
  revoke(id: string, at: Date): Promise<void>;
  /** The apps that received a grant during the user's browser session `sid`. */
  clientsOfSession(userId: string, sid: string): Promise<string[]>;
}

export interface CodeStore {
  save(code: Omit<CodeRecord, 'consumedAt'>): Promise<void>;
  /**
   * Atomically marks the code used. Returns the code and whether this call was the first use,
   * with its grant and user on a first use (read in the same statement); null when no such code exists.
   */
  consume(hash: string, at: Date): Promise<{ code: CodeRecord; firstUse: true; grant: GrantRecord | null; user: UserRecord | null } | { code: CodeRecord; firstUse: false } | null>;
}

export interface TokenStore {
  /** Durably stores the tokens before resolving (callers hand them out only afterwards). */
  save(tokens: NewToken[]): Promise<void>;
  /**
   * Rotation: marks the refresh token `spent` used and stores `tokens` in one statement, only if
   * `spent` was still unused and unrevoked; false (and nothing stored) otherwise.
   */
  saveSpending(spent: string, at: Date, tokens: NewToken[]): Promise<boolean>;
  find(hash: string): Promise<TokenRecord | null>;
  /** The token with its grant and user, in one statement. */
  findInContext(hash: string): Promise<TokenInContext | null>;
  revoke(hash: string, at: Date): Promise<void>;
}

export interface ConsentStore {
  find(userId: string, clientId: string): Promise<string[]>;
  /**
   * Records a consent decision: `granted` is added to what was granted before and `withdrawn`
   * (asked for, but unticked by the user) is removed from it; `resources` (API identifiers) are added.
   */
  grant(userId: string, clientId: string, granted: string[], withdrawn?: string[], resources?: string[]): Promise<void>;
  /** RFC 8707: the APIs (resource identifiers) the user has let this app use. */
  findResources(userId: string, clientId: string): Promise<string[]>;
}

export interface KeyStore {
  list(): Promise<KeyRecord[]>;
  add(key: KeyRecord): Promise<void>;
  /** The key stops signing at `at` and stays in the JWKS until `publishUntil`. */
  retire(kid: string, at: Date, publishUntil: Date): Promise<void>;
  /** Deletes keys whose publication window has passed. */
  prune(now: Date): Promise<void>;
}

/** RFC 7591 client metadata as JSON, in and out (client_id, client_secret, client_name, redirect_uris, …). */
export type ClientMetadata = Record<string, unknown>;

/**
 * Dynamic client registration (RFC 7591) and management (RFC 7592). Validation of the metadata
 * and the client's lifecycle belong to the portal layer, which implements this port; errors are
 * thrown as OAuthError with RFC 7591 §3.2.2 codes (invalid_redirect_uri, invalid_client_metadata).
 */
export interface RegistrationPort {
  /**
   * Creates the client; the response includes client_secret (confidential clients) once.
   * `expiresAt`: when the client stops existing (open registration), or null for never.
   */
  register(metadata: ClientMetadata, registrationTokenHash: string, expiresAt?: Date | null): Promise<ClientMetadata>;
  /** The client whose registration access token hashes to `tokenHash`, or null (also once it has expired). */
  findByRegistrationToken(clientId: string, tokenHash: string): Promise<ClientMetadata | null>;
  update(clientId: string, metadata: ClientMetadata): Promise<ClientMetadata>;
  /** Deletes the client and revokes everything issued to it. */
  delete(clientId: string): Promise<void>;
}

/** `amr`: RFC 8176 authentication method references of the sign-in ("pwd", "otp", "mfa"). */
export type BrowserSession = { userId: string; authTime: number; sid: string; amr: string[] };

export interface SessionPort {
  read(request: HttpRequest): Promise<BrowserSession | null>;
  /** Ends the session server-side, so the cookie is refused even if a copy of it survives. */
  end(session: BrowserSession): Promise<void>;
  /** Set-Cookie values that end the session (including any chunked cookies present in `request`). */
  clearCookieHeaders(request?: HttpRequest): string[];
}

/** An API of the product (RFC 8707 resource): its identifier is the audience of its tokens. */
export type ApiResourceRecord = {
  id: string;
  identifier: string;
  name: string;
  /** Who runs it, named on the consent screen: the owning team, or null for the operator. */
  ownerName: string | null;
  tokenFormat: 'opaque' | 'jwt';
  accessTokenTtl: number;
  /** Any app may ask for its scopes, with the user's consent (MCP servers); else only approved apps. */
  openAccess: boolean;
  scopes: { name: string; description: string }[];
  /** Clients that serve this API and may introspect its tokens (RFC 7662 §2.1). */
  serverClientIds: string[];
};

export interface ResourceStore {
  findByIdentifier(identifier: string): Promise<ApiResourceRecord | null>;
  /** The API a scope belongs to (scope names are unique across APIs), or null for other scopes. */
  findByScope(scope: string): Promise<ApiResourceRecord | null>;
}

/** Operator settings (CLI, /admin), read through a cache every instance keeps current. */
export type OperatorSettings = {
  /** RFC 8707: the audience of tokens requested without a resource; null: none (sign-in only). */
  defaultResource: string | null;
  /**
   * RFC 7591 registration: off; open to anyone (clients expire `openClientTtlDays` after they
   * registered, per-IP limits apply); or only with the operator's initial access token.
   */
  registration: { mode: 'off' | 'open' | 'initial_access_token'; openClientTtlDays: number };
};

export interface SettingsStore {
  get(): Promise<OperatorSettings>;
}

export type Stores = {
  clients: ClientStore;
  users: UserStore;
  interactions: InteractionStore;
  grants: GrantStore;
  codes: CodeStore;
  tokens: TokenStore;
  consents: ConsentStore;
  keys: KeyStore;
  resources: ResourceStore;
  settings: SettingsStore;
  devices: DeviceAuthorizationStore;
  usedJtis: UsedJtiStore;
  pushedRequests: PushedRequestStore;
  appAccess: AppAccessStore;
  rejections: AuthorizationRejectionStore;
};

/** Authorization requests refused before anything could be sent back to the app (its Activity tab). */
export interface AuthorizationRejectionStore {
  record(rejection: { clientId: string; redirectUri: string | null; reason: string; at: Date }): Promise<void>;
}

/** Controlled access (lib/oidc/app-access.ts): the app's policy and its user and group assignments, as they are now. */
export interface AppAccessStore {
  /** True when the app lets everyone in, or the user is assigned to it directly or through a group. */
  allows(clientId: string, userId: string): Promise<boolean>;
}

/** Single-use JWT ids (client assertions, DPoP proofs, request objects). */
export interface UsedJtiStore {
  /** Records `key` until `expiresAt`; true the first time it is seen, false on any reuse (on every instance). */
  remember(key: string, expiresAt: Date): Promise<boolean>;
}

/** RFC 9126: an authorization request a client pushed, found by the SHA-256 of its request_uri. */
export type PushedRequestRecord = { hash: string; clientId: string; params: Record<string, string>; expiresAt: Date };

/** Why a request_uri cannot be used (RFC 9126 §4). */
export type PushedRequestRefusal = 'unknown' | 'other_client' | 'used' | 'expired';

export interface PushedRequestStore {
  save(record: PushedRequestRecord): Promise<void>;
  /**
   * Marks the pushed request used: the first call by the client that pushed it, before it expires,
   * gets its parameters; any other call (a second use on any instance included) gets why not.
   */
  consume(hash: string, clientId: string, now: Date): Promise<{ params: Record<string, string> } | { refused: PushedRequestRefusal }>;
}

export type LimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** The rate limits the core applies itself (lib/rate-limit implements them; budgets there). */
export interface RateLimitPort {
  /** Token requests per authenticated client. */
  tokenPerClient(clientId: string): Promise<LimitDecision>;
  /** RFC 7591 registration requests per client IP address. */
  registrationPerIp(ip: string): Promise<LimitDecision>;
}

/** RFC 8628 device authorization: pending until the user decides, consumed once tokens are issued. */
export type DeviceAuthorizationStatus = 'pending' | 'approved' | 'denied' | 'consumed';

export type DeviceAuthorizationRecord = {
  /** SHA-256 of the device_code; of the user_code in its normalised form (lib/oidc/user-code.ts). */
  deviceCodeHash: string;
  userCodeHash: string;
  clientId: string;
  scope: string;
  /** RFC 8707 resource indicators as requested, space-separated; null: none. */
  resources: string | null;
  status: DeviceAuthorizationStatus;
  /** Seconds the device must wait between polls (RFC 8628 §3.2, raised by slow_down §3.5). */
  interval: number;
  lastPolledAt: Date | null;
  /** Who approved (or denied), and their sign-in, as a Grant records it. */
  userId: string | null;
  authTime: number | null;
  amr: string | null;
  acr: string | null;
  sid: string | null;
  createdAt: Date;
  expiresAt: Date;
};

export type NewDeviceAuthorization = Pick<
  DeviceAuthorizationRecord,
  'deviceCodeHash' | 'userCodeHash' | 'clientId' | 'scope' | 'resources' | 'interval' | 'createdAt' | 'expiresAt'
>;

export type DeviceApproval = { userId: string; authTime: number; amr: string | null; acr: string | null; sid: string | null };

/** Every state change is conditional on the state it leaves, so of two racing requests exactly one wins. */
export interface DeviceAuthorizationStore {
  /** Stores a pending authorization; false when the user code is taken (the caller draws another). */
  create(record: NewDeviceAuthorization): Promise<boolean>;
  findByDeviceCode(deviceCodeHash: string): Promise<DeviceAuthorizationRecord | null>;
  findByUserCode(userCodeHash: string): Promise<DeviceAuthorizationRecord | null>;
  /** Records a poll at `at` if `previous` (as read) is still the last one; false when another poll came in between. */
  recordPoll(deviceCodeHash: string, previous: Date | null, at: Date): Promise<boolean>;
  /** A poll came too early: the interval grows by `seconds` and `at` becomes the last poll. */
  slowDown(deviceCodeHash: string, seconds: number, at: Date): Promise<void>;
  /** pending → approved by the user, while not expired at `now`; false when it was not pending (or expired). */
  approve(deviceCodeHash: string, approval: DeviceApproval, now: Date): Promise<boolean>;
  /** pending → denied by the user; false when it was not pending. */
  deny(deviceCodeHash: string, userId: string): Promise<boolean>;
  /** approved → consumed, once: true only for the caller that made the change. */
  consume(deviceCodeHash: string): Promise<boolean>;
}
