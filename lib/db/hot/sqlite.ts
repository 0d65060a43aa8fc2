/**
 * The hot statements on SQLite, on the very connection Prisma's better-sqlite3 adapter uses.
 * A second connection could deadlock against a Prisma transaction waiting on the write lock, so
 * there is one connection, and better-sqlite3 runs each batch synchronously as one transaction.
 * While a Prisma interactive transaction is open on that connection (BEGIN … awaits … COMMIT),
 * a batch waits for the next event-loop turn rather than land inside someone else's transaction.
 *
 * Formats are Prisma's: DateTime as ISO text with "+00:00", Boolean as 0/1.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { CodeRecord, GrantRecord, NewToken, TokenRecord, UserRecord } from '../../oidc/ports.ts';
import { utcDay } from '../activity.ts';
import {
  CLIENT_COLUMNS, CODE_COLUMNS, GRANT_COLUMNS, JOIN_GRANT_AND_USER, NEW_TOKEN_COLUMNS, TOKEN_COLUMNS, USER_COLUMNS, joinedColumns, quoted,
  splitJoined, type ClientRow, type HotStore,
} from './hot-store.ts';

type Row = Record<string, unknown>;

const toText = (d: Date) => d.toISOString().replace('Z', '+00:00');
const toDate = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

export function sqliteHotStore(connection: BetterSqlite3.Database): HotStore {
  const prepare = (sql: string) => connection.prepare(sql).safeIntegers(false);
  const statements = {
    insertToken: prepare(`INSERT INTO "Token" (${quoted(NEW_TOKEN_COLUMNS)}) VALUES (${NEW_TOKEN_COLUMNS.map(() => '?').join(', ')})`),
    countActivity: prepare(`INSERT INTO "ClientActivity" ("clientId", "day", "signIns", "tokens", "lastUsedAt") VALUES (?, ?, ?, ?, ?)
      ON CONFLICT ("clientId", "day") DO UPDATE SET "signIns" = "ClientActivity"."signIns" + excluded."signIns",
      "tokens" = "ClientActivity"."tokens" + excluded."tokens", "lastUsedAt" = excluded."lastUsedAt"`),
    findToken: prepare(`SELECT ${quoted(TOKEN_COLUMNS)} FROM "Token" WHERE "hash" = ?`),
    findTokenInContext: prepare(`SELECT ${joinedColumns('t', TOKEN_COLUMNS)} FROM "Token" t ${JOIN_GRANT_AND_USER.replace(/\{alias\}/g, 't')} WHERE t."hash" = ?`),
    spendToken: prepare(`UPDATE "Token" SET "consumedAt" = ? WHERE "hash" = ? AND "kind" = 'refresh' AND "consumedAt" IS NULL AND "revokedAt" IS NULL`),
    findCode: prepare(`SELECT ${quoted(CODE_COLUMNS)} FROM "AuthorizationCode" WHERE "hash" = ?`),
    claimCode: prepare(`UPDATE "AuthorizationCode" SET "consumedAt" = ? WHERE "hash" = ? AND "consumedAt" IS NULL RETURNING ${quoted(CODE_COLUMNS)}`),
    findClient: prepare(`SELECT ${quoted(CLIENT_COLUMNS)} FROM "Client" WHERE "id" = ?`),
    findSecrets: prepare(`SELECT "hash", "expiresAt", "revokedAt" FROM "ClientSecret" WHERE "clientId" = ?`),
    findApiAccess: prepare(`SELECT "approvedScope" FROM "ApiAccess" WHERE "clientId" = ?`),
    cacheVersion: prepare(`SELECT "version" FROM "CacheVersion" WHERE "name" = ?`),
    findUser: prepare(`SELECT ${quoted(USER_COLUMNS)} FROM "User" WHERE "id" = ?`),
    findGrant: prepare(`SELECT ${quoted(GRANT_COLUMNS)} FROM "Grant" WHERE "id" = ?`),
  };

  /** Runs `work` once no Prisma transaction holds the connection (re-checked each turn, then each ms). */
  const outsideTransactions = <T>(work: () => T): Promise<T> =>
    new Promise((resolve, reject) => {
      let tries = 0;
      const attempt = () => {
        if (connection.inTransaction) return void (++tries < 10 ? setImmediate(attempt) : setTimeout(attempt, 1));
        try {
          resolve(work());
        } catch (err) {
          reject(err);
        }
      };
      attempt();
    });

  const version = (name: string) => ((statements.cacheVersion.get(name) as Row | undefined)?.version as number | undefined) ?? 0;
  const insertToken = (t: NewToken) =>
    statements.insertToken.run(t.hash, t.kind, t.grantId, t.clientId, t.userId, t.scope, t.audience, t.cnfJkt ?? null, toText(t.expiresAt), toText(t.createdAt));
  const insertTokens = connection.transaction((tokens: NewToken[]) => tokens.forEach(insertToken));
  const spendAndInsert = connection.transaction((spendings: Parameters<HotStore['spendAndInsert']>[0], at: string) =>
    spendings.flatMap(({ spent, tokens }) => {
      if (statements.spendToken.run(at, spent).changes !== 1) return [];
      tokens.forEach(insertToken);
      return [spent];
    }),
  );
  const countActivity = connection.transaction((increments: Parameters<HotStore['countActivity']>[0]) => {
    for (const i of increments) statements.countActivity.run(i.clientId, utcDay(i.at), i.signIns, i.tokens, toText(i.at));
  });
  const claimCodes = connection.transaction((hashes: string[], at: string) =>
    hashes.flatMap((hash) => {
      const row = statements.claimCode.get(at, hash) as Row | undefined;
      if (!row) return [];
      const code = toCodeRecord(row);
      const grant = statements.findGrant.get(code.grantId) as Row | undefined;
      const user = statements.findUser.get(code.userId) as Row | undefined;
      return [{ code, grant: grant ? toGrantRecord(grant) : null, user: user ? toUserRecord(user) : null }];
    }),
  );

  return {
    insertTokens: (tokens) => outsideTransactions(() => insertTokens(tokens)),
    countActivity: (increments) => outsideTransactions(() => countActivity(increments)),
    spendAndInsert: (spendings, at) => outsideTransactions(() => spendAndInsert(spendings, toText(at))),
    // With the clients counter read first, in the same synchronous call (see TokenLookup).
    findTokens: (hashes) =>
      outsideTransactions(() => ({ clientsVersion: version('clients'), rows: hashes.flatMap((h) => rows(statements.findToken, h).map(toTokenRecord)) })),
    findTokensInContext: (hashes) =>
      outsideTransactions(() => ({
        clientsVersion: version('clients'),
        rows: hashes.flatMap((h) =>
          rows(statements.findTokenInContext, h).map((row) => {
            const { t, g, u } = splitJoined(row);
            return { token: toTokenRecord(t!), grant: g?.id == null ? null : toGrantRecord(g), user: u?.id == null ? null : toUserRecord(u) };
          }),
        ),
      })),
    findCodes: (hashes) => outsideTransactions(() => hashes.flatMap((h) => rows(statements.findCode, h).map(toCodeRecord))),
    claimCodes: (hashes, at) => outsideTransactions(() => claimCodes(hashes, toText(at))),
    findClient: (id) =>
      outsideTransactions(() => {
        const row = statements.findClient.get(id) as Row | undefined;
        return row ? toClientRow(row, statements.findSecrets.all(id) as Row[], statements.findApiAccess.all(id) as Row[]) : null;
      }),
    findUsers: (ids) => outsideTransactions(() => ids.flatMap((id) => rows(statements.findUser, id).map(toUserRecord))),
    findGrants: (ids) => outsideTransactions(() => ids.flatMap((id) => rows(statements.findGrant, id).map(toGrantRecord))),
    cacheVersion: (name) => outsideTransactions(() => version(name)),
    close: async () => {},
  };
}

const rows = (statement: BetterSqlite3.Statement, key: string) => statement.all(key) as Row[];

function toTokenRecord(r: Row): TokenRecord {
  return {
    ...(r as unknown as TokenRecord),
    expiresAt: toDate(r.expiresAt)!,
    createdAt: toDate(r.createdAt)!,
    consumedAt: toDate(r.consumedAt),
    revokedAt: toDate(r.revokedAt),
  };
}

function toCodeRecord(r: Row): CodeRecord {
  return { ...(r as unknown as CodeRecord), expiresAt: toDate(r.expiresAt)!, consumedAt: toDate(r.consumedAt) };
}

function toUserRecord(r: Row): UserRecord {
  return { ...(r as unknown as UserRecord), emailVerified: r.emailVerified === 1, updatedAt: toDate(r.updatedAt)! };
}

function toGrantRecord(r: Row): GrantRecord {
  return { ...(r as unknown as GrantRecord), revokedAt: toDate(r.revokedAt) };
}

function toClientRow(r: Row, secrets: Row[], apiAccess: Row[]): ClientRow {
  return {
    ...(r as unknown as ClientRow),
    refreshTokenRotation: r.refreshTokenRotation === 1,
    skipConsent: r.skipConsent === 1,
    disabled: r.disabled === 1,
    verified: r.verified === 1,
    requirePushedAuthorizationRequests: r.requirePushedAuthorizationRequests === 1,
    dpopBoundAccessTokens: r.dpopBoundAccessTokens === 1,
    frontchannelLogoutSessionRequired: r.frontchannelLogoutSessionRequired === 1,
    expiresAt: toDate(r.expiresAt),
    secrets: secrets.map((s) => ({ hash: s.hash as string, expiresAt: toDate(s.expiresAt), revokedAt: toDate(s.revokedAt) })),
    approvedApiScopes: apiAccess.map((a) => a.approvedScope as string),
  };
}
