/**
 * The shapes the portal use cases take and return. The portal UI, the REST API (lib/api) and the
 * CLI code against these; lib/portal/README.md lists the functions.
 */
import type { ClientKind } from '../oidc/redirect-uri.ts';
import type { AuthMethod } from '../validation/client-auth-method.ts';
import type { JwkSet } from '../validation/jwks.ts';

/** Who is acting: the signed-in user (portal) or the owner of a personal access token (API). */
export type Actor = { userId: string };

/** owner > developer > viewer (see README.md "Roles"). */
export type TeamRole = 'owner' | 'developer' | 'viewer';

export type TeamSummary = { id: string; name: string; role: TeamRole; personal: boolean; createdAt: Date };

export type TeamMemberSummary = { userId: string; email: string; name: string | null; role: TeamRole; joinedAt: Date };

export type PendingInvitation = { id: string; email: string; role: TeamRole; invitedById: string; expiresAt: Date; createdAt: Date };

/** 'expiring': live but ends at expiresAt (a rotation's grace period). */
export type SecretStatus = 'active' | 'expiring' | 'expired' | 'revoked';

export type SecretSummary = {
  id: string;
  /** Last four characters, for recognising a secret; null for viewers (they never hold secrets). */
  last4: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  status: SecretStatus;
};

export type ClientSummary = {
  id: string;
  name: string;
  type: ClientKind;
  description: string | null;
  logoUri: string | null;
  disabled: boolean;
  /** Set by the operator (CLI) once they checked who runs the app; read-only here and in the API. */
  verified: boolean;
  createdAt: Date;
  team: { id: string; name: string };
  /** The actor's role in the app's team: what the UI may offer. */
  role: TeamRole;
};

/** Protocol options (lib/validation/client-protocol-fields.ts); each null when not set. */
export type ClientProtocolSettings = {
  /** OAuth 2.0 Multiple Response Types, canonical spelling; ["code"] unless implicit or hybrid were asked for. */
  responseTypes: string[];
  /** RFC 7591 §2: the public keys, by value or by URL (never both). */
  jwks: JwkSet | null;
  jwksUri: string | null;
  tokenEndpointAuthSigningAlg: string | null;
  requestObjectSigningAlg: string | null;
  /** RFC 9126 §6. */
  requirePushedAuthorizationRequests: boolean;
  /** RFC 9449 §5.2. */
  dpopBoundAccessTokens: boolean;
  /** OpenID Connect Core §8. */
  subjectType: 'public' | 'pairwise';
  sectorIdentifierUri: string | null;
  /** OpenID Connect Front-Channel Logout 1.0 §2. */
  frontchannelLogoutUri: string | null;
  frontchannelLogoutSessionRequired: boolean;
};

export type ClientDetail = ClientSummary & ClientProtocolSettings & {
  tokenEndpointAuthMethod: AuthMethod;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  grantTypes: string[];
  scope: string;
  /** What users see for each custom API scope (never standard ones); empty when none are set. */
  scopeDescriptions: Record<string, string>;
  clientUri: string | null;
  policyUri: string | null;
  tosUri: string | null;
  backchannelLogoutUri: string | null;
  refreshTokenRotation: boolean;
  accessTokenTtl: number;
  refreshTokenTtl: number;
  accessTokenFormat: 'opaque' | 'jwt';
  idTokenSignedResponseAlg: string;
  skipConsent: boolean;
  updatedAt: Date;
  /** Newest first; empty for public clients. */
  secrets: SecretSummary[];
};

/** A plaintext secret or token is in these results once and never again. */
export type CreatedTeamClient = { client: ClientDetail; clientSecret: string | null };
/** clientSecret: a secret the change needed (a switch to client_secret_jwt, or from private_key_jwt to a secret method). */
export type UpdatedClient = ClientDetail & { clientSecret?: string };
export type RotatedSecret = { secret: SecretSummary; clientSecret: string };

export type PatScope = 'clients:read' | 'clients:write' | 'resources:read' | 'resources:write' | 'admin:read' | 'admin:write';
export type PersonalAccessTokenSummary = {
  id: string;
  name: string;
  last4: string;
  scopes: PatScope[];
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
};
export type CreatedPersonalAccessToken = { token: PersonalAccessTokenSummary; secret: string };
