/**
 * OAuth 2.0 Protected Resource Metadata (RFC 9728) an API serves about itself. Portico publishes
 * the same document for every registered API at <issuer>/oauth/resource-metadata?resource=…; an
 * API may proxy that one or build its own here.
 */
import { DPOP_SIGNING_ALGS } from '../oidc/dpop-proof.ts';

export function protectedResourceMetadata(options: {
  resource: string;
  issuer: string;
  scopes?: string[];
  name?: string;
  /** DPoP-bound tokens (RFC 9449) are taken ('supported', with verifyRequest), or the only ones taken ('required'). */
  dpop?: 'supported' | 'required';
}) {
  // RFC 9728 §2.
  return {
    resource: options.resource,
    authorization_servers: [options.issuer],
    ...(options.scopes ? { scopes_supported: options.scopes } : {}),
    bearer_methods_supported: ['header'],
    ...(options.name ? { resource_name: options.name } : {}),
    ...(options.dpop ? { dpop_signing_alg_values_supported: [...DPOP_SIGNING_ALGS] } : {}),
    ...(options.dpop === 'required' ? { dpop_bound_access_tokens_required: true } : {}),
  };
}

/**
 * RFC 9728 §3.1: the well-known path for a resource identifier, on the resource's own host
 * (`https://api.example.com/mcp` → `/.well-known/oauth-protected-resource/mcp`).
 */
export function protectedResourceMetadataPath(resource: string): string {
  const { pathname } = new URL(resource);
  return `/.well-known/oauth-protected-resource${pathname === '/' ? '' : pathname}`;
}
