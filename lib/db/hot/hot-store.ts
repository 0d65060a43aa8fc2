/**
 * The few statements the token, introspection and userinfo paths run on every request, straight
 * on the database driver with prepared statements that are kept, instead of through Prisma Client
 * (which builds and prepares each query anew: about a third of a token request's time).
 * Prisma stays the data model: these read and write its tables, in the formats Prisma itself
 * reads and writes, and everything else goes through Prisma (tests write here and read there).
 *
 * Each method takes a whole batch (the stores group the calls of one event-loop turn,
 * lib/db/batch.ts) and answers only once the database has committed it.
 */
import type { ActivityIncrement } from '../activity.ts';
import type { CodeRecord, GrantRecord, NewToken, TokenInContext, TokenRecord, UserRecord } from '../../oidc/ports.ts';
import type { CacheName } from '../cache-version.ts';

/** A Client row and its secrets, as Prisma returns them (booleans as booleans, dates as Dates). */
export type ClientRow = {
  id: string; name: string; type: string; tokenEndpointAuthMethod: string; redirectUris: string; postLogoutRedirectUris: string;
  grantTypes: string; scope: string; accessTokenFormat: string; idTokenSignedResponseAlg: string; accessTokenTtl: number;
  refreshTokenTtl: number; refreshTokenRotation: boolean; skipConsent: boolean; disabled: boolean;
  logoUri: string | null; clientUri: string | null; policyUri: string | null; tosUri: string | null;
  backchannelLogoutUri: string | null; verified: boolean; scopeDescriptions: string | null; expiresAt: Date | null;
  responseTypes: string; jwks: string | null; jwksUri: string | null; tokenEndpointAuthSigningAlg: string | null;
  requestObjectSigningAlg: string | null; requirePushedAuthorizationRequests: boolean; dpopBoundAccessTokens: boolean;
  subjectType: string; sectorIdentifierUri: string | null; frontchannelLogoutUri: string | null; frontchannelLogoutSessionRequired: boolean;
  secrets: { hash: string; expiresAt: Date | null; revokedAt: Date | null }[];
  /** approvedScope of each of the client's ApiAccess rows. */
  approvedApiScopes: string[];
};

/**
 * The tokens found, and the "clients" cache counter as the same statement read it: the check of
 * a token's client that follows every lookup then needs no query of its own (lib/db/cache-version.ts).
 */
export type TokenLookup<T> = { rows: T[]; clientsVersion: number | null };

/** A code claimed by this call, with its grant and user as they are now. */
export type ClaimedCode = { code: CodeRecord; grant: GrantRecord | null; user: UserRecord | null };
/** Rotation (lib/db/stores/tokens.ts): store `tokens` only if this call spends `spent`. */
export type Spending = { spent: string; tokens: NewToken[] };

export interface HotStore {
  /** Stores the tokens, in one transaction. */
  insertTokens(tokens: NewToken[]): Promise<void>;
  /**
   * Spends each refresh token that is still unused and unrevoked and stores the tokens of exactly
   * those, in one statement (one commit); returns the spent hashes. `spent` values must be distinct.
   */
  spendAndInsert(spendings: Spending[], at: Date): Promise<string[]>;
  /** Adds to the per-app daily counters (ClientActivity). */
  countActivity(increments: ActivityIncrement[]): Promise<void>;
  /** Tokens alone (introspection, revocation: no need to read and parse the grant and user). */
  findTokens(hashes: string[]): Promise<TokenLookup<TokenRecord>>;
  /** Tokens with their grant and user (either null when missing). */
  findTokensInContext(hashes: string[]): Promise<TokenLookup<TokenInContext>>;
  findCodes(hashes: string[]): Promise<CodeRecord[]>;
  /** Marks unused codes used at `at`; returns the codes it marked, with their grants and users. */
  claimCodes(hashes: string[], at: Date): Promise<ClaimedCode[]>;
  findClient(id: string): Promise<ClientRow | null>;
  /** The claims-bearing fields of users (ID tokens, userinfo). */
  findUsers(ids: string[]): Promise<UserRecord[]>;
  findGrants(ids: string[]): Promise<GrantRecord[]>;
  cacheVersion(name: CacheName): Promise<number>;
  close(): Promise<void>;
}

export const TOKEN_COLUMNS = ['hash', 'kind', 'grantId', 'clientId', 'userId', 'scope', 'audience', 'cnfJkt', 'expiresAt', 'createdAt', 'consumedAt', 'revokedAt'] as const;
/** The columns an insert writes (the others start null). */
export const NEW_TOKEN_COLUMNS = ['hash', 'kind', 'grantId', 'clientId', 'userId', 'scope', 'audience', 'cnfJkt', 'expiresAt', 'createdAt'] as const;
export const CODE_COLUMNS = [
  'hash', 'grantId', 'clientId', 'userId', 'redirectUri', 'scope', 'nonce', 'codeChallenge', 'codeChallengeMethod', 'dpopJkt', 'authTime', 'expiresAt', 'consumedAt',
] as const;
export const CLIENT_COLUMNS = [
  'id', 'name', 'type', 'tokenEndpointAuthMethod', 'redirectUris', 'postLogoutRedirectUris', 'grantTypes', 'scope', 'accessTokenFormat',
  'idTokenSignedResponseAlg', 'accessTokenTtl', 'refreshTokenTtl', 'refreshTokenRotation', 'skipConsent', 'disabled', 'logoUri', 'clientUri',
  'policyUri', 'tosUri', 'backchannelLogoutUri', 'verified', 'scopeDescriptions', 'expiresAt', 'responseTypes', 'jwks', 'jwksUri',
  'tokenEndpointAuthSigningAlg', 'requestObjectSigningAlg', 'requirePushedAuthorizationRequests', 'dpopBoundAccessTokens', 'subjectType',
  'sectorIdentifierUri', 'frontchannelLogoutUri', 'frontchannelLogoutSessionRequired',
] as const;

export const USER_COLUMNS = [
  'id', 'email', 'name', 'emailVerified', 'phoneNumber', 'address', 'locale', 'givenName', 'familyName', 'nickname', 'preferredUsername',
  'picture', 'website', 'gender', 'birthdate', 'zoneinfo', 'updatedAt',
] as const;
export const GRANT_COLUMNS = ['id', 'clientId', 'userId', 'scope', 'authTime', 'acr', 'amr', 'nonce', 'sid', 'resources', 'claims', 'revokedAt'] as const;

/** `"a", "b", …` for a SELECT list. */
export const quoted = (columns: readonly string[]) => columns.map((c) => `"${c}"`).join(', ');
/** `t."a" AS "t.a", …`: columns of a joined table, told apart by prefix (see `splitJoined`). */
export const prefixed = (alias: string, columns: readonly string[]) => columns.map((c) => `${alias}."${c}" AS "${alias}.${c}"`).join(', ');

/** The SELECT list of a token, code or other row joined with its grant (g) and user (u). */
export const joinedColumns = (alias: string, columns: readonly string[]) => [prefixed(alias, columns), prefixed('g', GRANT_COLUMNS), prefixed('u', USER_COLUMNS)].join(', ');
export const JOIN_GRANT_AND_USER = `LEFT JOIN "Grant" g ON g."id" = {alias}."grantId" LEFT JOIN "User" u ON u."id" = {alias}."userId"`;

/** Splits a joined row into its parts by prefix; a part whose key column is null is null (LEFT JOIN, no row). */
export function splitJoined(row: Record<string, unknown>): Record<string, Record<string, unknown>> {
  const parts: Record<string, Record<string, unknown>> = {};
  for (const [key, value] of Object.entries(row)) {
    const dot = key.indexOf('.');
    const part = (parts[key.slice(0, dot)] ??= {});
    part[key.slice(dot + 1)] = value;
  }
  return parts;
}
