import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { PorticoMark } from '@/components/auth/portico-mark';

export const metadata: Metadata = {
  robots: { index: false, follow: false },
};

/** Sign-up and invitation screens: the same narrow column as sign-in. */
export default function StandaloneLayout({ children }: { children: ReactNode }) {
  return (
    <main className="mx-auto flex min-h-screen w-full max-w-md flex-col gap-6 px-4 py-10 sm:justify-center">
      <div className="flex justify-center">
        <PorticoMark />
      </div>
      {children}
    </main>
  );
}
