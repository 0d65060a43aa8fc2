/**
 * The resource-server kit: what an API needs to accept Portico's access tokens (docs/resource-servers.md).
 * Framework-free, depends on jose only, so any Node API or MCP server can use it.
 */
export { createTokenVerifier, type TokenVerifier, type TokenVerifierOptions, type VerifiedToken } from './verify-token.ts';
export { bearerChallenge, InsufficientScopeError, InvalidTokenError, requireScopes } from './errors.ts';
export { protectedResourceMetadata, protectedResourceMetadataPath } from './metadata.ts';
