import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { TextLink } from '@/components/ui/text-link';

export const metadata: Metadata = { title: 'Signed out' };

export default function LoggedOutPage() {
  return (
    <Card className="space-y-3">
      <h1 className="text-2xl font-semibold tracking-tight">You are signed out</h1>
      <p className="text-sm text-zinc-700">You can close this window now.</p>
      <p className="text-sm">
        <TextLink href="/login">Sign in again</TextLink>
      </p>
    </Card>
  );
}
