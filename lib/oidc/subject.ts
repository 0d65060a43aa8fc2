/**
 * The subject identifier (`sub`) an app sees for a user (OIDC Core §8).
 * - "public" (the default): the user's own id, the same for every app.
 * - "pairwise" (§8.1): HMAC-SHA-256, keyed from PORTICO_SECRET, over the app's sector identifier
 *   and the user's id, base64url. Apps of one sector see one value for a user, apps of different
 *   sectors unrelated values, and nobody can turn a value back into the user's id. It is stable
 *   while PORTICO_SECRET and the sector stay the same: changing either gives the app's users new
 *   subjects, as the spec's salt would.
 * - The sector (§8.1) is the host of sector_identifier_uri when the app registered one, otherwise
 *   the one host of its redirect URIs. Registration refuses a pairwise app with redirect URIs on
 *   several hosts and no sector_identifier_uri (lib/validation/subject-type.ts); an app that has no
 *   single redirect host anyway (a row from before that rule, or only custom-scheme redirect URIs)
 *   is a sector of its own, named by its client_id — its users' subjects are then linked with no
 *   other app's.
 * Every place that hands a client a user's id goes through `subjectFor`: ID tokens, userinfo,
 * introspection, JWT access tokens, logout tokens; id_token_hint compares through it.
 */
import { createHmac } from 'node:crypto';
import type { ProviderSettings } from './context.ts';
import type { ClientRecord } from './ports.ts';

export type SubjectClient = Pick<ClientRecord, 'id' | 'subjectType' | 'sectorIdentifierUri' | 'redirectUris'>;

export function subjectFor(ctx: { settings: Pick<ProviderSettings, 'pairwiseSubjectSecret'> }, client: SubjectClient, userId: string): string {
  if (client.subjectType !== 'pairwise') return userId;
  // A host name cannot contain a line break, so no (sector, user) pair can read as another.
  return createHmac('sha256', ctx.settings.pairwiseSubjectSecret).update(`${sectorIdentifier(client)}\n${userId}`).digest('base64url');
}

/** §8.1: the host of sector_identifier_uri, else of the redirect URIs; "client:<id>" when there is no single one. */
export function sectorIdentifier(client: SubjectClient): string {
  if (client.sectorIdentifierUri) {
    const host = hostOf(client.sectorIdentifierUri);
    if (host) return host;
  }
  const hosts = new Set(client.redirectUris.map(hostOf).filter((host): host is string => host !== null));
  // A host has no ':' outside brackets, so this cannot be taken for one.
  return hosts.size === 1 ? [...hosts][0]! : `client:${client.id}`;
}

function hostOf(uri: string): string | null {
  try {
    return new URL(uri).hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}
