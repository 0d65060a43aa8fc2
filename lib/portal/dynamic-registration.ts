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
 * - PUT replaces the metadata (RFC 7592 §2.2); the app's type and whether it holds a secret
 *   cannot change (that would be a different client). scope_descriptions, a Portico extension
 *   member (RFC 7591 §2), is replaced like the rest: left out, the descriptions are removed.
 */
import type { Db } from '../db/client.ts';
import { OAuthError } from '../oidc/errors.ts';
import type { ClientMetadata, RegistrationPort } from '../oidc/ports.ts';
import type { ClientKind } from '../oidc/redirect-uri.ts';
import { parseScopeDescriptions } from '../oidc/scopes.ts';
import { createClientSchema } from '../validation/client.ts';
import { parseClientRegistration } from '../validation/client-metadata.ts';
import { epochSeconds, toClientMetadata } from '../validation/client-metadata-response.ts';
import { recordAudit } from './audit.ts';
import { clientColumns, insertClient } from './insert-client.ts';
import { purgeClient } from './purge-client.ts';
import type { Tx } from './transaction.ts';

type ClientRow = NonNullable<Awaited<ReturnType<Tx['client']['findUnique']>>>;

function metadataOf(row: ClientRow, clientSecret?: string | null): ClientMetadata {
  const metadata = toClientMetadata(
    {
      ...row,
      type: row.type as ClientKind,
      redirectUris: JSON.parse(row.redirectUris),
      postLogoutRedirectUris: JSON.parse(row.postLogoutRedirectUris),
      grantTypes: JSON.parse(row.grantTypes),
      accessTokenFormat: row.accessTokenFormat === 'jwt' ? 'jwt' : 'opaque',
      scopeDescriptions: parseScopeDescriptions(row.scopeDescriptions),
    },
    { clientSecret },
  );
  if (!row.expiresAt) return metadata;
  const expiresAt = epochSeconds(row.expiresAt);
  return { ...metadata, ...(clientSecret ? { client_secret_expires_at: expiresAt } : {}), client_id_expires_at: expiresAt };
}

function validated(metadata: ClientMetadata) {
  const parsed = parseClientRegistration(metadata);
  if (!parsed.ok) throw new OAuthError(parsed.error.error, parsed.error.error_description);
  return createClientSchema.parse(parsed.value);
}

export function createRegistrationPort(db: Db, clock: () => Date = () => new Date()): RegistrationPort {
  return {
    async register(metadata, registrationTokenHash, expiresAt = null) {
      const values = validated(metadata);
      const { row, clientSecret } = await db.$transaction(async (tx) => {
        const created = await insertClient(tx, values, null, clock());
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
      return db.$transaction(async (tx) => {
        const current = await tx.client.findUniqueOrThrow({ where: { id: clientId } });
        const columns = clientColumns(values);
        if (values.type !== current.type) throw new OAuthError('invalid_client_metadata', `The application type cannot change (it is ${current.type}).`);
        if ((columns.tokenEndpointAuthMethod === 'none') !== (current.tokenEndpointAuthMethod === 'none')) {
          throw new OAuthError('invalid_client_metadata', 'token_endpoint_auth_method cannot switch between a public and a confidential client.');
        }
        const row = await tx.client.update({ where: { id: clientId }, data: columns });
        await recordAudit(tx, { actor: null, action: 'client.registration_updated', clientId, details: { name: row.name } });
        return metadataOf(row);
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
