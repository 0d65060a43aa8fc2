/** What the measurements need from a server under test, and helpers shared by both servers. */
import { createHash, randomBytes } from 'node:crypto';

export const REDIRECT_URI = 'https://rp.example.com/callback';
export const USER_SCOPE = 'openid profile email offline_access';
export const SERVICE_SCOPE = 'reports:read';
/** (f): an API (RFC 8707 resource) taking RFC 9068 JWT access tokens, and its scope. */
export const API_RESOURCE = 'https://api.bench.example/';
export const API_SCOPE = 'bench:read';

/** Codes for the authorization-code measurement: each `take()` hands out a distinct, unused code. */
export type CodePool = {
  take(): string | undefined;
  /** How many codes this pool will hand out in all. */
  readonly total: number;
  /** Times `take()` found nothing ready (should stay 0). */
  readonly underruns: number;
  describe: string;
  /** Codes made per second beforehand (they then age: codes live 60 s). */
  madePerSecond: number;
  /** Where these codes must be exchanged, when not at the target's own base. */
  base?: string;
  close(): void;
};

export type Target = {
  label: string;
  /** Where load is sent (127.0.0.1, never a name). */
  base: string;
  issuer: string;
  paths: { token: string; introspect: string; userinfo: string };
  /** Authorization header of the client used for client_credentials. */
  serviceAuth: string;
  /** Authorization header of the confidential web client (code, refresh, introspection). */
  webAuth: string;
  pkce: { verifier: string; challenge: string };
  /**
   * A new access token with the openid scope, from a real code exchange. Taken right before the
   * introspection and userinfo runs: oidc-provider's in-memory LRU store evicts an old token.
   */
  freshAccessToken(): Promise<string>;
  /** Mints `n` codes ready for exchange; `budgetMs` bounds how long a server may take to make them. */
  codes(n: number, budgetMs: number): Promise<CodePool>;
  /** The processes serving requests right now, whose CPU time is measured (bench/cpu.ts). */
  servingPids(): number[];
  /** Said of the refresh measurement when it ran somewhere special. */
  statefulNote?: string;
  /** Called once the code-exchange and refresh measurements are over. */
  statefulDone?(): Promise<void>;
  /**
   * `n` refresh tokens, each from its own code exchange: the heads of `n` independent chains, to be
   * used at `base` when given (else the target's own).
   */
  refreshTokens(n: number): Promise<{ tokens: string[]; base?: string }>;
  notes: string[];
  /** Why requests failed since the last call, when the server can tell more than its responses do. */
  diagnose?(): Promise<string | null>;
  stop(): Promise<void>;
};

export function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;
}

export function makePkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export const FORM = 'application/x-www-form-urlencoded';

export function codeExchangeBody(code: string, verifier: string): string {
  return new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier }).toString();
}

export function refreshBody(refreshToken: string): string {
  return new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }).toString();
}

export type TokenSet = { access_token: string; refresh_token?: string; id_token?: string; token_type: string; expires_in: number; scope?: string };

/** One code exchange over HTTP, checked: a 200 with an access, refresh and ID token. */
export async function exchangeCode(t: Pick<Target, 'base' | 'paths' | 'webAuth' | 'pkce'>, code: string): Promise<TokenSet> {
  const res = await fetch(t.base + t.paths.token, {
    method: 'POST',
    headers: { authorization: t.webAuth, 'content-type': FORM },
    body: codeExchangeBody(code, t.pkce.verifier),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`code exchange answered ${res.status}: ${text.slice(0, 300)}`);
  const body = JSON.parse(text) as TokenSet;
  if (!body.access_token || !body.refresh_token || !body.id_token) throw new Error(`code exchange lacks a token: ${text.slice(0, 300)}`);
  return body;
}

/** Runs `fn` over `items` with at most `concurrency` at once, in order of completion. */
export async function pool<T, R>(items: T[], concurrency: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

/** A pool over codes made beforehand. */
export function preparedPool(codes: string[], describe: string, madePerSecond: number, base?: string): CodePool {
  let i = 0;
  let underruns = 0;
  return {
    take() {
      if (i < codes.length) return codes[i++];
      underruns++;
      return undefined;
    },
    total: codes.length,
    get underruns() {
      return underruns;
    },
    describe,
    madePerSecond,
    ...(base ? { base } : {}),
    close() {},
  };
}
