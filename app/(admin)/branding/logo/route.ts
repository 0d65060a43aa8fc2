/**
 * GET /branding/logo: the logo an operator uploaded in /admin/settings, public (the sign-in and
 * consent screens show it to signed-out visitors). The content type comes from the bytes (PNG,
 * JPEG or WebP only); nosniff and a sandboxing CSP make sure a browser only ever treats it as an
 * image. The URL carries a version (?v=), so it may be cached for long.
 */
import { getRuntime } from '@/lib/server/runtime';
import { readBrandingLogo } from '@/lib/settings/branding';
import { detectLogoType } from '@/lib/validation/logo';

export async function GET(): Promise<Response> {
  const { db } = await getRuntime();
  const logo = await readBrandingLogo(db);
  const type = logo ? detectLogoType(logo.bytes) : null;
  if (!logo || !type) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' } });
  return new Response(logo.bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      'content-type': type,
      'content-length': String(logo.bytes.length),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'public, max-age=300',
      'cross-origin-resource-policy': 'same-site',
    },
  });
}
