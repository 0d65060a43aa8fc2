import { Card } from '@/components/ui/card';
import { TextLink } from '@/components/ui/text-link';
import type { LinkProblem } from '@/lib/account/email-tokens';

const TITLES: Record<LinkProblem, string> = {
  invalid: 'This link is not valid',
  expired: 'This link has expired',
  used: 'This link has already been used',
};

/** An email link that cannot be used: what happened and where to get a new one. */
export function LinkProblemCard({ problem, message, retry }: { problem: LinkProblem; message: string; retry: { href: string; label: string } }) {
  return (
    <Card className="space-y-3">
      <h1 className="text-xl font-semibold">{TITLES[problem]}</h1>
      <p className="text-sm text-zinc-700">{message}</p>
      <p className="text-sm">
        <TextLink href={retry.href}>{retry.label}</TextLink>
      </p>
    </Card>
  );
}
