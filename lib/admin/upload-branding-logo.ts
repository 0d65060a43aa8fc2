/**
 * An uploaded logo for the sign-in and consent screens: PNG, JPEG or WebP, at most 256 KB, its
 * type read from its bytes (lib/validation/logo.ts). Kept in the database (every instance serves
 * it, at /branding/logo) and made the branding's logo, with a version so caches fetch the new one.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { recordAudit } from '../portal/audit.ts';
import { ValidationError } from '../portal/errors.ts';
import type { Actor } from '../portal/types.ts';
import { getBranding, type Branding } from '../settings/branding.ts';
import { writeSetting } from '../settings/write-setting.ts';
import { UPLOADED_LOGO_PATH } from '../validation/branding.ts';
import { detectLogoType, logoProblem } from '../validation/logo.ts';
import { asOperator } from './operator.ts';

export async function uploadBrandingLogo(db: Db, actor: Actor, bytes: Uint8Array, now = new Date()): Promise<Branding> {
  const problem = logoProblem({ size: bytes.length }, bytes);
  const type = detectLogoType(bytes);
  if (problem || !type) throw ValidationError.of('logo', problem ?? 'Logos must be PNG, JPEG or WebP images.');
  const version = createHash('sha256').update(bytes).digest('base64url').slice(0, 12);
  return asOperator(db, actor, async (tx) => {
    await writeSetting(tx, 'branding_logo', { type, base64: Buffer.from(bytes).toString('base64'), version });
    const branding = { ...(await getBranding(tx)), logoUrl: `${UPLOADED_LOGO_PATH}?v=${version}` };
    await writeSetting(tx, 'branding', branding);
    await recordAudit(tx, { actor, action: 'settings.branding_logo', details: { type, bytes: bytes.length, version }, at: now });
    return branding;
  });
}
