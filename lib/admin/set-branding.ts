/**
 * The product name, logo address and primary colour shown on the sign-in and consent screens
 * (lib/settings/branding.ts). A logo address other than the uploaded one drops the upload.
 */
import type { Db } from '../db/client.ts';
import { recordAudit } from '../portal/audit.ts';
import { parseInput } from '../portal/errors.ts';
import type { Actor } from '../portal/types.ts';
import type { Branding } from '../settings/branding.ts';
import { writeSetting } from '../settings/write-setting.ts';
import { brandingFormSchema, UPLOADED_LOGO_PATH, type BrandingInput } from '../validation/branding.ts';
import { asOperator } from './operator.ts';

export async function setBranding(db: Db, actor: Actor, input: BrandingInput, now = new Date()): Promise<Branding> {
  const branding = parseInput(brandingFormSchema, input);
  return asOperator(db, actor, async (tx) => {
    await writeSetting(tx, 'branding', branding);
    if (!branding.logoUrl?.startsWith(UPLOADED_LOGO_PATH)) await tx.setting.deleteMany({ where: { key: 'branding_logo' } });
    await recordAudit(tx, { actor, action: 'settings.branding', details: { ...branding }, at: now });
    return branding;
  });
}
