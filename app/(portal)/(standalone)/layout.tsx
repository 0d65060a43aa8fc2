import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { NarrowColumn } from '@/components/ui/page-shell';

export const metadata: Metadata = {
  robots: { index: false, follow: false },
};

/** Sign-up and invitation screens: the same narrow column as sign-in. */
export default function StandaloneLayout({ children }: { children: ReactNode }) {
  return <NarrowColumn>{children}</NarrowColumn>;
}
