'use client';

import { TopBar, type TopBarLink } from '@/components/ui/top-bar';

const under = (href: string) => (pathname: string) => pathname === href || pathname.startsWith(`${href}/`);

const LINKS: readonly TopBarLink[] = [
  { href: '/admin', label: 'Overview', match: (p) => p === '/admin' },
  { href: '/admin/users', label: 'Users', match: under('/admin/users') },
  { href: '/admin/apps', label: 'Apps', match: under('/admin/apps') },
  { href: '/admin/apis', label: 'APIs', match: under('/admin/apis') },
  { href: '/admin/groups', label: 'Groups', match: under('/admin/groups') },
  { href: '/admin/keys', label: 'Signing keys', match: under('/admin/keys') },
  { href: '/admin/audit', label: 'Audit log', match: under('/admin/audit') },
  { href: '/admin/settings', label: 'Settings', match: under('/admin/settings') },
  { href: '/admin/outbox', label: 'Outbox', match: under('/admin/outbox') },
];

/** The operator console's top bar: its sections on a row of their own (they scroll sideways on a phone). */
export function AdminNav({ email }: { email: string }) {
  return <TopBar area="Operator" home="/admin" label="Operator console" links={LINKS} email={email} width="max-w-6xl" stacked />;
}
