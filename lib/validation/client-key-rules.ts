/**
 * The rules between an app's authentication method, its public keys and its signing algorithms,
 * checked on the app as it will be after the change (creation, or stored values with a patch):
 * - jwks and jwks_uri are two ways to give the same keys: an app registers one or neither
 *   (RFC 7591 §2: they MUST NOT both be present);
 * - private_key_jwt needs one of them: Portico verifies the app's assertions with those keys
 *   (RFC 7523 §3 item 9, OpenID Connect Core §9);
 * - token_endpoint_auth_signing_alg applies only to the JWT methods and must be of their kind: an
 *   HMAC (HS256/384/512) for client_secret_jwt, a private-key algorithm for private_key_jwt, and
 *   then one that a key in jwks can verify (OpenID Connect Dynamic Client Registration §2). A change
 *   of method that does not name an algorithm drops the one stored for the previous method
 *   (assertionAlgAfter);
 * - request_object_signing_alg needs keys to verify with: Portico verifies request objects
 *   (RFC 9101) with the registered public keys only, so it is a private-key algorithm and the app
 *   registers jwks or jwks_uri.
 */
import type { z } from 'zod';
import { usesJwt } from './client-auth-method.ts';
import { isHmacAlg, keyVerifies } from './jwk-fit.ts';
import type { JwkSet } from './jwks.ts';

export type KeyRuleFields = {
  tokenEndpointAuthMethod?: string;
  jwks?: JwkSet | null;
  jwksUri?: string | null;
  tokenEndpointAuthSigningAlg?: string | null;
  requestObjectSigningAlg?: string | null;
};

/** The client assertion algorithm after a change: the one named, else none when the method changes, else the stored one. */
export function assertionAlgAfter(
  request: Pick<KeyRuleFields, 'tokenEndpointAuthMethod' | 'tokenEndpointAuthSigningAlg'>,
  current: Pick<KeyRuleFields, 'tokenEndpointAuthMethod' | 'tokenEndpointAuthSigningAlg'> | undefined,
): string | null | undefined {
  if (request.tokenEndpointAuthSigningAlg !== undefined) return request.tokenEndpointAuthSigningAlg;
  const methodChanges = request.tokenEndpointAuthMethod !== undefined && request.tokenEndpointAuthMethod !== current?.tokenEndpointAuthMethod;
  return methodChanges ? null : current?.tokenEndpointAuthSigningAlg;
}

const issue = (ctx: z.RefinementCtx, field: keyof KeyRuleFields, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });

export function checkKeyRules(client: KeyRuleFields, ctx: z.RefinementCtx): void {
  const { tokenEndpointAuthMethod: method, jwks, jwksUri, tokenEndpointAuthSigningAlg: alg, requestObjectSigningAlg: requestAlg } = client;
  const hasKeys = Boolean(jwks || jwksUri);
  if (jwks && jwksUri) {
    issue(ctx, 'jwks', 'Register your public keys either by value (jwks) or by URL (jwks_uri), not both (RFC 7591 §2): remove one.');
  }
  if (method === 'private_key_jwt' && !hasKeys && jwks !== undefined && jwksUri !== undefined) {
    issue(ctx, 'tokenEndpointAuthMethod', 'private_key_jwt needs your public keys: register them as jwks (the JWK Set itself) or jwks_uri (where Portico fetches it).');
  }
  if (alg && method !== undefined) {
    if (!usesJwt(method)) {
      issue(ctx, 'tokenEndpointAuthSigningAlg', `A client assertion signing algorithm applies only to client_secret_jwt and private_key_jwt; this app uses ${method}. Remove it.`);
    } else if (method === 'client_secret_jwt' && !isHmacAlg(alg)) {
      issue(ctx, 'tokenEndpointAuthSigningAlg', `client_secret_jwt signs with the client secret: use HS256, HS384 or HS512, not ${alg}.`);
    } else if (method === 'private_key_jwt' && isHmacAlg(alg)) {
      issue(ctx, 'tokenEndpointAuthSigningAlg', `private_key_jwt signs with your private key: ${alg} needs a shared secret; choose an algorithm such as ES256, PS256 or RS256.`);
    } else if (method === 'private_key_jwt' && jwks && !jwks.keys.some((key) => key.use !== 'enc' && keyVerifies(key, alg))) {
      issue(ctx, 'tokenEndpointAuthSigningAlg', `None of the keys in jwks can verify ${alg} signatures: add such a key, or choose the algorithm your key uses.`);
    }
  }
  if (requestAlg && isHmacAlg(requestAlg)) {
    issue(ctx, 'requestObjectSigningAlg', `Portico verifies request objects with your public keys, not a shared secret: choose a private-key algorithm such as ES256, PS256 or RS256, not ${requestAlg}.`);
  } else if (requestAlg && !hasKeys && jwks !== undefined && jwksUri !== undefined) {
    issue(ctx, 'requestObjectSigningAlg', `Request objects signed with ${requestAlg} are verified with your public keys: register jwks or jwks_uri.`);
  }
}
