/**
 * Signing keys (RFC 7517 JWKS, RFC 7518 algorithms).
 * - One active key per algorithm (RS256, ES256, EdDSA), generated on first start, stored in the
 *   database with the private JWK sealed by lib/crypto/secret-box.ts (AES-256-GCM, key derived
 *   from PORTICO_SECRET by HKDF with purpose 'signing-key-encryption').
 * - Every JWT carries the `kid` of the key that signed it.
 * - Rotation adds new keys and retires the old ones; a retired key stays in the JWKS until every
 *   token it signed has expired (publishUntil), then it is pruned.
 * - Instances behind a load balancer reload the key set periodically, so a rotation made by the
 *   CLI or another instance is picked up without a restart.
 */
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type JWTPayload, type CryptoKey } from 'jose';
import { openSecret, sealSecret, SecretBoxError } from '../crypto/secret-box.ts';
import type { Clock, KeyRecord, KeyStore } from './ports.ts';
import { randomId } from './tokens.ts';

export const SIGNING_ALGS = ['RS256', 'ES256', 'EdDSA'] as const;
export type SigningAlg = (typeof SIGNING_ALGS)[number];

const RELOAD_MS = 60_000;

const KEY_PURPOSE = 'signing-key-encryption';

export function encryptPrivateJwk(jwk: JWK, secret: string): string {
  return sealSecret(JSON.stringify(jwk), secret, KEY_PURPOSE);
}

export function decryptPrivateJwk(sealed: string, secret: string): JWK {
  try {
    return JSON.parse(openSecret(sealed, secret, KEY_PURPOSE));
  } catch (err) {
    if (err instanceof SecretBoxError && err.reason === 'format') throw new Error('Unknown signing key encryption format.');
    throw new Error('Cannot decrypt the signing keys: PORTICO_SECRET differs from the one they were created with.');
  }
}

export async function generateSigningKey(alg: SigningAlg, secret: string, clock: Clock): Promise<KeyRecord> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true, ...(alg === 'EdDSA' ? { crv: 'Ed25519' } : {}) });
  const kid = randomId(12);
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg };
  return {
    kid,
    alg,
    publicJwk: JSON.stringify(publicJwk),
    privateJwkEncrypted: encryptPrivateJwk(privateJwk, secret),
    createdAt: clock(),
    retiredAt: null,
    publishUntil: null,
  };
}

type ActiveKey = { kid: string; alg: SigningAlg; key: CryptoKey | Uint8Array };

export class KeyRing {
  private active = new Map<SigningAlg, ActiveKey>();
  private jwks: { keys: JWK[] } = { keys: [] };
  private loadedAt = 0;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly store: KeyStore,
    private readonly secret: string,
    private readonly clock: Clock,
  ) {}

  /** Creates the first key of each algorithm if missing (first start). */
  async ensureKeys(): Promise<void> {
    const existing = await this.store.list();
    for (const alg of SIGNING_ALGS) {
      if (!existing.some((k) => k.alg === alg && !k.retiredAt)) await this.store.add(await generateSigningKey(alg, this.secret, this.clock));
    }
    await this.reload();
  }

  async rotate(retainSeconds: number): Promise<string[]> {
    const now = this.clock();
    const publishUntil = new Date(now.getTime() + retainSeconds * 1000);
    const old = (await this.store.list()).filter((k) => !k.retiredAt);
    const added: string[] = [];
    for (const alg of SIGNING_ALGS) {
      const key = await generateSigningKey(alg, this.secret, this.clock);
      await this.store.add(key);
      added.push(key.kid);
    }
    for (const k of old) await this.store.retire(k.kid, now, publishUntil);
    await this.store.prune(now);
    await this.reload();
    return added;
  }

  async sign(payload: JWTPayload, alg: SigningAlg, typ = 'JWT'): Promise<string> {
    await this.fresh();
    const key = this.active.get(alg);
    if (!key) throw new Error(`No active ${alg} signing key.`);
    return new SignJWT(payload).setProtectedHeader({ alg, kid: key.kid, typ }).sign(key.key);
  }

  async publicJwks(): Promise<{ keys: JWK[] }> {
    await this.fresh();
    return this.jwks;
  }

  /** The public key for `kid`, to verify our own tokens (id_token_hint, JWT access tokens). */
  async publicKey(kid: string): Promise<JWK | undefined> {
    await this.fresh();
    return this.jwks.keys.find((k) => k.kid === kid);
  }

  private async fresh(): Promise<void> {
    if (Date.now() - this.loadedAt < RELOAD_MS && this.active.size) return;
    await this.reload();
  }

  private async reload(): Promise<void> {
    this.loading ??= this.load().finally(() => (this.loading = null));
    return this.loading;
  }

  private async load(): Promise<void> {
    const now = this.clock();
    const records = await this.store.list();
    const active = new Map<SigningAlg, ActiveKey>();
    const keys: JWK[] = [];
    for (const r of records.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())) {
      if (r.publishUntil && r.publishUntil <= now) continue;
      keys.push(JSON.parse(r.publicJwk));
      const alg = r.alg as SigningAlg;
      if (!r.retiredAt && !active.has(alg)) {
        const jwk = decryptPrivateJwk(r.privateJwkEncrypted, this.secret);
        active.set(alg, { kid: r.kid, alg, key: await importJWK(jwk, alg) });
      }
    }
    this.active = active;
    this.jwks = { keys };
    this.loadedAt = Date.now();
  }
}
