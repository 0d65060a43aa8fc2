/** How a Client row becomes the console's app summary: its team and that team's owners. */
import type { AccessPolicy, AdminAppSummary } from './types.ts';

export const APP_SUMMARY_SELECT = {
  id: true,
  name: true,
  type: true,
  verified: true,
  disabled: true,
  accessPolicy: true,
  createdAt: true,
  team: { select: { id: true, name: true, members: { where: { role: 'owner' }, select: { user: { select: { id: true, email: true } } }, orderBy: { createdAt: 'asc' as const } } } },
} as const;

type AppRow = {
  id: string;
  name: string;
  type: string;
  verified: boolean;
  disabled: boolean;
  accessPolicy: string;
  createdAt: Date;
  team: { id: string; name: string; members: { user: { id: string; email: string } }[] } | null;
};

export const asAccessPolicy = (value: string): AccessPolicy => (value === 'assigned' ? 'assigned' : 'everyone');

export function toAppSummary(row: AppRow): AdminAppSummary {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    team: row.team ? { id: row.team.id, name: row.team.name } : null,
    owners: row.team ? row.team.members.map((m) => m.user) : [],
    verified: row.verified,
    disabled: row.disabled,
    accessPolicy: asAccessPolicy(row.accessPolicy),
    createdAt: row.createdAt,
  };
}
