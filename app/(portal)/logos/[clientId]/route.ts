/**
 * GET /logos/<clientId>: an app's uploaded logo, public (consent screens show it to signed-out
 * users). The content type comes from the logo's bytes (PNG, JPEG or WebP only); nosniff and a
 * sandboxing CSP make sure a browser never treats it as anything but an image.
 */
import { getRuntime } from '@/lib/server/runtime';
import { detectLogoType } from '@/lib/validation/logo';
import { readClientLogo } from '@/lib/portal/client-logo';

export async function GET(_request: Request, { params }: { params: Promise<{ clientId: string }> }): Promise<Response> {
  const { clientId } = await params;
  const { db } = await getRuntime();
  const bytes = await readClientLogo(db, clientId);
  const type = bytes ? detectLogoType(bytes) : null;
  if (!bytes || !type) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' } });
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      'content-type': type,
      'content-length': String(bytes.length),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'public, max-age=300',
      'cross-origin-resource-policy': 'same-site',
    },
  });
}
