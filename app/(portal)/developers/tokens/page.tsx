import type { Metadata } from 'next';
import { UnverifiedEmailNotice } from '@/components/account/unverified-email-notice';
import { CreateTokenForm } from '@/components/portal/create-token-form';
import { PageHeader } from '@/components/portal/page-header';
import { TokenList } from '@/components/portal/token-list';
import { TextLink } from '@/components/ui/text-link';
import { findAccountSummary } from '@/lib/account/find-account-summary';
import { listPersonalAccessTokens } from '@/lib/portal';
import { isAdministrator, requirePortalUser } from '../../_lib/session';
import { resendVerificationAction } from '@/app/(account)/account/resend-verification-action';
import { createToken, revokeToken } from './actions';

export const metadata: Metadata = { title: 'API tokens' };

export default async function TokensPage() {
  const { db, actor } = await requirePortalUser('/developers/tokens');
  const [tokens, operator, account] = await Promise.all([
    listPersonalAccessTokens(db, actor),
    isAdministrator(db, actor.userId),
    findAccountSummary(db, actor),
  ]);
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
      {account && !account.emailVerified ? (
        <UnverifiedEmailNotice email={account.email} why="Tokens can be created once it is confirmed." action={resendVerificationAction} />
      ) : null}
      <CreateTokenForm action={createToken} operator={operator} />
      <TokenList tokens={tokens} now={Date.now()} revoke={revokeToken} />
    </div>
  );
}
