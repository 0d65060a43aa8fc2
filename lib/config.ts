/**
 * Configuration: every environment variable Portico reads, validated once at start with zod.
 * .env.example documents each one. Nothing else reads process.env.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORTICO_ISSUER: z
    .url({ protocol: /^https?$/, message: 'PORTICO_ISSUER must be an absolute http(s) URL such as https://id.example.com' })
    .refine((v) => !v.includes('?') && !v.includes('#'), 'PORTICO_ISSUER must not have a query or fragment (OIDC Discovery §3)')
    .optional(),
  PORTICO_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .refine((v) => /^(file:|postgres(ql)?:\/\/)/.test(v), 'DATABASE_URL must start with file: (SQLite) or postgres:// / postgresql://')
    .optional(),
  PORTICO_SECRET: z
    .string()
    .min(32, 'PORTICO_SECRET must be at least 32 characters (use `openssl rand -base64 32`)')
    .optional(),
  PORTICO_ID_TOKEN_TTL: z.coerce.number().int().min(60).max(86_400).default(3600),
  PORTICO_REGISTRATION_TOKEN: z
    .string()
    .min(32, 'PORTICO_REGISTRATION_TOKEN must be at least 32 characters (use `openssl rand -base64 32`)')
    .optional(),
  PORTICO_CODE_TTL: z.coerce.number().int().min(10).max(600).default(60),
  PORTICO_SESSION_ABSOLUTE_TIMEOUT: z.coerce
    .number({ message: 'PORTICO_SESSION_ABSOLUTE_TIMEOUT must be a number of seconds, such as 2592000 (30 days)' })
    .int()
    .min(300, 'PORTICO_SESSION_ABSOLUTE_TIMEOUT must be at least 300 seconds (5 minutes)')
    .max(31_536_000, 'PORTICO_SESSION_ABSOLUTE_TIMEOUT must be at most 31536000 seconds (365 days)')
    .default(2_592_000),
  PORTICO_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  PORTICO_SMTP_URL: z
    .url({ protocol: /^smtps?$/, message: 'PORTICO_SMTP_URL must be an smtp:// or smtps:// URL such as smtp://user:password@mail.example.com:587' })
    .optional(),
  PORTICO_MAIL_FROM: z
    .string()
    .trim()
    .min(3, 'PORTICO_MAIL_FROM must be a sender address such as "Portico <no-reply@example.com>"')
    .refine((v) => /@/.test(v) && !/[\r\n]/.test(v), 'PORTICO_MAIL_FROM must be a sender address such as "Portico <no-reply@example.com>"')
    .optional(),
  PORTICO_REDIS_URL: z
    .url({ protocol: /^rediss?$/, message: 'PORTICO_REDIS_URL must be a redis:// or rediss:// URL such as redis://redis.internal:6379' })
    .optional(),
  PORTICO_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  PORTICO_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PORTICO_KEY_RELOAD_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  PORTICO_TOKEN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000_000).default(10_000),
  PORTICO_OUTBOUND_ALLOWED_HOSTS: z
    .string()
    .refine(
      (v) => hostList(v).every((entry) => HOST_PORT.test(entry)),
      'PORTICO_OUTBOUND_ALLOWED_HOSTS must be a comma-separated list of host:port pairs such as metadata.internal:443 or [fd00::5]:8443',
    )
    .optional(),
});

/** An exact host:port pair: a DNS name or IPv4 address, or an IPv6 address in brackets. */
const HOST_PORT = /^([a-z0-9.-]+|\[[0-9a-f:.]+\]):\d{1,5}$/i;
const hostList = (value: string) => value.split(',').map((v) => v.trim()).filter(Boolean);

export const MAX_ACCESS_TOKEN_TTL = 86_400;

export type Config = {
  port: number;
  host: string;
  issuer: string;
  dataDir: string;
  databaseUrl: string;
  /** Key material for encrypting private keys at rest and for the session cookie. */
  secret: string;
  sessionSecret: string;
  /** The initial access token for dynamic client registration (RFC 7591); undefined = registration off. */
  registrationToken: string | undefined;
  secureCookies: boolean;
  /**
   * The longest a browser session lasts, in seconds from sign-in, however active it is (OWASP
   * Session Management Cheat Sheet, absolute timeout); then the user signs in again. The idle
   * timeout is separate (lib/account/user-sessions.ts SESSION_MAX_AGE_S).
   */
  sessionAbsoluteTimeout: number;
  /** How many reverse proxies in front append to X-Forwarded-For (lib/server/client-ip.ts). */
  trustedProxies: number;
  /** Shared rate-limit counters across instances; undefined = counters in each instance's memory. */
  redisUrl: string | undefined;
  /** A second listener serving Prometheus metrics at /metrics; undefined = no metrics listener. */
  metricsPort: number | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /**
   * How often each instance reloads the signing keys. A rotated-in key is used for signing only
   * 2 × this after it is published, so every instance lists it in its JWKS first (lib/oidc/keys.ts).
   */
  keyReloadSeconds: number;
  /** Token requests per second per client, counted by each instance (lib/rate-limit/policies.ts). */
  tokenRateLimit: number;
  /**
   * host:port pairs that outbound requests to untrusted URLs (client ID metadata documents,
   * back-channel logout) may reach although they resolve to internal addresses
   * (lib/net/safe-fetch.ts); every other host is checked.
   */
  outboundAllowedHosts: string[];
  mail: {
    /** SMTP server for outgoing mail; undefined = write mail to <dataDir>/outbox.jsonl instead. */
    smtpUrl: string | undefined;
    from: string;
  };
  ttl: {
    idToken: number;
    code: number;
    interaction: number;
    /** The longest access token lifetime a client may have; a rotated signing key stays published this long. */
    maxAccessToken: number;
  };
};

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.PORTICO_DATA_DIR);
  const issuer = (e.PORTICO_ISSUER ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  const databaseUrl = e.DATABASE_URL ?? `file:${path.join(dataDir, 'portico.db')}`;
  const secret = e.PORTICO_SECRET ?? readOrCreateSecret(dataDir);
  return {
    port: e.PORT,
    host: e.HOST,
    issuer,
    dataDir,
    databaseUrl,
    secret,
    sessionSecret: `${secret}:session`,
    registrationToken: e.PORTICO_REGISTRATION_TOKEN,
    secureCookies: issuer.startsWith('https://'),
    sessionAbsoluteTimeout: e.PORTICO_SESSION_ABSOLUTE_TIMEOUT,
    trustedProxies: e.PORTICO_TRUSTED_PROXIES,
    redisUrl: e.PORTICO_REDIS_URL,
    metricsPort: e.PORTICO_METRICS_PORT,
    logLevel: e.PORTICO_LOG_LEVEL,
    keyReloadSeconds: e.PORTICO_KEY_RELOAD_SECONDS,
    tokenRateLimit: e.PORTICO_TOKEN_RATE_LIMIT,
    outboundAllowedHosts: hostList(e.PORTICO_OUTBOUND_ALLOWED_HOSTS ?? '').map((h) => h.toLowerCase()),
    mail: { smtpUrl: e.PORTICO_SMTP_URL, from: e.PORTICO_MAIL_FROM ?? `Portico <no-reply@${new URL(issuer).hostname}>` },
    ttl: {
      idToken: e.PORTICO_ID_TOKEN_TTL,
      maxAccessToken: MAX_ACCESS_TOKEN_TTL,
      code: e.PORTICO_CODE_TTL,
      interaction: 600,
    },
  };
}

/** First run without PORTICO_SECRET: generate one into the data directory, readable only by its owner. */
function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 }); // owner-only, like the files in it (lib/db/file-modes.ts)
  const secret = randomBytes(32).toString('base64url');
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (err) {
    // Another process (the CLI beside a starting server) created it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw err;
  }
}
