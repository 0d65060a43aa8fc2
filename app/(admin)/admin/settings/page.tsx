import type { Metadata } from 'next';
import { BrandingForm } from '@/components/admin/branding-form';
import { RegistrationForm } from '@/components/admin/registration-form';
import { SignUpPolicyForm } from '@/components/admin/sign-up-policy-form';
import { PageHeader, Section } from '@/components/portal/page-header';
import { getConsoleSettings } from '@/lib/admin';
import { operatorPage } from '../_lib/operator';
import { setBrandingAction, setRegistrationAction, setSignUpPolicyAction, uploadLogoAction } from './actions';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const { db, actor, config } = await operatorPage('/admin/settings');
  const settings = await getConsoleSettings(db, actor, { mode: config.registrationToken ? 'initial_access_token' : 'off', openClientTtlDays: 30 });
  return (
    <div className="space-y-6">
      <PageHeader title="Settings" description="Apply on every server within a moment, without a restart. Every change is in the audit log." />
      <Section id="sign-up" title="Sign-up" description="Who may create an account at /signup. Operators can always create accounts with portico user create.">
        <SignUpPolicyForm policy={settings.signUp} action={setSignUpPolicyAction} />
      </Section>
      <Section id="registration" title="App registration (RFC 7591)" description="Who may register apps at /oauth/register without the developer portal.">
        <RegistrationForm value={settings.registration} hasInitialAccessToken={Boolean(config.registrationToken)} action={setRegistrationAction} />
      </Section>
      <Section id="branding" title="Branding" description="The product name, logo and colour people see on the sign-in and consent screens, and in page titles.">
        <BrandingForm branding={settings.branding} logoUploaded={settings.logoUploaded} save={setBrandingAction} upload={uploadLogoAction} />
      </Section>
    </div>
  );
}
