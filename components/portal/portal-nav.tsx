'use client';

import { TopBar, type TopBarLink } from '@/components/ui/top-bar';

const LINKS: readonly TopBarLink[] = [
  { href: '/developers', label: 'Apps', match: (p) => p === '/developers' || p.startsWith('/developers/apps') },
  { href: '/developers/apis', label: 'APIs', match: (p) => p.startsWith('/developers/apis') },
  { href: '/developers/teams', label: 'Teams', match: (p) => p.startsWith('/developers/teams') },
  { href: '/developers/tokens', label: 'API tokens', match: (p) => p.startsWith('/developers/tokens') },
  { href: '/developers/docs', label: 'API reference', match: (p) => p.startsWith('/developers/docs') },
];

/** The portal's top bar: the Portico mark, the sections, and who is signed in. */
export function PortalNav({ email }: { email: string }) {
  return <TopBar area="Developers" home="/developers" label="Developer portal" links={LINKS} email={email} width="max-w-6xl" />;
}
