'use client';

import { TopBar, type TopBarLink } from '@/components/ui/top-bar';

const under = (href: string) => (pathname: string) => pathname.startsWith(href);

const LINKS: readonly TopBarLink[] = [
  { href: '/account/profile', label: 'Profile', match: under('/account/profile') },
  { href: '/account/apps', label: 'Connected apps', match: under('/account/apps') },
  { href: '/account/security', label: 'Security', match: under('/account/security') },
  { href: '/account/sessions', label: 'Sessions', match: under('/account/sessions') },
  { href: '/account/activity', label: 'Security activity', match: under('/account/activity') },
  { href: '/account/delete', label: 'Delete account', match: under('/account/delete') },
];

/** The account area's top bar. */
export function AccountNav({ email }: { email: string }) {
  return <TopBar area="Account" home="/account" label="Your account" links={LINKS} email={email} width="max-w-4xl" stacked />;
}
