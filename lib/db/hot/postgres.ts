/**
 * The hot statements on PostgreSQL: a small pool of its own beside Prisma's, named prepared
 * statements (parsed and planned once per connection), and array parameters, so one statement
 * and one plan serve every batch size (`= ANY($1)`, `unnest`).
 *
 * Formats are Prisma's: DateTime columns are `timestamp(3)` holding UTC, so values go in as ISO
 * strings (the zone is ignored by the cast) and come out read as UTC whatever the server's zone.
 */
import pg from 'pg';
import type { CodeRecord, GrantRecord, TokenRecord, UserRecord } from '../../oidc/ports.ts';
import { utcDay } from '../activity.ts';
import { postgresSchema } from '../client.ts';
import { CLIENT_COLUMNS, CODE_COLUMNS, GRANT_COLUMNS, TOKEN_COLUMNS, USER_COLUMNS, quoted, type ClientRow, type HotStore } from './hot-store.ts';

const TIMESTAMP_OID = 1114;
const POOL_SIZE = 4;

const asUtc = (value: string) => new Date(`${value.replace(' ', 'T')}Z`);
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMP_OID ? asUtc : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

const SQL = {
  insertTokens: `INSERT INTO "Token" ("hash", "kind", "grantId", "clientId", "userId", "scope", "audience", "expiresAt", "createdAt")
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamp(3)[], $9::timestamp(3)[])`,
  countActivity: `INSERT INTO "ClientActivity" ("clientId", "day", "signIns", "tokens", "lastUsedAt")
    SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::timestamp(3)[])
    ON CONFLICT ("clientId", "day") DO UPDATE SET "signIns" = "ClientActivity"."signIns" + excluded."signIns",
    "tokens" = "ClientActivity"."tokens" + excluded."tokens", "lastUsedAt" = excluded."lastUsedAt"`,
  findTokens: `SELECT ${quoted(TOKEN_COLUMNS)} FROM "Token" WHERE "hash" = ANY($1::text[])`,
  claimTokens: `UPDATE "Token" SET "consumedAt" = $2::timestamp(3) WHERE "hash" = ANY($1::text[]) AND "consumedAt" IS NULL AND "revokedAt" IS NULL RETURNING "hash"`,
  findCodes: `SELECT ${quoted(CODE_COLUMNS)} FROM "AuthorizationCode" WHERE "hash" = ANY($1::text[])`,
  claimCodes: `UPDATE "AuthorizationCode" SET "consumedAt" = $2::timestamp(3) WHERE "hash" = ANY($1::text[]) AND "consumedAt" IS NULL RETURNING ${quoted(CODE_COLUMNS)}`,
  findClient: `SELECT ${quoted(CLIENT_COLUMNS)} FROM "Client" WHERE "id" = $1`,
  findSecrets: `SELECT "hash", "expiresAt", "revokedAt" FROM "ClientSecret" WHERE "clientId" = $1`,
  findApiAccess: `SELECT "approvedScope" FROM "ApiAccess" WHERE "clientId" = $1`,
  cacheVersion: `SELECT "version" FROM "CacheVersion" WHERE "name" = $1`,
  findUsers: `SELECT ${quoted(USER_COLUMNS)} FROM "User" WHERE "id" = ANY($1::text[])`,
  findGrants: `SELECT ${quoted(GRANT_COLUMNS)} FROM "Grant" WHERE "id" = ANY($1::text[])`,
} as const;

export function postgresHotStore(databaseUrl: string): HotStore {
  const schema = postgresSchema(databaseUrl);
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: POOL_SIZE,
    allowExitOnIdle: true,
    types,
    ...(schema ? { options: `-c search_path="${schema.replace(/"/g, '""')}"` } : {}),
  });
  pool.on('error', () => {}); // an idle connection that drops is replaced on next use; queries report their own errors
  const query = async <R extends pg.QueryResultRow>(name: keyof typeof SQL, values: unknown[]) =>
    (await pool.query<R>({ name: `portico_${name}`, text: SQL[name], values })).rows;

  return {
    async insertTokens(tokens) {
      const column = <K extends keyof (typeof tokens)[number]>(k: K) => tokens.map((t) => t[k]);
      await query('insertTokens', [
        column('hash'), column('kind'), column('grantId'), column('clientId'), column('userId'), column('scope'), column('audience'),
        tokens.map((t) => t.expiresAt.toISOString()), tokens.map((t) => t.createdAt.toISOString()),
      ]);
    },
    async countActivity(increments) {
      await query('countActivity', [
        increments.map((i) => i.clientId), increments.map((i) => utcDay(i.at)), increments.map((i) => i.signIns),
        increments.map((i) => i.tokens), increments.map((i) => i.at.toISOString()),
      ]);
    },
    findTokens: (hashes) => query<TokenRecord>('findTokens', [hashes]),
    claimTokens: async (hashes, at) => (await query<{ hash: string }>('claimTokens', [hashes, at.toISOString()])).map((r) => r.hash),
    findCodes: (hashes) => query<CodeRecord>('findCodes', [hashes]),
    claimCodes: (hashes, at) => query<CodeRecord>('claimCodes', [hashes, at.toISOString()]),
    async findClient(id) {
      const [row] = await query<Omit<ClientRow, 'secrets' | 'approvedApiScopes'>>('findClient', [id]);
      if (!row) return null;
      const [secrets, access] = await Promise.all([
        query<ClientRow['secrets'][number]>('findSecrets', [id]),
        query<{ approvedScope: string }>('findApiAccess', [id]),
      ]);
      return { ...row, secrets, approvedApiScopes: access.map((a) => a.approvedScope) };
    },
    findUsers: (ids) => query<UserRecord>('findUsers', [ids]),
    findGrants: (ids) => query<GrantRecord>('findGrants', [ids]),
    cacheVersion: async (name) => (await query<{ version: number }>('cacheVersion', [name]))[0]?.version ?? 0,
    close: () => pool.end(),
  };
}
