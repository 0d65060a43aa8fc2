import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ConsentForm } from '@/components/auth/consent-form';
import { RequestExpired } from '@/components/auth/request-expired';
import { Card } from '@/components/ui/card';
import { TextLink } from '@/components/ui/text-link';
import { getSignedInUser } from '@/lib/auth/session';
import { getRuntime } from '@/lib/server/runtime';
import { decideConsent } from './actions';

export const metadata: Metadata = { title: 'Allow access' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ConsentPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await getSignedInUser();
  const raw = (await searchParams).interaction;
  const interactionId = Array.isArray(raw) ? raw[0] : raw;
  if (!interactionId) return <RequestExpired />;

  const loginUrl = `/login?interaction=${encodeURIComponent(interactionId)}`;
  if (!user) redirect(loginUrl);

  const view = await (await getRuntime()).provider.interactions.describe(interactionId, user.id);
  if (!view) return <RequestExpired />;
  const app = view.client.name;

  return (
    <Card className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-xl font-semibold tracking-tight text-balance">{app} wants to access your Portico account</h1>
        <p className="text-sm text-zinc-700">
          Signed in as <strong className="font-semibold wrap-break-word text-zinc-900">{user.email}</strong>.{' '}
          <TextLink href={loginUrl} className="whitespace-nowrap">
            Not you?
          </TextLink>
        </p>
      </header>

      <section className="space-y-3">
        <h2 className="text-sm font-semibold text-zinc-900">This will allow {app} to:</h2>
        <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 text-sm text-zinc-800">
          {view.scopes.map((scope) => (
            <li key={scope.name} className="px-4 py-2.5">
              {scope.description}
            </li>
          ))}
        </ul>
      </section>

      <p className="text-xs text-zinc-600">
        Only allow access if you trust {app}. Choosing Deny sends you back without sharing anything.
      </p>

      <ConsentForm action={decideConsent} interactionId={view.id} />
    </Card>
  );
}
