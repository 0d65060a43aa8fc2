/**
 * The operator's branding (lib/validation/branding.ts): product name, logo and primary colour,
 * shown on the sign-in and consent screens and in page titles. getBranding is the one way to read
 * it; /admin/settings changes it (lib/admin/set-branding.ts, upload-branding-logo.ts).
 * An uploaded logo is kept in its own setting row, so reading the branding never loads the image.
 */
import type { Db } from '../db/client.ts';
import { DEFAULT_BRANDING, type Branding } from '../validation/branding.ts';
import { readSetting } from './read-setting.ts';

export type { Branding };
export { DEFAULT_BRANDING };

export async function getBranding(db: Pick<Db, 'setting'>): Promise<Branding> {
  return (await readSetting(db, 'branding')) ?? DEFAULT_BRANDING;
}

/** The uploaded logo's bytes and type, or null when none was uploaded. */
export async function readBrandingLogo(db: Pick<Db, 'setting'>): Promise<{ type: string; bytes: Uint8Array } | null> {
  const logo = await readSetting(db, 'branding_logo');
  return logo ? { type: logo.type, bytes: new Uint8Array(Buffer.from(logo.base64, 'base64')) } : null;
}
