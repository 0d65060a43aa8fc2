/**
 * Pushed authorization request endpoint (RFC 9126 §2): the client sends its authorization request
 * over the back channel first and gets a request_uri to send the browser with.
 * - Client authentication exactly as at the token endpoint (§2, http/client-endpoint.ts), public
 *   clients with client_id only; POST with a form body; RFC 6749 §5.2 JSON errors, never a redirect
 *   (§2.3). Requests per client share the token endpoint's budget (429 with Retry-After).
 * - request_uri in the body is refused (§2.1).
 * - The body is the authorization request's parameters, or a request object (§3,
 *   authorization/request-object.ts) whose claims are then the only ones used. They are validated
 *   as the authorization endpoint would validate them (§2.1) before anything is stored, and stored
 *   without the client's credentials.
 * - A DPoP proof (RFC 9449 §10.1) binds the code to the proof's key: it is verified against this
 *   endpoint's URL, with a server nonce as at the token endpoint, and its key becomes the request's
 *   dpop_jkt; a dpop_jkt naming another key is invalid_dpop_proof.
 * - 201 with request_uri and expires_in (§2.2; authorization/pushed-request.ts).
 */
import { paths, type ProviderContext } from '../context.ts';
import { createDpopVerifier, dpopHeader } from '../dpop.ts';
import { invalidDpopProof, withHeaders } from '../dpop-errors.ts';
import { invalidRequest, tooManyRequests } from '../errors.ts';
import { clientEndpoint } from '../http/client-endpoint.ts';
import type { Params } from '../http/params.ts';
import { json } from '../http/responses.ts';
import type { ClientRecord } from '../ports.ts';
import { pushRequest } from '../authorization/pushed-request.ts';
import { requestObjectParams } from '../authorization/request-object.ts';
import { validateAuthorizationParams, validateClientAndRedirect } from '../authorization/validate-request.ts';

/** How the client authenticated (RFC 6749 §2.3, RFC 7523 §2.2): never part of the stored request. */
const CLIENT_CREDENTIALS = ['client_secret', 'client_assertion', 'client_assertion_type'];

export function pushedAuthorizationRequestEndpoint(ctx: ProviderContext) {
  const dpop = createDpopVerifier(ctx);
  const url = `${ctx.settings.issuer}${paths.pushedAuthorizationRequest}`;
  return clientEndpoint(ctx, 'pushed authorization request', async ({ request, params, client }) => {
    const limit = await ctx.limits.tokenPerClient(client.id);
    if (!limit.allowed) throw tooManyRequests('This client has sent too many requests. Retry after the time in Retry-After.', limit.retryAfterSeconds);
    if (params.has('request_uri')) throw invalidRequest('request_uri must not be sent to the pushed authorization request endpoint (RFC 9126 §2.1): send the request\'s parameters, or a request object as "request".');
    const proof = dpopHeader(request, 'token');
    if (proof === null) return json(await push(ctx, client, params, null), 201);
    const nonce = dpop.responseHeaders();
    try {
      const { jkt } = await dpop.verify(proof, request, { site: 'token', url });
      return json(await push(ctx, client, params, jkt), 201, nonce);
    } catch (err) {
      throw withHeaders(err, nonce);
    }
  });
}

/** §2.1: the authorization request as it will be used, validated, then stored. */
async function push(ctx: ProviderContext, client: ClientRecord, body: Params, proofJkt: string | null) {
  const authorization = body.has('request') ? await requestObjectParams(ctx, client, body) : withoutCredentials(body);
  // The client authenticated (client_id in the body, when sent, is the same one): it is the request's client.
  authorization.set('client_id', client.id);
  if (proofJkt !== null) {
    const named = authorization.get('dpop_jkt');
    if (named !== undefined && named !== proofJkt) throw invalidDpopProof('token', 'dpop_jkt names another key than the one that signed the DPoP proof (RFC 9449 §10.1).');
    authorization.set('dpop_jkt', proofJkt);
  }
  const { target } = await validateClientAndRedirect(ctx, authorization);
  await validateAuthorizationParams(ctx, client, target, authorization);
  return pushRequest(ctx, client.id, authorization);
}

function withoutCredentials(body: Params): Params {
  const params = new Map(body);
  for (const name of CLIENT_CREDENTIALS) params.delete(name);
  return params;
}
