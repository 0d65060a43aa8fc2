import type { Metadata } from 'next';
import { ProfileForm } from '@/components/account/profile-form';
import { SharedClaims } from '@/components/account/shared-claims';
import { TextLink } from '@/components/ui/text-link';
import { getProfile } from '@/lib/account/get-profile';
import { getRuntime } from '@/lib/server/runtime';
import { PROFILE_FIELDS, type ProfileValues } from '@/lib/validation/profile';
import { requireAccountUser } from '../../_lib/require-user';
import { saveProfile } from './actions';

export const metadata: Metadata = { title: 'Profile' };

/** /account/profile: the OpenID Connect profile, phone and address claims apps may ask to see. */
export default async function ProfilePage() {
  const user = await requireAccountUser('/account/profile');
  const profile = await getProfile((await getRuntime()).db, { userId: user.id });
  const values = Object.fromEntries(PROFILE_FIELDS.map((field) => [field, profile[field]])) as ProfileValues;
  const timeZones = Intl.supportedValuesOf('timeZone');

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Profile</h1>
        <p className="text-sm text-zinc-700">
          What apps may see about you when you allow them. Your email address, <span className="wrap-anywhere font-medium text-zinc-900">{profile.email}</span>, is
          changed under <TextLink href="/account/security">Security</TextLink>.
        </p>
      </header>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="min-w-0">
          <ProfileForm action={saveProfile} profile={values} timeZones={timeZones} />
        </div>
        <aside className="min-w-0">
          <SharedClaims profile={profile} />
        </aside>
      </div>
    </div>
  );
}
