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
import type { CodeRecord, GrantRecord, NewToken, TokenRecord, UserRecord } from '../../oidc/ports.ts';
import type { CacheName } from '../cache-version.ts';

/** A Client row and its secrets, as Prisma returns them (booleans as booleans, dates as Dates). */
export type ClientRow = {
  id: string; name: string; type: string; tokenEndpointAuthMethod: string; redirectUris: string; postLogoutRedirectUris: string;
  grantTypes: string; scope: string; accessTokenFormat: string; idTokenSignedResponseAlg: string; accessTokenTtl: number;
  refreshTokenTtl: number; refreshTokenRotation: boolean; skipConsent: boolean; disabled: boolean;
  logoUri: string | null; clientUri: string | null; policyUri: string | null; tosUri: string | null;
  backchannelLogoutUri: string | null; verified: boolean; scopeDescriptions: string | null; expiresAt: Date | null;
  secrets: { hash: string; expiresAt: Date | null; revokedAt: Date | null }[];
  /** approvedScope of each of the client's ApiAccess rows. */
  approvedApiScopes: string[];
};

export interface HotStore {
  /** Stores the tokens, in one transaction. */
  insertTokens(tokens: NewToken[]): Promise<void>;
  /** Adds to the per-app daily counters (ClientActivity). */
  countActivity(increments: ActivityIncrement[]): Promise<void>;
  findTokens(hashes: string[]): Promise<TokenRecord[]>;
  /** Marks unused, unrevoked tokens used at `at`; returns the hashes it marked (the single-use check). */
  claimTokens(hashes: string[], at: Date): Promise<string[]>;
  findCodes(hashes: string[]): Promise<CodeRecord[]>;
  /** Marks unused codes used at `at`; returns the codes it marked, as they are now. */
  claimCodes(hashes: string[], at: Date): Promise<CodeRecord[]>;
  findClient(id: string): Promise<ClientRow | null>;
  /** The claims-bearing fields of users (ID tokens, userinfo). */
  findUsers(ids: string[]): Promise<UserRecord[]>;
  findGrants(ids: string[]): Promise<GrantRecord[]>;
  cacheVersion(name: CacheName): Promise<number>;
  close(): Promise<void>;
}

export const TOKEN_COLUMNS = ['hash', 'kind', 'grantId', 'clientId', 'userId', 'scope', 'audience', 'expiresAt', 'createdAt', 'consumedAt', 'revokedAt'] as const;
export const CODE_COLUMNS = [
  'hash', 'grantId', 'clientId', 'userId', 'redirectUri', 'scope', 'nonce', 'codeChallenge', 'codeChallengeMethod', 'authTime', 'expiresAt', 'consumedAt',
] as const;
export const CLIENT_COLUMNS = [
  'id', 'name', 'type', 'tokenEndpointAuthMethod', 'redirectUris', 'postLogoutRedirectUris', 'grantTypes', 'scope', 'accessTokenFormat',
  'idTokenSignedResponseAlg', 'accessTokenTtl', 'refreshTokenTtl', 'refreshTokenRotation', 'skipConsent', 'disabled', 'logoUri', 'clientUri',
  'policyUri', 'tosUri', 'backchannelLogoutUri', 'verified', 'scopeDescriptions', 'expiresAt',
] as const;

export const USER_COLUMNS = ['id', 'email', 'name', 'emailVerified', 'phoneNumber', 'address', 'locale', 'updatedAt'] as const;
export const GRANT_COLUMNS = ['id', 'clientId', 'userId', 'scope', 'authTime', 'acr', 'amr', 'nonce', 'sid', 'resources', 'revokedAt'] as const;

/** `"a", "b", …` for a SELECT list. */
export const quoted = (columns: readonly string[]) => columns.map((c) => `"${c}"`).join(', ');
