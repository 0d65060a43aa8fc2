/**
 * What never reaches a log line. Every object and message the logger writes passes through here:
 * - by key, at any depth: Authorization, Cookie, Set-Cookie, and anything named like a secret
 *   (`*token`, `*secret`, `*password`, `*assertion`, `*_key`, `code`, `code_verifier`, …) —
 *   the value becomes "[redacted]" whatever it is;
 * - by shape, in any string: Portico's own secrets (`at_`, `rt_`, `ac_`, `cs_`, `rat_`, `pat_`,
 *   `inv_`, `evt_` … + 256 random bits, see lib/oidc/tokens.ts), JWTs, and `Bearer`/`Basic`
 *   credentials — so a secret in a path (/invitations/inv_…) or an error message is caught too;
 * - binary data (a request body in a Buffer) is logged as its length only.
 * Errors become { type, message, stack, cause, own fields }, redacted the same way.
 */

export const REDACTED = '[redacted]';

const SECRET_KEY_SUFFIX =
  /(token|secret|password|passwd|passphrase|cookie|authorization|assertion|credentials?|api[-_]?key|private[-_]?key|privatejwk|code[-_]?verifier)$/i;
const SECRET_KEYS = new Set(['code', 'otp', 'totp', 'recovery_code', 'recoverycode', 'user_code', 'device_code', 'jwt']);

// A type prefix and 43 base64url characters: 256 random bits as lib/oidc/tokens.ts mints them.
const PREFIXED_SECRET = /\b([a-z]{2,4}_)[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g;
const JWT = /\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
const AUTH_SCHEME = /\b(Bearer|Basic|DPoP)\s+[A-Za-z0-9._~+/=-]+/gi;
const MAX_DEPTH = 8;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY_SUFFIX.test(key) || SECRET_KEYS.has(key.toLowerCase());
}

export function redactString(value: string): string {
  if (!value.includes('_') && !value.includes('eyJ') && !/bearer|basic|dpop/i.test(value)) return value;
  return value
    .replace(AUTH_SCHEME, `$1 ${REDACTED}`)
    .replace(PREFIXED_SECRET, `$1${REDACTED}`)
    .replace(JWT, REDACTED);
}

/** A copy of `value` that is safe to log. */
export function redact(value: unknown): unknown {
  return walk(value, 0, new WeakSet());
}

function walk(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return redactString(value);
  if (value === null || typeof value !== 'object') return value;
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `[${value.byteLength} bytes]`;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  try {
    return walkObject(value, depth, seen);
  } finally {
    seen.delete(value);
  }
}

function walkObject(value: object, depth: number, seen: WeakSet<object>): unknown {
  if (Array.isArray(value)) return value.map((v) => walk(v, depth + 1, seen));
  if (value instanceof Error) return walkEntries(Object.entries(errorFields(value)), depth, seen);
  if (value instanceof Map || value instanceof Headers) return walkEntries([...value.entries()].map(([k, v]) => [String(k), v]), depth, seen);
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return walk(toJSON.call(value), depth + 1, seen);
  return walkEntries(Object.entries(value), depth, seen);
}

function walkEntries(entries: [string, unknown][], depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of entries) out[key] = isSecretKey(key) ? REDACTED : walk(v, depth + 1, seen);
  return out;
}

function errorFields(err: Error): Record<string, unknown> {
  return {
    type: err.constructor?.name ?? err.name,
    message: err.message,
    stack: err.stack,
    ...(err.cause !== undefined ? { cause: err.cause } : {}),
    ...Object.fromEntries(Object.entries(err)),
  };
}
