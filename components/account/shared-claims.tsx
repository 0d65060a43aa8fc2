import type { Profile } from '@/lib/account/get-profile';

type Line = { label: string; claim: string; value: string | null };
type Group = { title: string; lines: Line[] };

/** The saved profile grouped by the permission that shares it (lib/oidc/claims.ts releases them by scope). */
function groups(profile: Profile): Group[] {
  return [
    {
      title: 'Your profile',
      lines: [
        { label: 'Name', claim: 'name', value: profile.name },
        { label: 'Given name', claim: 'given_name', value: profile.givenName },
        { label: 'Family name', claim: 'family_name', value: profile.familyName },
        { label: 'Nickname', claim: 'nickname', value: profile.nickname },
        { label: 'Preferred username', claim: 'preferred_username', value: profile.preferredUsername },
        { label: 'Picture', claim: 'picture', value: profile.picture },
        { label: 'Website', claim: 'website', value: profile.website },
        { label: 'Gender', claim: 'gender', value: profile.gender },
        { label: 'Birthdate', claim: 'birthdate', value: profile.birthdate },
        { label: 'Time zone', claim: 'zoneinfo', value: profile.zoneinfo },
        { label: 'Language', claim: 'locale', value: profile.locale },
      ],
    },
    { title: 'Your email address', lines: [{ label: 'Email', claim: 'email', value: `${profile.email} (${profile.emailVerified ? 'confirmed' : 'not confirmed yet'})` }] },
    { title: 'Your phone number', lines: [{ label: 'Phone number', claim: 'phone_number', value: profile.phoneNumber }] },
    { title: 'Your address', lines: [{ label: 'Address', claim: 'address', value: profile.address }] },
  ];
}

/**
 * "What apps see": for each permission an app may ask for, what it would get now. Only what is
 * filled in is shared; an app never sees more than the permissions you allowed it.
 */
export function SharedClaims({ profile }: { profile: Profile }) {
  return (
    <section aria-labelledby="shared-claims" className="space-y-4 rounded-xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6" data-testid="shared-claims">
      <div className="space-y-1">
        <h2 id="shared-claims" className="text-base font-semibold text-zinc-900">
          What apps see
        </h2>
        <p className="text-sm text-zinc-600">What an app gets for each permission you allow it. Empty fields are not shared.</p>
      </div>
      {groups(profile).map((group) => {
        const filled = group.lines.filter((line) => line.value);
        return (
          <div key={group.title} className="space-y-1.5">
            <h3 className="text-sm font-medium text-zinc-900">{group.title}</h3>
            {filled.length ? (
              <dl className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 text-sm">
                {filled.map((line) => (
                  <div key={line.claim} className="grid gap-x-3 px-3 py-2 sm:grid-cols-[9rem_minmax(0,1fr)]">
                    <dt className="text-zinc-600">{line.label}</dt>
                    <dd className="wrap-anywhere whitespace-pre-line text-zinc-900" data-claim={line.claim}>
                      {line.value}
                    </dd>
                  </div>
                ))}
              </dl>
            ) : (
              <p className="text-sm text-zinc-600">Nothing: you have not filled this in.</p>
            )}
          </div>
        );
      })}
    </section>
  );
}
