/**
 * Client authentication at the endpoints clients call with their credentials (token,
 * introspection, revocation, pushed authorization requests): the one place that decides it.
 * - A client authenticates with exactly the method it registered (RFC 6749 §2.3, RFC 7591 §2):
 *   client_secret_basic (§2.3.1, the default), client_secret_post, private_key_jwt or
 *   client_secret_jwt (RFC 7523 §2.2, OIDC Core §9: client-assertion.ts), or none — public
 *   clients identify themselves with client_id only (§2.1) and rely on PKCE.
 * - One method per request (§2.3): Basic, client_secret in the body and client_assertion exclude
 *   each other; more than one is invalid_request.
 * - Secrets are looked up by their SHA-256 hash; several may be live during a rotation.
 * - Every failure is invalid_client with 401 and a Basic challenge (§5.2); the description never
 *   says whether the client exists, nor which method it registered.
 */
import { authenticateWithAssertion } from './client-assertion.ts';
import type { ProviderContext } from './context.ts';
import { invalidClient, invalidRequest } from './errors.ts';
import { basicCredentials } from './http/basic-auth.ts';
import type { HttpRequest } from './http/message.ts';
import type { Params } from './http/params.ts';
import type { ClientRecord } from './ports.ts';
import { sha256 } from './tokens.ts';

const FAILED = 'Client authentication failed: check the client_id and its credentials, and use the authentication method the client registered.';

export async function authenticateClient(ctx: ProviderContext, request: HttpRequest, params: Params): Promise<ClientRecord> {
  const basic = basicCredentials(request);
  const bodyId = params.get('client_id');
  const bodySecret = params.get('client_secret');
  const assertion = params.has('client_assertion') || params.has('client_assertion_type');
  if ([basic !== null, bodySecret !== undefined, assertion].filter(Boolean).length > 1) {
    throw invalidRequest('Use only one client authentication method (RFC 6749 §2.3).');
  }
  if (assertion) return authenticateWithAssertion(ctx, request, params);
  if (basic && bodyId !== undefined && bodyId !== basic.clientId) throw invalidRequest('client_id in the body does not match the Authorization header.');

  const clientId = basic?.clientId ?? bodyId;
  if (!clientId) throw invalidClient('Client authentication is required: use HTTP Basic, client_secret_post, a client_assertion or client_id.');
  const client = await ctx.stores.clients.find(clientId, request.receivedAt);
  const method = basic ? 'client_secret_basic' : bodySecret !== undefined ? 'client_secret_post' : 'none';
  if (!client || client.disabled || method !== client.tokenEndpointAuthMethod) throw invalidClient(FAILED);
  if (method === 'none') return client;

  const secret = basic?.clientSecret ?? bodySecret!;
  if (!(await ctx.stores.clients.hasLiveSecret(client.id, sha256(secret), ctx.clock()))) throw invalidClient(FAILED);
  return client;
}
