import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AppRequestHeading, webUrl } from '@/components/auth/app-request-heading';
import { AppVerification } from '@/components/auth/app-verification';
import { ConsentAccount } from '@/components/auth/consent-account';
import { ConsentForm } from '@/components/auth/consent-form';
import { findDeclinedScopes } from '@/lib/account/find-declined-scopes';
import { RequestExpired } from '@/components/auth/request-expired';
import { Card } from '@/components/ui/card';
import { getSignedInUser } from '@/lib/auth/session';
import { getRuntime } from '@/lib/server/runtime';
import { getBranding } from '@/lib/settings/branding';
import { BrandHeader } from '@/components/branding/brand-header';
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

  const { config, db, provider } = await getRuntime();
  const [view, branding] = await Promise.all([provider.interactions.describe(interactionId, user.id), getBranding(db)]);
  if (!view) return <RequestExpired />;
  // Optional scopes this user unticked for this app before start unticked again (still offered).
  const declined = await findDeclinedScopes(db, user.id, view.client.id);
  // "Not you?" signs out first; switch_account=1 tells the sign-in page not to suggest this account again.
  const switchAccountUrl = `${loginUrl}&switch_account=1`;
  const app = view.client.name;
  const links = [
    { label: 'Website', href: webUrl(view.client.clientUri) },
    { label: 'Privacy policy', href: webUrl(view.client.policyUri) },
    { label: 'Terms of service', href: webUrl(view.client.tosUri) },
  ].filter((link): link is { label: string; href: string } => link.href !== null);

  return (
    <Card className="space-y-6">
      <header className="space-y-3">
        <BrandHeader branding={branding} />
        <AppRequestHeading appName={app} logoUri={view.client.logoUri} />
        <AppVerification verified={view.client.verified} appName={app} issuerHost={new URL(config.issuer).host} />
        {view.client.metadataDocument ? (
          <p className="text-sm text-zinc-700 wrap-anywhere">
            This app describes itself at <span className="font-medium">{view.client.id}</span>. Its name and logo come from there and have
            not been checked.
          </p>
        ) : null}
        {links.length ? (
          <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {links.map((link) => (
              <a
                key={link.label}
                href={link.href}
                target="_blank"
                rel="noopener noreferrer"
                className="font-medium text-zinc-700 underline decoration-zinc-300 underline-offset-2 hover:text-zinc-900 hover:decoration-zinc-900 focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus"
              >
                {link.label}
                <span className="sr-only"> of {app} (opens in a new tab)</span>
              </a>
            ))}
          </p>
        ) : null}
      </header>

      <ConsentAccount user={user} signInUrl={switchAccountUrl} />

      <ConsentForm
        action={decideConsent}
        interactionId={view.id}
        accountId={user.id}
        appName={app}
        verified={view.client.verified}
        scopes={view.scopes}
        declined={declined}
        apis={view.apis}
      />
    </Card>
  );
}
