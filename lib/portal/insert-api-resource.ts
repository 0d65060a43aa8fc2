/**
 * Writes a new API (team or operator-managed) inside the caller's transaction. The identifier is
 * unique: a second API with the same one is a field error (checked first, and by the unique
 * index when two requests race).
 */
import { randomId } from '../oidc/tokens.ts';
import type { CreateApiResourceValues } from '../validation/api-resource.ts';
import { ValidationError } from './errors.ts';
import type { Tx } from './transaction.ts';

export const IDENTIFIER_TAKEN = 'An API with this identifier is already registered. Each API needs its own identifier (RFC 8707 resource URI).';

export async function insertApiResource(tx: Tx, values: CreateApiResourceValues, teamId: string | null, now: Date) {
  if (await tx.apiResource.findUnique({ where: { identifier: values.identifier }, select: { id: true } })) throw ValidationError.of('identifier', IDENTIFIER_TAKEN);
  return tx.apiResource.create({
    data: {
      id: `api_${randomId(16)}`,
      teamId,
      identifier: values.identifier,
      name: values.name,
      description: values.description ?? null,
      tokenFormat: values.tokenFormat,
      accessTokenTtl: values.accessTokenTtl,
      openAccess: values.openAccess,
      createdAt: now,
      updatedAt: now,
    },
  });
}
