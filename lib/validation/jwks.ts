/**
 * A client's public keys registered by value: RFC 7591 §2 `jwks`, a JWK Set (RFC 7517 §5). Portico
 * verifies the client's private_key_jwt assertions (RFC 7523 §2.2) — and later its request
 * objects — with them, so it accepts only what is plainly a set of public keys:
 * - a JSON object (or its text, from a form or the CLI) with a "keys" array of 1–10 keys, at most
 *   16 KB as JSON;
 * - kty RSA (n and e; a modulus of at least 2048 bits, RFC 7518 §3.3), EC (crv P-256, P-384 or
 *   P-521 with x and y of the curve's length, §6.2.1) or OKP (crv Ed25519, Ed448, X25519 or X448
 *   with x, RFC 8037 §2). Never "oct": a symmetric key is a shared secret (§6.4);
 * - no private key member (RFC 7518 §6.2.2 d; §6.3.2 d, p, q, dp, dq, qi, oth; RFC 8037 §2 d). A
 *   private key sent here is refused, not stripped, so its owner learns that it has been exposed
 *   and replaces it;
 * - use, when present, "sig" or "enc" (RFC 7517 §4.2); alg, when present, an algorithm the key can
 *   serve (jwk-fit.ts) — a JWS algorithm for signing keys, a JWE key-management one for "enc";
 * - kid, when present, a string that no other key in the set uses (RFC 7517 §4.5).
 * The check is plain TypeScript (the portal form runs it in the browser); the keys are imported
 * for real when a client assertion is verified.
 */
import { z } from 'zod';
import { CLIENT_JWS_ALGS, CURVE_BYTES, JWE_KEY_ALGS, canSign, keyEncrypts, keyVerifies } from './jwk-fit.ts';

export const JWKS_MAX_KEYS = 10;
export const JWKS_MAX_BYTES = 16 * 1024;
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth'];
const MIN_RSA_BYTES = 256;

export type JwkSet = { keys: Record<string, unknown>[] };

type Problem = { path: (string | number)[]; message: string };

/** Bytes encoded by a base64url string without padding, or null when it is not one. */
function base64urlBytes(value: unknown): number | null {
  if (typeof value !== 'string' || value === '' || !/^[A-Za-z0-9_-]+$/.test(value) || value.length % 4 === 1) return null;
  return Math.floor((value.length * 3) / 4);
}

function keyMaterialProblem(key: Record<string, unknown>): string | null {
  if (key.kty === 'RSA') {
    const n = base64urlBytes(key.n);
    if (n === null || base64urlBytes(key.e) === null) return 'an RSA key needs "n" and "e", base64url-encoded.';
    // A leading zero byte does not count towards the modulus length.
    return n < MIN_RSA_BYTES ? 'RSA keys must be at least 2048 bits long.' : null;
  }
  if (key.kty === 'EC' || key.kty === 'OKP') {
    const curves = CURVE_BYTES[key.kty]!;
    const size = typeof key.crv === 'string' ? curves[key.crv] : undefined;
    if (size === undefined) return `an ${key.kty} key needs "crv": ${Object.keys(curves).join(', ')}.`;
    if (base64urlBytes(key.x) !== size) return `"x" must be the ${size}-byte ${key.crv} coordinate, base64url-encoded.`;
    if (key.kty === 'EC' && base64urlBytes(key.y) !== size) return `"y" must be the ${size}-byte ${key.crv} coordinate, base64url-encoded.`;
    return null;
  }
  if (key.kty === 'oct') return 'symmetric ("oct") keys are shared secrets and cannot be registered; register public keys only.';
  return 'kty must be RSA, EC or OKP.';
}

function usageProblem(key: Record<string, unknown>): string | null {
  if (key.use !== undefined && key.use !== 'sig' && key.use !== 'enc') return 'use must be "sig" or "enc".';
  if (key.alg === undefined) return key.use === 'enc' || canSign(key) ? null : 'this curve cannot sign: mark the key "use": "enc".';
  if (typeof key.alg !== 'string') return 'alg must be a string.';
  const forEncryption = key.use === 'enc' || (key.use === undefined && (JWE_KEY_ALGS as readonly string[]).includes(key.alg));
  if (forEncryption) return keyEncrypts(key, key.alg) ? null : `alg ${key.alg} is not a key-management algorithm this key can serve (${JWE_KEY_ALGS.join(', ')}).`;
  if (!(CLIENT_JWS_ALGS as readonly string[]).includes(key.alg)) return `alg ${key.alg} is not supported; use one of ${CLIENT_JWS_ALGS.filter((a) => !a.startsWith('HS')).join(', ')}.`;
  return keyVerifies(key, key.alg) ? null : `alg ${key.alg} does not fit this ${String(key.kty)}${key.crv ? ` ${String(key.crv)}` : ''} key.`;
}

function keyProblem(key: unknown): string | null {
  if (!key || typeof key !== 'object' || Array.isArray(key)) return 'each key must be a JSON object (a JWK).';
  const jwk = key as Record<string, unknown>;
  const leaked = PRIVATE_MEMBERS.filter((m) => m in jwk);
  if (leaked.length) {
    return `this is a private key (it has ${leaked.map((m) => `"${m}"`).join(', ')}). Register only the public key, and replace this key pair: its private half has been exposed.`;
  }
  if (jwk.kid !== undefined && (typeof jwk.kid !== 'string' || jwk.kid === '')) return 'kid must be a non-empty string.';
  return keyMaterialProblem(jwk) ?? usageProblem(jwk);
}

/** Every problem of a JWK Set, with paths under the field ("keys", index). */
export function jwkSetProblems(value: unknown): Problem[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [{ path: [], message: 'jwks must be a JWK Set: a JSON object with a "keys" array.' }];
  const keys = (value as { keys?: unknown }).keys;
  if (!Array.isArray(keys)) return [{ path: [], message: 'jwks must be a JWK Set: a JSON object with a "keys" array.' }];
  if (keys.length === 0) return [{ path: ['keys'], message: 'Add at least one public key, or remove jwks.' }];
  if (keys.length > JWKS_MAX_KEYS) return [{ path: ['keys'], message: `Register at most ${JWKS_MAX_KEYS} keys.` }];
  if (JSON.stringify(value).length > JWKS_MAX_BYTES) return [{ path: [], message: `jwks is at most ${JWKS_MAX_BYTES / 1024} KB as JSON; publish larger sets at a jwks_uri.` }];
  const problems: Problem[] = [];
  const kids = new Set<string>();
  keys.forEach((key, index) => {
    const problem = keyProblem(key);
    if (problem) problems.push({ path: ['keys', index], message: `Key ${index + 1}: ${problem}` });
    const kid = (key as { kid?: unknown } | null)?.kid;
    if (typeof kid === 'string' && kid !== '') {
      if (kids.has(kid)) problems.push({ path: ['keys', index], message: `Key ${index + 1}: kid "${kid}" is used by another key; each key needs its own kid.` });
      kids.add(kid);
    }
  });
  return problems;
}

/** Text from a form or the CLI → the JSON value; an empty text means "no keys" (null). */
function parseText(value: unknown, ctx: z.RefinementCtx): unknown {
  if (typeof value !== 'string') return value;
  if (value.trim() === '') return null;
  try {
    return JSON.parse(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'jwks is not valid JSON: paste the whole JWK Set, {"keys": [ … ]}.' });
    return z.NEVER;
  }
}

/** jwks as a form, the CLI or an API body gives it → a checked JWK Set, or null to remove it. */
export const jwksField = z
  .union([z.string(), z.record(z.string(), z.unknown())], { error: 'jwks must be a JWK Set: a JSON object with a "keys" array.' })
  .nullable()
  .transform((value, ctx): JwkSet | null => {
    const parsed = parseText(value, ctx);
    if (parsed === null) return null;
    const problems = jwkSetProblems(parsed);
    for (const problem of problems) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
    return problems.length ? z.NEVER : { keys: (parsed as JwkSet).keys };
  });
