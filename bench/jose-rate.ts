/**
 * The machine's raw JWT signing rate with jose, in this one process: `new SignJWT(...).sign(key)`
 * with an ID-token-sized payload, for a few seconds per algorithm. Reported twice: one signature at
 * a time (latency-bound), and with several in flight (jose signs through WebCrypto, whose work runs
 * on libuv's thread pool, so concurrency is what a busy server gets).
 */
import { generateKeyPair, SignJWT, type CryptoKey } from 'jose';

export type SigningAlg = 'RS256' | 'ES256' | 'EdDSA';
export type SigningRate = { alg: SigningAlg; perSecond: number; sequentialPerSecond: number; inFlight: number };

const IN_FLIGHT = 8;

function payload(i: number) {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: 'http://localhost:3000',
    sub: 'u_4b1Yq8mJk2X9pQzR7tLw',
    aud: 'c_8Kf2mQpL0sVx3Nw9',
    azp: 'c_8Kf2mQpL0sVx3Nw9',
    iat: now,
    exp: now + 3600,
    auth_time: now - 60,
    nonce: `n-${i}`,
    at_hash: 'x4Qm0-1bVnK9c2Zr7TqYwA',
    email: 'bench@example.com',
    email_verified: false,
    name: 'bench',
  };
}

async function timed(seconds: number, inFlight: number, sign: (i: number) => Promise<string>): Promise<number> {
  let count = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (performance.now() < deadline) await sign(count++);
    }),
  );
  return count / ((performance.now() - start) / 1000);
}

export async function signingRate(alg: SigningAlg, seconds: number): Promise<SigningRate> {
  const { privateKey } = await generateKeyPair(alg, alg === 'EdDSA' ? { crv: 'Ed25519' } : {});
  const key: CryptoKey = privateKey;
  const sign = (i: number) => new SignJWT(payload(i)).setProtectedHeader({ alg, kid: 'bench', typ: 'JWT' }).sign(key);
  await timed(0.3, IN_FLIGHT, sign); // warm-up
  const sequentialPerSecond = await timed(Math.max(0.5, seconds / 3), 1, sign);
  const perSecond = await timed(seconds, IN_FLIGHT, sign);
  return { alg, perSecond, sequentialPerSecond, inFlight: IN_FLIGHT };
}
