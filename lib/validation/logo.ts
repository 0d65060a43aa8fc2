/**
 * App logos uploaded in the portal. Raster formats only — SVG can carry scripts and is refused —
 * at most 256 KB. The type is decided from the file's first bytes, never from its name or the
 * browser's claim, both when it is uploaded and when it is served (with nosniff).
 */
export const LOGO_MAX_BYTES = 256 * 1024;
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];
export const LOGO_ACCEPT = LOGO_TYPES.join(',');

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

/** The image type from the magic number: PNG, JPEG (any JFIF/EXIF variant) or WebP (RIFF…WEBP). */
export function detectLogoType(bytes: Uint8Array): LogoType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

/** Why a file cannot be an app's logo, or null when it can. */
export function logoProblem(file: { size: number }, bytes: Uint8Array | null): string | null {
  if (file.size === 0) return 'Choose an image file to upload.';
  if (file.size > LOGO_MAX_BYTES) return `The logo is ${Math.ceil(file.size / 1024)} KB: logos are at most 256 KB. Export a smaller PNG, JPEG or WebP.`;
  if (bytes && !detectLogoType(bytes)) return 'Logos must be PNG, JPEG or WebP images (SVG is not accepted).';
  return null;
}
