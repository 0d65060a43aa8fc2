import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

// Every page is rendered per request: each carries its own CSP nonce (lib/server/security-headers.ts).
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { default: 'Portico', template: '%s · Portico' },
  description: 'Sign in with Portico: an OAuth 2.0 and OpenID Connect provider.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
