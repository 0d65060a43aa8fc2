/**
 * Branding an operator sets in /admin/settings, shown on the sign-in and consent screens and in
 * page titles: the product's name, a logo and a primary colour. The logo is an https address, or
 * one uploaded to Portico (served at /branding/logo, PNG, JPEG or WebP only: lib/validation/logo.ts).
 * The colour fills the primary buttons under white text, so it must keep that text readable:
 * a contrast ratio of at least 4.5:1 (WCAG 2.2 §1.4.3).
 */
import { z } from 'zod';
import { CONTROL_MESSAGE, isSingleLine } from './text.ts';

/** Where an uploaded logo is served; the version query makes caches fetch a new upload. */
export const UPLOADED_LOGO_PATH = '/branding/logo';
export const MIN_CONTRAST_WITH_WHITE = 4.5;

const channel = (hex: string) => {
  const c = parseInt(hex, 16) / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

/** WCAG 2.2 relative luminance and contrast ratio of a #rrggbb colour against white. */
export function contrastWithWhite(color: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => channel(color.slice(i, i + 2)));
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  return 1.05 / (luminance + 0.05);
}

export const productNameField = z
  .string({ error: 'Enter the product name people see when they sign in.' })
  .trim()
  .min(1, 'Enter the product name people see when they sign in.')
  .max(40, 'Product names are at most 40 characters: use the short name people know.')
  .refine(isSingleLine, `Product names ${CONTROL_MESSAGE}.`);

export const primaryColorField = z
  .string({ error: 'Enter a colour as #rrggbb, for example #1d4ed8.' })
  .trim()
  .toLowerCase()
  .regex(/^#[0-9a-f]{6}$/, 'Enter a colour as #rrggbb, for example #1d4ed8.')
  .refine(
    (color) => contrastWithWhite(color) >= MIN_CONTRAST_WITH_WHITE,
    {
      error: (issue) => {
        const color = String(issue.input);
        return `White text on ${color} is hard to read (contrast ${contrastWithWhite(color).toFixed(1)}:1; at least ${MIN_CONTRAST_WITH_WHITE}:1 is needed). Pick a darker colour.`;
      },
    },
  );

function isLogoUrl(value: string): boolean {
  if (value.startsWith(`${UPLOADED_LOGO_PATH}?`)) return /^\/branding\/logo\?v=[\w-]{1,64}$/.test(value);
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && !url.username && !url.password;
  } catch {
    return false;
  }
}

export const logoUrlField = z
  .string()
  .trim()
  .max(2048, 'Logo addresses are at most 2048 characters.')
  .refine(isLogoUrl, 'The logo address must start with https:// (or upload an image instead).')
  .nullable();

export const brandingSchema = z.object({
  productName: productNameField,
  logoUrl: logoUrlField,
  primaryColor: primaryColorField,
});
export type Branding = z.output<typeof brandingSchema>;
export type BrandingInput = z.input<typeof brandingSchema>;

/** What the form edits: an empty logo field means no logo. */
export const brandingFormSchema = brandingSchema.extend({
  logoUrl: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), logoUrlField),
});

export const DEFAULT_BRANDING: Branding = { productName: 'Portico', logoUrl: null, primaryColor: '#18181b' };
