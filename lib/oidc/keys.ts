/**
 * Signing keys (RFC 7517 JWKS, RFC 7518 algorithms).
 * - One signing key per algorithm (RS256, ES256, EdDSA), generated on first start, stored in the
 *   database with the private JWK sealed by lib/crypto/secret-box.ts (AES-256-GCM, key derived
 *   from PORTICO_SECRET by HKDF with purpose 'signing-key-encryption').
 * - Every JWT carries the `kid` of the key that signed it.
 * - Publish first, sign later: a rotated-in key is pending until `activatesAt`, which is later
 *   than every instance's reload interval (config.keyReloadSeconds), so each instance lists it in
 *   its JWKS before any instance signs with it; a relying party that fetches the JWKS from any
 *   instance can verify any token. The keys it replaces keep signing until then.
 * - The JWKS lists pending, active and retiring keys; a replaced key stays published until every
 *   token it signed has expired (publishUntil), then it is pruned.
 * - Instances reload the key set every keyReloadSeconds; which key signs is decided at signing
 *   time from the clock, so activation needs no reload.
 */
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type JWTPayload, type CryptoKey } from 'jose';
import { openSecret, sealSecret, SecretBoxError } from '../crypto/secret-box.ts';
import type { Clock, KeyRecord, KeyStore } from './ports.ts';
import { randomId } from './tokens.ts';

export const SIGNING_ALGS = ['RS256', 'ES256', 'EdDSA'] as const;
export type SigningAlg = (typeof SIGNING_ALGS)[number];

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

export async function generateSigningKey(alg: SigningAlg, secret: string, clock: Clock, activatesAt?: Date): Promise<KeyRecord> {
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
    activatesAt: activatesAt ?? clock(),
  };
}

type SigningKey = { kid: string; alg: SigningAlg; key: CryptoKey | Uint8Array; activatesAt: Date; retiredAt: Date | null };

export type KeyRingOptions = {
  /** How often the key set is re-read from the database (config.keyReloadSeconds). */
  reloadSeconds: number;
};

export class KeyRing {
  private signing: SigningKey[] = [];
  private jwks: { keys: JWK[] } = { keys: [] };
  private loadedAt = 0;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly store: KeyStore,
    private readonly secret: string,
    private readonly clock: Clock,
    private readonly options: KeyRingOptions = { reloadSeconds: 60 },
  ) {}

  /** How long a rotated-in key is only published: twice the reload interval, so a reload that was just missed still lands in time. */
  get activationDelaySeconds(): number {
    return 2 * this.options.reloadSeconds;
  }

  /** Creates the first key of each algorithm if missing (first start). */
  async ensureKeys(): Promise<void> {
    const existing = await this.store.list();
    for (const alg of SIGNING_ALGS) {
      if (!existing.some((k) => k.alg === alg && !k.retiredAt)) await this.store.add(await generateSigningKey(alg, this.secret, this.clock));
    }
    await this.reload();
  }

  /**
   * Adds a new key per algorithm, published now and signing from `activatesAt`; the keys signing
   * until then retire at that moment and stay published `retainSeconds` longer. `at` schedules the
   * switch later (an operator's maintenance window); never earlier than the activation delay.
   */
  async rotate(retainSeconds: number, at?: Date): Promise<{ kids: string[]; activatesAt: Date; retiredKids: string[]; publishUntil: Date }> {
    const now = this.clock();
    const earliest = now.getTime() + this.activationDelaySeconds * 1000;
    const activatesAt = new Date(Math.max(earliest, at?.getTime() ?? earliest));
    const publishUntil = new Date(activatesAt.getTime() + retainSeconds * 1000);
    const replaced = (await this.store.list()).filter((k) => !k.retiredAt);
    const kids: string[] = [];
    for (const alg of SIGNING_ALGS) {
      const key = await generateSigningKey(alg, this.secret, this.clock, activatesAt);
      await this.store.add(key);
      kids.push(key.kid);
    }
    for (const k of replaced) await this.store.retire(k.kid, activatesAt, publishUntil);
    await this.store.prune(now);
    await this.reload();
    return { kids, activatesAt, retiredKids: replaced.map((k) => k.kid), publishUntil };
  }

  async sign(payload: JWTPayload, alg: SigningAlg, typ = 'JWT'): Promise<string> {
    await this.fresh();
    const key = this.signingKey(alg, this.clock());
    if (!key) throw new Error(`No active ${alg} signing key.`);
    return new SignJWT(payload).setProtectedHeader({ alg, kid: key.kid, typ }).sign(key.key);
  }

  /** The newest key of `alg` that has activated and not retired by `now`. */
  private signingKey(alg: SigningAlg, now: Date): SigningKey | undefined {
    let best: SigningKey | undefined;
    for (const k of this.signing) {
      if (k.alg !== alg || k.activatesAt > now || (k.retiredAt && k.retiredAt <= now)) continue;
      if (!best || k.activatesAt > best.activatesAt) best = k;
    }
    return best;
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
    if (Date.now() - this.loadedAt < this.options.reloadSeconds * 1000 && this.signing.length) return;
    await this.reload();
  }

  private async reload(): Promise<void> {
    this.loading ??= this.load().finally(() => (this.loading = null));
    return this.loading;
  }

  private async load(): Promise<void> {
    const now = this.clock();
    const records = await this.store.list();
    const signing: SigningKey[] = [];
    const keys: JWK[] = [];
    for (const r of records.sort((a, b) => b.activatesAt.getTime() - a.activatesAt.getTime())) {
      if (r.publishUntil && r.publishUntil <= now) continue;
      keys.push(JSON.parse(r.publicJwk));
      if (r.retiredAt && r.retiredAt <= now) continue;
      const alg = r.alg as SigningAlg;
      const jwk = decryptPrivateJwk(r.privateJwkEncrypted, this.secret);
      signing.push({ kid: r.kid, alg, key: await importJWK(jwk, alg), activatesAt: r.activatesAt, retiredAt: r.retiredAt });
    }
    this.signing = signing;
    this.jwks = { keys };
    this.loadedAt = Date.now();
  }
}
