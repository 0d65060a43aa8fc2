/**
 * Client authentication at the token, introspection and revocation endpoints (RFC 6749 §2.3).
 * - client_secret_basic (§2.3.1, the default) or client_secret_post, whichever the client
 *   registered; a client must not use more than one method in one request (§2.3).
 * - none: public clients identify themselves with client_id only (§2.1); they rely on PKCE.
 * - Secrets are looked up by their SHA-256 hash; several may be live during a rotation.
 * - Every failure is invalid_client with 401 and a Basic challenge (§5.2); the description never
 *   says whether the client exists.
 */
import { invalidClient, invalidRequest } from './errors.ts';
import { basicCredentials } from './http/basic-auth.ts';
import type { HttpRequest } from './http/message.ts';
import type { Params } from './http/params.ts';
import type { ClientRecord, ClientStore, Clock } from './ports.ts';
import { sha256 } from './tokens.ts';

const FAILED = 'Client authentication failed.';

export async function authenticateClient(request: HttpRequest, params: Params, clients: ClientStore, clock: Clock): Promise<ClientRecord> {
  const basic = basicCredentials(request);
  const bodyId = params.get('client_id');
  const bodySecret = params.get('client_secret');
  if (basic && bodySecret !== undefined) throw invalidRequest('Use only one client authentication method (RFC 6749 §2.3).');
  if (basic && bodyId !== undefined && bodyId !== basic.clientId) throw invalidRequest('client_id in the body does not match the Authorization header.');
  if (params.has('client_assertion')) throw invalidClient('client_assertion authentication is not supported.');

  const clientId = basic?.clientId ?? bodyId;
  if (!clientId) throw invalidClient('Client authentication is required: use HTTP Basic or client_id.');
  const client = await clients.find(clientId, request.receivedAt);
  if (!client || client.disabled) throw invalidClient(FAILED);

  const method = basic ? 'client_secret_basic' : bodySecret !== undefined ? 'client_secret_post' : 'none';
  if (method !== client.tokenEndpointAuthMethod) {
    throw invalidClient(`This client must authenticate with ${client.tokenEndpointAuthMethod}.`);
  }
  if (method === 'none') return client;

  const secret = basic?.clientSecret ?? bodySecret!;
  if (!(await clients.hasLiveSecret(client.id, sha256(secret), clock()))) throw invalidClient(FAILED);
  return client;
}
