/** Bodies and responses of the REST API beyond client metadata itself (lib/validation/client-metadata*.ts). */
import { z } from 'zod';
import { GRACE_PERIODS } from '../validation/client-update.ts';
import { clientMetadataResponseSchema, secretMetadataSchema } from '../validation/client-metadata-response.ts';

export const rotateSecretBodySchema = z.object({
  grace_period_seconds: z
    .literal(GRACE_PERIODS, { error: `grace_period_seconds must be one of ${GRACE_PERIODS.join(', ')} (none, 1 hour, 1 day, 7 days).` })
    .describe('How long the previous secrets keep working; 0 revokes them now'),
});

export const rotatedSecretResponseSchema = secretMetadataSchema.extend({
  client_id: z.string(),
  client_secret: z.string().describe('The new secret: shown in this response only'),
  client_secret_expires_at: z.literal(0),
});

export const clientListResponseSchema = z.object({ clients: z.array(clientMetadataResponseSchema) });

export const errorResponseSchema = z.object({
  error: z.string().describe('invalid_redirect_uri, invalid_client_metadata, invalid_request, invalid_token, insufficient_scope, forbidden, not_found, method_not_allowed, server_error'),
  error_description: z.string(),
});
