/**
 * How an access token must be presented at Portico's protected resource, userinfo (RFC 9449 §7):
 * - A DPoP-bound token (cnf.jkt) only as `Authorization: DPoP <token>` with a proof whose key has
 *   that thumbprint and whose ath is the token's hash (§7.1, §4.3 step 12). The same token as a
 *   bearer token — in the header or the form body — is refused (§7.2: no downgrade).
 * - A bearer token keeps working as before (RFC 6750), and is refused under the DPoP scheme: the
 *   scheme says the token is bound, and it is not.
 * Callers call this only when the token is bound or came under the DPoP scheme, so bearer
 * requests pay nothing for DPoP.
 */
import { invalidDpopProof, invalidDpopToken } from './dpop-errors.ts';
import { dpopHeader, type DpopVerifier } from './dpop.ts';
import type { TokenPresentation } from './access-token.ts';
import type { HttpRequest } from './http/message.ts';
import type { TokenRecord } from './ports.ts';
import { constantTimeEqual } from './tokens.ts';

export const needsDpopCheck = (presented: TokenPresentation, token: TokenRecord) => token.cnfJkt !== null || presented.scheme === 'DPoP';

export async function checkDpopBinding(verifier: DpopVerifier, request: HttpRequest, presented: TokenPresentation, token: TokenRecord, url: string): Promise<void> {
  if (token.cnfJkt === null) throw invalidDpopToken('This access token is not bound to a DPoP key: send it as "Authorization: Bearer <token>".');
  if (presented.scheme !== 'DPoP') {
    throw invalidDpopToken('This access token is bound to a DPoP key: send it as "Authorization: DPoP <token>" with a DPoP proof.');
  }
  const proof = dpopHeader(request, 'resource');
  if (!proof) throw invalidDpopProof('resource', 'Send a DPoP proof in the DPoP header with this access token.');
  const { jkt } = await verifier.verify(proof, request, { site: 'resource', url, accessToken: presented.token });
  if (!constantTimeEqual(jkt, token.cnfJkt)) throw invalidDpopProof('resource', 'The DPoP proof is signed with another key than the one this access token is bound to.');
}
