/**
 * Dynamic client registration (RFC 7591) at POST /oauth/register, and client configuration
 * management (RFC 7592) at GET/PUT/DELETE /oauth/register/{client_id}.
 * - Who may register is the operator's setting, read per request (registration-policy.ts): off
 *   (404), only with the initial access token as a Bearer token (RFC 7591 §3, §1.2), or open to
 *   anyone, per-IP limited, with clients that expire. Management (RFC 7592) works in every mode.
 * - Each registered client gets a registration access token (256 bits, stored hashed) and a
 *   registration_client_uri (RFC 7592 §3); every management call must present that token.
 * - Errors: RFC 7591 §3.2.2 JSON (invalid_redirect_uri, invalid_client_metadata) with 400;
 *   bad tokens get RFC 6750 §3.1 invalid_token with 401.
 */
import type { ProviderContext } from '../context.ts';
import { paths } from '../context.ts';
import { OAuthError, contentTooLarge, invalidRequest, invalidToken, methodNotAllowed, tooManyRequests } from '../errors.ts';
import { response, type HttpRequest, type HttpResponse } from '../http/message.ts';
import { MAX_FORM_BYTES } from '../http/params.ts';
import { bearerToken } from '../http/basic-auth.ts';
import { errorJson, json } from '../http/responses.ts';
import type { ClientMetadata, RegistrationPort } from '../ports.ts';
import { registrationPolicy, type RegistrationPolicy } from '../registration-policy.ts';
import { PREFIX, constantTimeEqual, randomSecret, sha256 } from '../tokens.ts';

/** RFC 7592 §2.2: fields a client must not send back in an update. */
const SERVER_MANAGED = ['registration_access_token', 'registration_client_uri', 'client_secret_expires_at', 'client_id_issued_at'];

export function registrationEndpoint(ctx: ProviderContext) {
  return async function register(request: HttpRequest): Promise<HttpResponse> {
    try {
      const port = ctx.registration;
      if (!port) throw notOffered();
      const clientId = pathClientId(request);
      if (clientId) return await manageClient(ctx, port, clientId, request);
      const policy = await registrationPolicy(ctx);
      if (!policy) throw notOffered();
      return await registerClient(ctx, port, policy, request);
    } catch (err) {
      return errorJson(err);
    }
  };
}

// RFC 8414 §2: an unadvertised endpoint; RFC 7591 has no error code for "not offered" (registration-policy.ts).
const notOffered = () => new OAuthError('invalid_request', 'Dynamic client registration is not enabled on this server.', 404, false);

function pathClientId(request: HttpRequest): string {
  const encoded = new URL(request.url).pathname.slice(paths.registration.length + 1);
  try {
    return decodeURIComponent(encoded);
  } catch {
    // RFC 7592 §2: an unknown client and a wrong token look the same.
    throw invalidToken('The registration access token is invalid for this client.');
  }
}

async function registerClient(ctx: ProviderContext, port: RegistrationPort, policy: NonNullable<RegistrationPolicy>, request: HttpRequest): Promise<HttpResponse> {
  if (request.method !== 'POST') throw methodNotAllowed('Register a client with POST.', 'POST');
  const ip = ctx.clientIp(request);
  const limit = ip ? await ctx.limits.registrationPerIp(ip) : null;
  if (limit && !limit.allowed) throw tooManyRequests('Too many registrations from this address. Retry after the time in Retry-After.', limit.retryAfterSeconds);
  if (policy.mode === 'initial_access_token') {
    const presented = bearerToken(request);
    if (!presented || !constantTimeEqual(sha256(presented), policy.tokenHash)) {
      throw invalidToken('A valid initial access token is required to register a client.');
    }
  }
  const metadata = await jsonBody(request);
  const registrationToken = randomSecret(PREFIX.registrationToken);
  const client = await port.register(metadata, sha256(registrationToken), policy.mode === 'open' ? policy.expiresAt : null);
  return json(withRegistration(ctx, client, registrationToken), 201);
}

async function manageClient(ctx: ProviderContext, port: RegistrationPort, clientId: string, request: HttpRequest): Promise<HttpResponse> {
  const presented = bearerToken(request);
  const current = presented ? await port.findByRegistrationToken(clientId, sha256(presented)) : null;
  // RFC 7592 §2: an unknown client and a wrong token look the same.
  if (!current) throw invalidToken('The registration access token is invalid for this client.');
  switch (request.method) {
    case 'GET':
      return json(withRegistration(ctx, current, presented!));
    case 'PUT': {
      const metadata = await jsonBody(request);
      if (metadata.client_id !== clientId) throw invalidRequest('client_id in the body must match the client being updated (RFC 7592 §2.2).');
      const managed = SERVER_MANAGED.filter((f) => f in metadata);
      if (managed.length) throw invalidRequest(`These fields are set by the server and must not be sent: ${managed.join(', ')}.`);
      if ('client_secret' in metadata) throw invalidRequest('client_secret cannot be changed here; omit it.');
      return json(withRegistration(ctx, await port.update(clientId, metadata), presented!));
    }
    case 'DELETE':
      await port.delete(clientId);
      return response(204, null, { 'cache-control': 'no-store' });
    default:
      throw methodNotAllowed('Use GET, PUT or DELETE on a registration_client_uri.', 'GET, PUT, DELETE');
  }
}

async function jsonBody(request: HttpRequest): Promise<ClientMetadata> {
  if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    throw new OAuthError('invalid_client_metadata', 'The request body must be application/json (RFC 7591 §3.1).');
  }
  const text = await request.text();
  if (text.length > MAX_FORM_BYTES) throw contentTooLarge(`The request body is larger than ${MAX_FORM_BYTES / 1024} KB.`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new OAuthError('invalid_client_metadata', 'The request body is not valid JSON.');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new OAuthError('invalid_client_metadata', 'The request body must be a JSON object.');
  return body as ClientMetadata;
}

function withRegistration(ctx: ProviderContext, client: ClientMetadata, registrationToken: string): ClientMetadata {
  return {
    ...client,
    registration_access_token: registrationToken,
    registration_client_uri: `${ctx.settings.issuer}${paths.registration}/${encodeURIComponent(String(client.client_id))}`,
  };
}
