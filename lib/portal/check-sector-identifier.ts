/**
 * OpenID Connect Dynamic Client Registration §5 / Core §8.1: when an app names a
 * sector_identifier_uri, the JSON array there must list every redirect URI it registers, "or
 * registration MUST fail". Checked on the app as it will be after the change — at creation, and on
 * an edit of either field — before the write (the fetch never runs inside a transaction).
 * The fetch (lib/oidc/sector-identifier.ts) reaches public addresses only, unless the operator
 * allow-listed the host (PORTICO_OUTBOUND_ALLOWED_HOSTS).
 */
import type { Db } from '../db/client.ts';
import { sectorIdentifierProblem, type SectorFetchOptions } from '../oidc/sector-identifier.ts';
import { ValidationError } from './errors.ts';

export type { SectorFetchOptions };

type SectorFields = { sectorIdentifierUri?: string | null; redirectUris?: string[] };

/** The developer-facing sentence when the sector document does not list the app's redirect URIs; null when fine or not set. */
export async function sectorIdentifierIssue(app: SectorFields, options: SectorFetchOptions): Promise<string | null> {
  if (!app.sectorIdentifierUri) return null;
  return sectorIdentifierProblem(app.sectorIdentifierUri, app.redirectUris ?? [], options);
}

/** For creation: throws a field error on sectorIdentifierUri. */
export async function checkSectorIdentifier(app: SectorFields, options: SectorFetchOptions): Promise<void> {
  const problem = await sectorIdentifierIssue(app, options);
  if (problem) throw ValidationError.of('sectorIdentifierUri', problem);
}

/** For an edit: the stored values completed with the patch; nothing is fetched when neither field changes. */
export async function checkSectorIdentifierOnEdit(db: Db, clientId: string, patch: SectorFields, options: SectorFetchOptions): Promise<void> {
  if (patch.sectorIdentifierUri === undefined && patch.redirectUris === undefined) return;
  const stored = await db.client.findUnique({ where: { id: clientId }, select: { sectorIdentifierUri: true, redirectUris: true } });
  if (!stored) return; // the use case reports the missing app
  await checkSectorIdentifier(
    {
      sectorIdentifierUri: patch.sectorIdentifierUri !== undefined ? patch.sectorIdentifierUri : stored.sectorIdentifierUri,
      redirectUris: patch.redirectUris ?? (JSON.parse(stored.redirectUris) as string[]),
    },
    options,
  );
}
