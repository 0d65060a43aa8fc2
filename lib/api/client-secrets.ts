/**
 * /api/v1/clients/{client_id}/secrets: rotate (POST, the new secret in the response once) and
 * /secrets/{secret_id}: revoke (DELETE).
 */
import { revokeClientSecret, rotateClientSecret, ValidationError } from '../portal/index.ts';
import { toSecretMetadata } from '../validation/client-metadata-response.ts';
import type { ApiHandler } from './context.ts';
import { json, readJsonObject, requestError } from './responses.ts';
import { rotateSecretBodySchema } from './schemas.ts';
import { parseBody } from './parse-body.ts';
import { response } from '../oidc/http/message.ts';

export const rotateSecretHandler: ApiHandler = async ({ request, actor, params, deps }) => {
  const body = parseBody(rotateSecretBodySchema, await readJsonObject(request));
  const clientId = params.client_id!;
  const { secret, clientSecret } = await rotateClientSecret(deps.db, actor, clientId, { gracePeriodSeconds: body.grace_period_seconds }, deps.clock(), deps.secret)
    .catch((err) => Promise.reject(err instanceof ValidationError ? requestError(err.issues, 'request') : err));
  return json({ client_id: clientId, client_secret: clientSecret, client_secret_expires_at: 0, ...toSecretMetadata(secret) }, 201);
};

export const revokeSecretHandler: ApiHandler = async ({ actor, params, deps }) => {
  await revokeClientSecret(deps.db, actor, params.client_id!, params.secret_id!, deps.clock());
  return response(204, null, { 'cache-control': 'no-store' });
};
