/**
 * The resource-server kit: what an API needs to accept Portico's access tokens (docs/resource-servers.md).
 * Framework-free, depends on jose only, so any Node API or MCP server can use it.
 */
export {
  createTokenVerifier,
  type ResourceRequest,
  type TokenVerifier,
  type TokenVerifierOptions,
  type VerifiedToken,
} from './verify-token.ts';
export {
  authenticationChallenge,
  bearerChallenge,
  dpopChallenge,
  InsufficientScopeError,
  InvalidDpopProofError,
  InvalidTokenError,
  requireScopes,
  type AuthScheme,
} from './errors.ts';
export { inMemoryReplayMemory, type ReplayMemory } from './dpop.ts';
export { DPOP_SIGNING_ALGS } from '../oidc/dpop-proof.ts';
export { protectedResourceMetadata, protectedResourceMetadataPath } from './metadata.ts';
