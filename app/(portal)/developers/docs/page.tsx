import type { Metadata } from 'next';
import { OpenApiView } from '@/components/portal/openapi-view';
import { PageHeader } from '@/components/portal/page-header';
import { TextLink } from '@/components/ui/text-link';
import { openApiDocument } from '@/lib/api/openapi';
import { requirePortalUser } from '../../_lib/session';

export const metadata: Metadata = { title: 'API reference' };

/** The REST API's OpenAPI document (the same one GET /api/v1/openapi.json serves), as a page. */
export default async function ApiDocsPage() {
  const { config } = await requirePortalUser('/developers/docs');
  const doc = openApiDocument(config.issuer) as unknown as Record<string, unknown>;
  return (
    <div className="space-y-8">
      <PageHeader
        title="API reference"
        description={
          <>
            Manage apps from scripts and CI. Create a token under <TextLink href="/developers/tokens">API tokens</TextLink>; the machine-readable
            document is at{' '}
            <a className="font-medium text-zinc-900 underline decoration-zinc-400 underline-offset-2 hover:decoration-zinc-900" href="/api/v1/openapi.json">
              /api/v1/openapi.json
            </a>
            .
          </>
        }
      />
      <OpenApiView doc={doc} />
    </div>
  );
}
