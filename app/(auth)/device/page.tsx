import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { AppRequestHeading } from '@/components/auth/app-request-heading';
import { AppVerification } from '@/components/auth/app-verification';
import { ConsentAccount } from '@/components/auth/consent-account';
import { DeviceCodeForm } from '@/components/auth/device-code-form';
import { DEVICE_CODE_MESSAGES, DeviceCodeProblemCard } from '@/components/auth/device-code-problem';
import { DeviceConsentForm } from '@/components/auth/device-consent-form';
import { Card } from '@/components/ui/card';
import { findDeviceAuthorization } from '@/lib/account/find-device-authorization';
import { getSignedInUser } from '@/lib/auth/session';
import { tooManyAttemptsMessage } from '@/lib/rate-limit/messages';
import { CLIENT_IP_HEADER } from '@/lib/server/client-ip';
import { getRuntime } from '@/lib/server/runtime';
import { userCodeField } from '@/lib/validation/device';
import { decideDevice } from './actions';

export const metadata: Metadata = { title: 'Connect a device' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * verification_uri (RFC 8628 §3.3): a signed-in user enters the code a device shows (or arrives
 * with it in ?user_code=, verification_uri_complete), sees which app asks for what, and approves
 * or denies. Signed-out users sign in first and come back here with the code kept.
 */
export default async function DevicePage({ searchParams }: { searchParams: SearchParams }) {
  const parsed = userCodeField.safeParse(first((await searchParams).user_code));
  const typed = parsed.success ? parsed.data : undefined;
  const here = typed ? `/device?user_code=${encodeURIComponent(typed)}` : '/device';

  const user = await getSignedInUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(here)}`);

  if (!typed) return <EnterCode />;
  const { config, provider, rateLimits } = await getRuntime();
  const ip = (await headers()).get(CLIENT_IP_HEADER);
  const found = await findDeviceAuthorization({ devices: provider.devices, limiter: rateLimits.userCodePerIp }, { userCode: typed, ip });
  if (found.status === 'rate_limited') return <EnterCode defaultCode={typed} notice={tooManyAttemptsMessage(found.retryAfterSeconds)} />;
  if (found.status === 'unknown') return <EnterCode defaultCode={typed} error={DEVICE_CODE_MESSAGES.unknown} />;
  if (found.status !== 'pending') return <DeviceCodeProblemCard problem={found.status} />;

  const { view } = found;
  const app = view.client.name;
  return (
    <Card className="space-y-6">
      <header className="space-y-3">
        <AppRequestHeading appName={app} logoUri={view.client.logoUri} />
        <p className="text-sm text-zinc-700">
          From a device showing the code <strong className="font-mono font-semibold tracking-wider text-zinc-900" data-testid="device-user-code">{view.userCode}</strong>
        </p>
        <AppVerification verified={view.client.verified} appName={app} issuerHost={new URL(config.issuer).host} />
      </header>

      <ConsentAccount user={user} signInUrl={`/login?callbackUrl=${encodeURIComponent(here)}`} />

      <DeviceConsentForm action={decideDevice} userCode={view.userCode} accountId={user.id} appName={app} scopes={view.scopes} apis={view.apis} />
    </Card>
  );
}

function EnterCode(props: { defaultCode?: string; error?: string; notice?: string }) {
  return (
    <Card className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Connect a device</h1>
        <p className="text-sm text-zinc-700">Enter the code shown on your TV, console or other device to sign it in to your Portico account.</p>
      </header>
      <DeviceCodeForm {...props} />
    </Card>
  );
}

/** Only web pages are shown: anything else in client metadata is not (as on the consent screen). */
