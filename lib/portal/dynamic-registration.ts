/**
 * Dynamic client registration (RFC 7591) and its management API (RFC 7592), as the port the
 * protocol core's /oauth/register endpoint calls. Registered clients belong to no team: like
 * CLI-made clients they are operator-managed, and only their registration access token (stored
 * as a SHA-256 hash) can read, replace or delete them.
 * - Metadata is validated with the same rules as the portal and the REST API (client-metadata.ts),
 *   so errors carry RFC 7591 §3.2.2 codes.
 * - Open registration (lib/oidc/registration-policy.ts) gives the client an expiry: its
 *   client_secret_expires_at (RFC 7591 §3.2.1) and the extension member client_id_expires_at say
 *   when; from then on it is unknown, to RFC 7592 management too, and clean-up deletes it.
 * - PUT replaces the metadata (RFC 7592 §2.2); the app's type and whether it is public cannot
 *   change (that would be a different client). scope_descriptions, a Portico extension member
 *   (RFC 7591 §2), is replaced like the rest: left out, the descriptions are removed. A change
 *   between confidential methods gives the app the secrets the new one needs
 *   (change-client-secrets.ts); a new secret is in that response only (RFC 7592 §2.2 lets the
 *   server issue one).
 * - `serverSecret` (config.secret) seals the secret of a client_secret_jwt app.
 */
import type { Db } from '../db/client.ts';
import { OAuthError } from '../oidc/errors.ts';
import type { ClientMetadata, RegistrationPort } from '../oidc/ports.ts';
import { createClientSchema } from '../validation/client.ts';
import { parseClientRegistration } from '../validation/client-metadata.ts';
import { epochSeconds, toClientMetadata } from '../validation/client-metadata-response.ts';
import { recordAudit } from './audit.ts';
import { changeClientSecrets } from './change-client-secrets.ts';
import { clientSettingsOf } from './client-view.ts';
import { sectorIdentifierIssue, type SectorFetchOptions } from './check-sector-identifier.ts';
import { clientColumns, insertClient } from './insert-client.ts';
import { purgeClient } from './purge-client.ts';
import type { Tx } from './transaction.ts';

type ClientRow = NonNullable<Awaited<ReturnType<Tx['client']['findUnique']>>>;

function metadataOf(row: ClientRow, clientSecret?: string | null): ClientMetadata {
  const metadata = toClientMetadata(clientSettingsOf(row), { clientSecret });
  if (!row.expiresAt) return metadata;
  const expiresAt = epochSeconds(row.expiresAt);
  return { ...metadata, ...(clientSecret ? { client_secret_expires_at: expiresAt } : {}), client_id_expires_at: expiresAt };
}

function validated(metadata: ClientMetadata) {
  const parsed = parseClientRegistration(metadata);
  if (!parsed.ok) throw new OAuthError(parsed.error.error, parsed.error.error_description);
  return createClientSchema.parse(parsed.value);
}

export function createRegistrationPort(db: Db, clock: () => Date = () => new Date(), serverSecret?: string, sectorFetch: SectorFetchOptions = {}): RegistrationPort {
  // OIDC Dynamic Client Registration §5: a sector_identifier_uri that does not list the redirect URIs fails registration.
  const checkSector = async (values: ReturnType<typeof validated>) => {
    const problem = await sectorIdentifierIssue(values, sectorFetch);
    if (problem) throw new OAuthError('invalid_client_metadata', `sector_identifier_uri: ${problem}`);
  };
  return {
    async register(metadata, registrationTokenHash, expiresAt = null) {
      const values = validated(metadata);
      await checkSector(values);
      const { row, clientSecret } = await db.$transaction(async (tx) => {
        const created = await insertClient(tx, values, null, clock(), serverSecret);
        const row = await tx.client.update({ where: { id: created.row.id }, data: { registrationTokenHash, expiresAt } });
        const details = { name: row.name, type: row.type, ...(expiresAt ? { expiresAt: expiresAt.toISOString() } : {}) };
        await recordAudit(tx, { actor: null, action: 'client.registered', clientId: row.id, details });
        return { row, clientSecret: created.clientSecret };
      });
      return metadataOf(row, clientSecret);
    },

    async findByRegistrationToken(clientId, tokenHash) {
      const row = await db.client.findUnique({ where: { registrationTokenHash: tokenHash } });
      const expired = row?.expiresAt != null && row.expiresAt <= clock();
      return row && row.id === clientId && !expired ? metadataOf(row) : null;
    },

    async update(clientId, metadata) {
      const values = validated(metadata);
      await checkSector(values);
      return db.$transaction(async (tx) => {
        const current = await tx.client.findUniqueOrThrow({ where: { id: clientId }, include: { secrets: true } });
        const columns = clientColumns(values);
        if (values.type !== current.type) throw new OAuthError('invalid_client_metadata', `The application type cannot change (it is ${current.type}).`);
        if ((columns.tokenEndpointAuthMethod === 'none') !== (current.tokenEndpointAuthMethod === 'none')) {
          throw new OAuthError('invalid_client_metadata', 'token_endpoint_auth_method cannot switch between a public and a confidential client.');
        }
        const row = await tx.client.update({ where: { id: clientId }, data: columns });
        const clientSecret = await changeClientSecrets(tx, current, columns.tokenEndpointAuthMethod, clock(), serverSecret);
        await recordAudit(tx, { actor: null, action: 'client.registration_updated', clientId, details: { name: row.name } });
        return metadataOf(row, clientSecret);
      });
    },

    async delete(clientId) {
      const now = new Date();
      await db.$transaction(async (tx) => {
        const revoked = await purgeClient(tx, clientId, now);
        await recordAudit(tx, { actor: null, action: 'client.registration_deleted', clientId, details: revoked, at: now });
      });
    },
  };
}
