/**
 * How an app authenticates at the token, introspection and revocation endpoints (RFC 7591 §2
 * token_endpoint_auth_method) and the signing algorithms registered beside it.
 * - client_secret_basic, client_secret_post (RFC 6749 §2.3.1) and client_secret_jwt (RFC 7523
 *   §2.2, an HMAC keyed with the secret, OpenID Connect Core §9) use a client secret;
 *   private_key_jwt (RFC 7523 §2.2, OpenID Connect Core §9) signs with the app's private key, whose
 *   public half is registered as jwks or jwks_uri (client-key-rules.ts); none is for public clients,
 *   which cannot keep a secret (RFC 6749 §2.1). Which type may use which is a type rule
 *   (client-type-rules.ts).
 * - token_endpoint_auth_signing_alg (OpenID Connect Dynamic Client Registration §2): the one JWS
 *   algorithm the app's client assertions must use; left empty, any Portico supports for the method.
 * - request_object_signing_alg (same section): the algorithm of the app's request objects (RFC 9101),
 *   never "none".
 */
import { z } from 'zod';
import { CLIENT_JWS_ALGS } from './jwk-fit.ts';

/** Methods that authenticate with the client secret: an app using one is issued a secret. */
export const SECRET_AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'client_secret_jwt'] as const;
/** Every method a confidential client (web, service) may use. */
export const CONFIDENTIAL_AUTH_METHODS = [...SECRET_AUTH_METHODS, 'private_key_jwt'] as const;
/** Any token_endpoint_auth_method Portico supports. */
export const AUTH_METHODS = [...CONFIDENTIAL_AUTH_METHODS, 'none'] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];
/** Methods that send a signed JWT (RFC 7523 §2.2) instead of the secret itself. */
export const JWT_AUTH_METHODS = ['client_secret_jwt', 'private_key_jwt'] as const;

export const usesSecret = (method: string) => (SECRET_AUTH_METHODS as readonly string[]).includes(method);
export const usesJwt = (method: string) => (JWT_AUTH_METHODS as readonly string[]).includes(method);
/** client_secret_jwt verifies an HMAC keyed with the secret itself, so the secret is kept sealed, not only hashed. */
export const needsSealedSecret = (method: string) => method === 'client_secret_jwt';

export const authMethodField = z.enum(AUTH_METHODS, { error: `Token endpoint authentication must be one of ${AUTH_METHODS.join(', ')}.` });

/** An algorithm, or null for "not set"; an empty form field means null. */
const algField = (label: string) =>
  z
    .union([z.literal(''), z.enum(CLIENT_JWS_ALGS)], { error: `${label} must be one of ${CLIENT_JWS_ALGS.join(', ')}.` })
    .nullable()
    .transform((value) => (value === '' ? null : value));

export const tokenEndpointAuthSigningAlgField = algField('The client assertion signing algorithm');
export const requestObjectSigningAlgField = algField('The request object signing algorithm');
