/**
 * The shapes the API-resource use cases (RFC 8707 resources: the product's own APIs) take and
 * return. The portal UI, the REST API (lib/api/resources*.ts) and the CLI code against these.
 */
import type { ApiTokenFormat } from '../validation/api-resource.ts';
import type { TeamRole } from './types.ts';

/** Which API a call is about: its id (api_…) or its identifier (the RFC 8707 resource URI). */
export type ApiResourceRef = { id: string } | { identifier: string };

export type ApiScopeSummary = { name: string; description: string; createdAt: Date };

export type ApiResourceSummary = {
  id: string;
  /** The audience of its tokens (RFC 8707 §2); never changes. */
  identifier: string;
  name: string;
  description: string | null;
  tokenFormat: ApiTokenFormat;
  accessTokenTtl: number;
  /** Any app may ask for its scopes, with the user's consent (MCP clients included). */
  openAccess: boolean;
  team: { id: string; name: string };
  /** The actor's role in the owning team: what the UI may offer. */
  role: TeamRole;
  scopeCount: number;
  createdAt: Date;
  updatedAt: Date;
};

export type ApiResourceDetail = ApiResourceSummary & {
  /** Oldest first. */
  scopes: ApiScopeSummary[];
  /** Apps of the owning team that serve the API and may introspect its tokens (RFC 7662). */
  servers: { id: string; name: string }[];
};

/**
 * pending: requested, not decided yet (scopes approved by an earlier decision stay approved);
 * approved: some scopes approved; rejected: decided, nothing approved. A rejected app may ask again.
 */
export type ApiAccessStatus = 'pending' | 'approved' | 'rejected';

export type ApiAccessState = {
  requestedScopes: string[];
  /** Always a subset of requestedScopes: what the app may be given. */
  approvedScopes: string[];
  status: ApiAccessStatus;
  requestedAt: Date;
  decidedAt: Date | null;
};

/** One app's request, as the API's team sees it. team is null for an operator-managed app. */
export type ApiAccessRequest = ApiAccessState & { client: { id: string; name: string }; team: { id: string; name: string } | null };

/** One API an app asked for, as the app's team sees it. ownerName null: run by the operator. */
export type AppApiAccess = ApiAccessState & { resource: { id: string; identifier: string; name: string; ownerName: string | null } };

/** An API as every developer may browse it (to request access) and the operator lists it. */
export type PublicApiResource = {
  id: string;
  identifier: string;
  name: string;
  description: string | null;
  /** The owning team's name; null: operator-managed (created with the CLI). */
  ownerName: string | null;
  /** The owning team's id when the actor belongs to it (requests from its apps are approved at once); else null. */
  memberTeamId: string | null;
  tokenFormat: ApiTokenFormat;
  accessTokenTtl: number;
  /** Any app may ask for its scopes, with the user's consent (MCP clients included). */
  openAccess: boolean;
  scopes: { name: string; description: string }[];
};
