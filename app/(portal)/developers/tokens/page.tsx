import type { Metadata } from 'next';
import { CreateTokenForm } from '@/components/portal/create-token-form';
import { PageHeader } from '@/components/portal/page-header';
import { TokenList } from '@/components/portal/token-list';
import { TextLink } from '@/components/ui/text-link';
import { listPersonalAccessTokens } from '@/lib/portal';
import { requirePortalUser } from '../../_lib/session';
import { createToken, revokeToken } from './actions';

export const metadata: Metadata = { title: 'API tokens' };

export default async function TokensPage() {
  const { db, actor } = await requirePortalUser('/developers/tokens');
  const tokens = await listPersonalAccessTokens(db, actor);
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader
        title="API tokens"
        description={
          <>
            Personal access tokens for the <TextLink href="/developers/docs">developer API</TextLink>. Send one as{' '}
            <code className="font-mono text-[13px] text-zinc-900">Authorization: Bearer pat_…</code>.
          </>
        }
      />
      <CreateTokenForm action={createToken} />
      <TokenList tokens={tokens} now={Date.now()} revoke={revokeToken} />
    </div>
  );
}
