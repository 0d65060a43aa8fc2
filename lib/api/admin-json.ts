/**
 * Groups and controlled access on the wire (/api/v1/groups, /api/v1/clients/{client_id}/access):
 * snake_case bodies and responses as zod schemas (the OpenAPI document is generated from them),
 * field rules shared with /admin (lib/validation/group.ts, app-access.ts), times in epoch seconds.
 */
import { z } from 'zod';
import type { AppAccess, GroupDetail, GroupSummary } from '../admin/types.ts';
import { accessPolicyField } from '../validation/app-access.ts';
import { groupDescriptionField, groupNameField } from '../validation/group.ts';
import { emailField } from '../validation/user.ts';

const seconds = z.number().int().describe('Seconds since the Unix epoch');
const epoch = (date: Date) => Math.floor(date.getTime() / 1000);

export const createGroupBodySchema = z.object({ name: groupNameField, description: groupDescriptionField.optional() });
export const updateGroupBodySchema = z.object({ name: groupNameField.optional(), description: groupDescriptionField.optional() });

/** An account by id or email address: exactly one of them. */
export const accountBodySchema = z
  .object({ user_id: z.string().min(1).max(200).optional(), email: emailField.optional() })
  .refine((b) => (b.user_id === undefined) !== (b.email === undefined), { message: 'Give either user_id or email (one of them).', path: ['user_id'] });
export const groupRefBodySchema = z.object({ group_id: z.string({ error: 'Give the group_id of the group to assign.' }).min(1).max(200) });
export const accessPolicyBodySchema = z.object({ policy: accessPolicyField.describe('everyone: any account may sign in; assigned: only assigned users and groups') });

export const groupSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  member_count: z.number().int(),
  app_count: z.number().int(),
  created_at: seconds,
  members: z.array(z.object({ user_id: z.string(), email: z.string(), name: z.string().nullable(), added_at: seconds })).optional().describe('On single-group reads and writes'),
  apps: z.array(z.object({ client_id: z.string(), client_name: z.string() })).optional().describe('Apps the group is assigned to; on single-group reads and writes'),
});
export const groupListSchema = z.object({ groups: z.array(groupSchema) });

export const appAccessSchema = z.object({
  client_id: z.string(),
  client_name: z.string(),
  policy: z.enum(['everyone', 'assigned']),
  users: z.array(z.object({ user_id: z.string(), email: z.string(), name: z.string().nullable(), assigned_at: seconds })),
  groups: z.array(z.object({ group_id: z.string(), name: z.string(), member_count: z.number().int(), assigned_at: seconds })),
});

export const accountRef = (body: z.output<typeof accountBodySchema>) => (body.email !== undefined ? { email: body.email } : { userId: body.user_id! });

export function toGroupJson(g: GroupSummary | GroupDetail) {
  return {
    id: g.id,
    name: g.name,
    description: g.description,
    member_count: g.members,
    app_count: g.apps,
    created_at: epoch(g.createdAt),
    ...('memberList' in g
      ? {
          members: g.memberList.map((m) => ({ user_id: m.id, email: m.email, name: m.name, added_at: epoch(m.addedAt) })),
          apps: g.appList.map((a) => ({ client_id: a.id, client_name: a.name })),
        }
      : {}),
  };
}

export const toAppAccessJson = (a: AppAccess) => ({
  client_id: a.client.id,
  client_name: a.client.name,
  policy: a.policy,
  users: a.users.map((u) => ({ user_id: u.id, email: u.email, name: u.name, assigned_at: epoch(u.assignedAt) })),
  groups: a.groups.map((g) => ({ group_id: g.id, name: g.name, member_count: g.members, assigned_at: epoch(g.assignedAt) })),
});
