/** The shapes the operator console's use cases return (README.md lists the functions). */
import type { SigningAlg } from '../oidc/keys.ts';

export type Page<T> = { items: T[]; total: number };

export type AdminUserSummary = {
  id: string;
  email: string;
  name: string | null;
  isAdmin: boolean;
  emailVerified: boolean;
  twoFactor: boolean;
  disabledAt: Date | null;
  createdAt: Date;
};

export type AdminSession = { id: string; amr: string[]; ip: string | null; userAgent: string | null; createdAt: Date; lastSeenAt: Date };

export type AdminUserDetail = AdminUserSummary & {
  teams: { id: string; name: string; role: string }[];
  groups: { id: string; name: string }[];
  sessions: AdminSession[];
  personalAccessTokens: number;
};

/** One app, across teams: who runs it (the team's owners), and how it is set. */
export type AdminAppSummary = {
  id: string;
  name: string;
  type: string;
  team: { id: string; name: string } | null;
  owners: { id: string; email: string }[];
  verified: boolean;
  disabled: boolean;
  accessPolicy: AccessPolicy;
  createdAt: Date;
};

export type AccessPolicy = 'everyone' | 'assigned';

export type AppAccess = {
  client: { id: string; name: string };
  policy: AccessPolicy;
  users: { id: string; email: string; name: string | null; assignedAt: Date }[];
  groups: { id: string; name: string; members: number; assignedAt: Date }[];
};

export type GroupSummary = { id: string; name: string; description: string | null; members: number; apps: number; createdAt: Date };

export type GroupDetail = GroupSummary & {
  memberList: { id: string; email: string; name: string | null; addedAt: Date }[];
  appList: { id: string; name: string }[];
};

export type SigningKeyState = 'pending' | 'active' | 'retiring' | 'retired';

export type SigningKeyStatus = {
  kid: string;
  alg: string;
  state: SigningKeyState;
  createdAt: Date;
  activatesAt: Date;
  retiresAt: Date | null;
  publishedUntil: Date | null;
};

export type KeyRotation = { kids: string[]; algs: readonly SigningAlg[]; activatesAt: Date; retiredKids: string[]; publishUntil: Date };

export type AuditRecord = {
  id: string;
  at: Date;
  action: string;
  actor: { id: string; email: string | null } | null;
  team: { id: string; name: string | null } | null;
  client: { id: string; name: string | null } | null;
  details: Record<string, unknown>;
};
