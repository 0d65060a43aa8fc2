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
import {
  CLIENT_COLUMNS, CODE_COLUMNS, GRANT_COLUMNS, JOIN_GRANT_AND_USER, NEW_TOKEN_COLUMNS, USER_COLUMNS, joinedColumns, quoted, splitJoined,
  TOKEN_COLUMNS, type ClientRow, type HotStore,
} from './hot-store.ts';

const TIMESTAMP_OID = 1114;
const POOL_SIZE = 4;

const asUtc = (value: string) => new Date(`${value.replace(' ', 'T')}Z`);
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMP_OID ? asUtc : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

const NEW_TOKEN_TYPES = ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'timestamp(3)', 'timestamp(3)'];
const unnestNewTokens = (from: number) => NEW_TOKEN_TYPES.map((t, i) => `$${from + i}::${t}[]`).join(', ');

const CLIENTS_VERSION = `(SELECT "version" FROM "CacheVersion" WHERE "name" = 'clients') AS "clientsVersion"`;
const TOKENS_BY_HASH = `FROM unnest($1::text[]) AS k("hash") LEFT JOIN "Token" t ON t."hash" = k."hash"`;

const SQL = {
  insertTokens: `INSERT INTO "Token" (${quoted(NEW_TOKEN_COLUMNS)}) SELECT * FROM unnest(${unnestNewTokens(1)})`,
  // One statement, one commit: spend the refresh tokens still unspent, and store the new tokens of
  // those only ($11: for each new token, the refresh token it replaces).
  spendAndInsert: `WITH spent AS (
      UPDATE "Token" SET "consumedAt" = $12::timestamp(3)
      WHERE "hash" = ANY($11::text[]) AND "kind" = 'refresh' AND "consumedAt" IS NULL AND "revokedAt" IS NULL RETURNING "hash"
    ), inserted AS (
      INSERT INTO "Token" (${quoted(NEW_TOKEN_COLUMNS)})
      SELECT n."hash", n."kind", n."grantId", n."clientId", n."userId", n."scope", n."audience", n."cnfJkt", n."expiresAt", n."createdAt"
      FROM unnest(${unnestNewTokens(1)}, $11::text[]) AS n(${quoted(NEW_TOKEN_COLUMNS)}, "parent")
      WHERE n."parent" IN (SELECT "hash" FROM spent)
    )
    SELECT "hash" FROM spent`,
  countActivity: `INSERT INTO "ClientActivity" ("clientId", "day", "signIns", "tokens", "lastUsedAt")
    SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::timestamp(3)[])
    ON CONFLICT ("clientId", "day") DO UPDATE SET "signIns" = "ClientActivity"."signIns" + excluded."signIns",
    "tokens" = "ClientActivity"."tokens" + excluded."tokens", "lastUsedAt" = excluded."lastUsedAt"`,
  // One row per hash asked for (token columns null when there is none), each with the clients counter.
  findTokens: `SELECT ${CLIENTS_VERSION}, ${TOKEN_COLUMNS.map((c) => `t."${c}"`).join(', ')} ${TOKENS_BY_HASH}`,
  findTokensInContext: `SELECT ${CLIENTS_VERSION}, ${joinedColumns('t', TOKEN_COLUMNS)} ${TOKENS_BY_HASH} ${JOIN_GRANT_AND_USER.replace(/\{alias\}/g, 't')}`,
  findCodes: `SELECT ${quoted(CODE_COLUMNS)} FROM "AuthorizationCode" WHERE "hash" = ANY($1::text[])`,
  claimCodes: `WITH c AS (
      UPDATE "AuthorizationCode" SET "consumedAt" = $2::timestamp(3) WHERE "hash" = ANY($1::text[]) AND "consumedAt" IS NULL RETURNING ${quoted(CODE_COLUMNS)}
    )
    SELECT ${joinedColumns('c', CODE_COLUMNS)} FROM c ${JOIN_GRANT_AND_USER.replace(/\{alias\}/g, 'c')}`,
  findClient: `SELECT ${quoted(CLIENT_COLUMNS)} FROM "Client" WHERE "id" = $1`,
  findSecrets: `SELECT "hash", "expiresAt", "revokedAt" FROM "ClientSecret" WHERE "clientId" = $1`,
  findApiAccess: `SELECT "approvedScope" FROM "ApiAccess" WHERE "clientId" = $1`,
  cacheVersion: `SELECT "version" FROM "CacheVersion" WHERE "name" = $1`,
  findUsers: `SELECT ${quoted(USER_COLUMNS)} FROM "User" WHERE "id" = ANY($1::text[])`,
  findGrants: `SELECT ${quoted(GRANT_COLUMNS)} FROM "Grant" WHERE "id" = ANY($1::text[])`,
} as const;

type Row = Record<string, unknown>;
const clientsVersionOf = (rows: Row[]) => (rows.length ? Number(rows[0]!.clientsVersion ?? 0) : null);
const orNull = <T>(part: Row | undefined, key: string) => (part && part[key] !== null && part[key] !== undefined ? (part as T) : null);

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
      await query('insertTokens', newTokenArrays(tokens));
    },
    async spendAndInsert(spendings, at) {
      const tokens = spendings.flatMap((s) => s.tokens);
      const parents = spendings.flatMap((s) => s.tokens.map(() => s.spent));
      const rows = await query<{ hash: string }>('spendAndInsert', [...newTokenArrays(tokens), parents, at.toISOString()]);
      return rows.map((r) => r.hash);
    },
    async countActivity(increments) {
      await query('countActivity', [
        increments.map((i) => i.clientId), increments.map((i) => utcDay(i.at)), increments.map((i) => i.signIns),
        increments.map((i) => i.tokens), increments.map((i) => i.at.toISOString()),
      ]);
    },
    async findTokens(hashes) {
      const rows = await query<Row>('findTokens', [hashes]);
      return { clientsVersion: clientsVersionOf(rows), rows: rows.filter((r) => r.hash !== null).map(({ clientsVersion: _, ...token }) => token as TokenRecord) };
    },
    async findTokensInContext(hashes) {
      const rows = await query<Row>('findTokensInContext', [hashes]);
      return {
        clientsVersion: clientsVersionOf(rows),
        rows: rows
          .filter((r) => r['t.hash'] !== null)
          .map(({ clientsVersion: _, ...row }) => {
            const { t, g, u } = splitJoined(row);
            return { token: t as TokenRecord, grant: orNull<GrantRecord>(g, 'id'), user: orNull<UserRecord>(u, 'id') };
          }),
      };
    },
    findCodes: (hashes) => query<CodeRecord>('findCodes', [hashes]),
    claimCodes: async (hashes, at) =>
      (await query<Row>('claimCodes', [hashes, at.toISOString()])).map((row) => {
        const { c, g, u } = splitJoined(row);
        return { code: c as CodeRecord, grant: orNull<GrantRecord>(g, 'id'), user: orNull<UserRecord>(u, 'id') };
      }),
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

function newTokenArrays(tokens: Parameters<HotStore['insertTokens']>[0]): unknown[] {
  const column = <K extends keyof (typeof tokens)[number]>(k: K) => tokens.map((t) => t[k] ?? null);
  return [
    column('hash'), column('kind'), column('grantId'), column('clientId'), column('userId'), column('scope'), column('audience'), column('cnfJkt'),
    tokens.map((t) => t.expiresAt.toISOString()), tokens.map((t) => t.createdAt.toISOString()),
  ];
}
