/**
 * The signing keys and where each stands (lib/oidc/keys.ts): pending (published, signs from
 * activatesAt), active (signs now), retiring (signs until its replacement activates), retired
 * (signs no more, published until every token it signed has expired). Never the private keys.
 */
import type { Db } from '../db/client.ts';
import type { Actor } from '../portal/types.ts';
import { readAsOperator } from './operator.ts';
import type { SigningKeyState, SigningKeyStatus } from './types.ts';

type KeyRow = { kid: string; alg: string; createdAt: Date; activatesAt: Date; retiredAt: Date | null; publishUntil: Date | null };

export function keyState(key: KeyRow, now: Date): SigningKeyState {
  if (key.activatesAt > now) return 'pending';
  if (key.retiredAt && key.retiredAt <= now) return 'retired';
  return key.retiredAt ? 'retiring' : 'active';
}

export async function listSigningKeys(db: Db, actor: Actor, now = new Date()): Promise<SigningKeyStatus[]> {
  return readAsOperator(db, actor, async () => {
    const rows = await db.signingKey.findMany({
      where: { OR: [{ publishUntil: null }, { publishUntil: { gt: now } }] },
      select: { kid: true, alg: true, createdAt: true, activatesAt: true, retiredAt: true, publishUntil: true },
      orderBy: [{ activatesAt: 'desc' }, { alg: 'asc' }],
    });
    return rows.map((row) => ({
      kid: row.kid,
      alg: row.alg,
      state: keyState(row, now),
      createdAt: row.createdAt,
      activatesAt: row.activatesAt,
      retiresAt: row.retiredAt,
      publishedUntil: row.publishUntil,
    }));
  });
}
