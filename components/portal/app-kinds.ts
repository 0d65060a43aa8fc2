/**
 * How the portal explains the four kinds of application: a name, one line on when to choose it,
 * and the defaults Portico sets for it (lib/portal/client-defaults.ts decides them; this only
 * describes them).
 */
import type { ClientKind } from '@/lib/oidc/redirect-uri';

export type AppKind = {
  type: ClientKind;
  label: string;
  short: string;
  summary: string;
  defaults: string[];
  redirectExample: string | null;
  redirectHint: string | null;
};

export const APP_KINDS: readonly AppKind[] = [
  {
    type: 'web',
    label: 'Web application',
    short: 'Web app',
    summary: 'A server-rendered app (Next.js, Rails, Django, Express…) that keeps a secret on its server.',
    defaults: ['Confidential: gets a client secret', 'Authorization code + PKCE, refresh tokens', 'Access tokens live 1 hour'],
    redirectExample: 'https://app.example.com/api/auth/callback',
    redirectHint: 'https, or http on localhost / 127.0.0.1 for local development.',
  },
  {
    type: 'spa',
    label: 'Single-page app',
    short: 'Single-page app',
    summary: 'Runs entirely in the browser (React, Vue, Angular) and talks to Portico directly.',
    defaults: ['Public: no secret, PKCE required', 'Authorization code + PKCE, refresh tokens', 'Short-lived tokens (15 minutes)'],
    redirectExample: 'https://app.example.com/callback',
    redirectHint: 'https, or http on localhost / 127.0.0.1 for local development.',
  },
  {
    type: 'native',
    label: 'Native or mobile app',
    short: 'Native app',
    summary: 'An iOS, Android or desktop app that opens the system browser to sign in.',
    defaults: ['Public: no secret, PKCE required', 'Custom-scheme and loopback redirects', 'Authorization code + PKCE, refresh tokens'],
    redirectExample: 'com.example.app:/oauth/callback',
    redirectHint: 'A reverse-domain custom scheme (com.example.app:/callback) or a loopback URL (http://127.0.0.1/callback, any port).',
  },
  {
    type: 'service',
    label: 'Machine-to-machine service',
    short: 'Service',
    summary: 'A backend job, daemon or API client acting as itself, with no user signing in.',
    defaults: ['Confidential: gets a client secret', 'Client credentials grant only', 'No redirect URIs, no refresh tokens'],
    redirectExample: null,
    redirectHint: null,
  },
];

export function appKind(type: ClientKind): AppKind {
  return APP_KINDS.find((kind) => kind.type === type) ?? APP_KINDS[0]!;
}

export const TYPE_BADGE_TONE = { web: 'blue', spa: 'violet', native: 'green', service: 'amber' } as const;
