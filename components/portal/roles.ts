import type { TeamRole } from '@/lib/portal/types';

export const ROLE_DESCRIPTIONS: Record<TeamRole, string> = {
  owner: 'Everything, including deleting apps and managing the team',
  developer: 'Create and change apps, rotate secrets',
  viewer: 'See apps and their settings, never secrets',
};

export const ROLE_OPTIONS = (['owner', 'developer', 'viewer'] as const).map((role) => ({
  value: role,
  label: `${role[0]!.toUpperCase()}${role.slice(1)}`,
}));
