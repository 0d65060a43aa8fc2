/**
 * Which identifier (sub) an app's users get: OpenID Connect Core §8 subject types, registered as
 * subject_type and sector_identifier_uri (OpenID Connect Dynamic Client Registration §2).
 * - "public" (the default): the same sub for every app; "pairwise": a different sub per sector, so
 *   apps of different sectors cannot link their users.
 * - The sector is the host of the redirect URIs, or the host of sector_identifier_uri (§8.1). When
 *   the redirect URIs are on several hosts, pairwise needs a sector_identifier_uri (§8.1: the
 *   client MUST register one).
 * - sector_identifier_uri is a JSON document Portico fetches (Registration §5), so it must be https
 *   on a public host (public-https-url.ts).
 * - A service app acts for no user, so has no subject to make pairwise.
 */
import { z } from 'zod';
import type { ClientKind } from '../oidc/redirect-uri.ts';
import { publicHttpsUrlField } from './public-https-url.ts';

export const SUBJECT_TYPES = ['public', 'pairwise'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

export const subjectTypeField = z.enum(SUBJECT_TYPES, { error: 'Subject type must be public or pairwise.' });

export const sectorIdentifierUriField = publicHttpsUrlField({
  label: 'Sector identifier URL',
  example: 'https://app.example.com/redirect-uris.json',
  action: 'fetch sector identifier documents',
});

export type SubjectRuleFields = { subjectType?: string; sectorIdentifierUri?: string | null; redirectUris?: string[] };

/** The hosts of the redirect URIs that have one (a native app's custom scheme may not). */
export function redirectHosts(redirectUris: readonly string[]): string[] {
  const hosts = redirectUris.flatMap((uri) => {
    try {
      const host = new URL(uri).hostname;
      return host ? [host] : [];
    } catch {
      return [];
    }
  });
  return [...new Set(hosts)];
}

export function checkSubjectRules(type: ClientKind, client: SubjectRuleFields, ctx: z.RefinementCtx): void {
  if (client.subjectType !== 'pairwise') return;
  if (type === 'service') {
    ctx.addIssue({ code: 'custom', path: ['subjectType'], message: 'A service app acts for no user, so has no subject identifiers to make pairwise: use public.' });
    return;
  }
  if (client.sectorIdentifierUri || !client.redirectUris) return;
  const hosts = redirectHosts(client.redirectUris);
  if (hosts.length > 1) {
    ctx.addIssue({
      code: 'custom',
      path: ['sectorIdentifierUri'],
      message: `Your redirect URIs are on several hosts (${hosts.join(', ')}): pairwise identifiers need a sector identifier URL listing them (OpenID Connect Core §8.1), or redirect URIs on one host.`,
    });
  }
}
