/**
 * Controlled access to an app (/admin/apps/{id}, /api/v1/clients/{id}/access): who may sign in to
 * it — everyone, or only the users and groups assigned to it (lib/oidc/app-access.ts decides).
 */
import { z } from 'zod';
import { emailField } from './user.ts';

export const ACCESS_POLICIES = ['everyone', 'assigned'] as const;
export const accessPolicyField = z.enum(ACCESS_POLICIES, { error: 'The access policy is "everyone" or "assigned".' });
export const setAccessPolicySchema = z.object({ policy: accessPolicyField });

/** Who to assign (or unassign): an account by email or id, or a group by id. */
export const appAssigneeSchema = z.union([
  z.object({ email: emailField }),
  z.object({ userId: z.string().min(1).max(200) }),
  z.object({ groupId: z.string().min(1).max(200) }),
], { error: 'Give a user (email address or id) or a group (id) to assign.' });
export type AppAssignee = z.output<typeof appAssigneeSchema>;
