import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { NarrowColumn } from '@/components/ui/page-shell';

export const metadata: Metadata = {
  robots: { index: false, follow: false },
};

/** The frame for sign-in, consent and sign-out screens: one narrow column, nothing else. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return <NarrowColumn>{children}</NarrowColumn>;
}
