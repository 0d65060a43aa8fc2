/**
 * Operator-managed groups of users (controlled access to apps, /admin/groups and /api/v1/groups):
 * a unique name and an optional one-line description. Members are added by email address (forms)
 * or user id (API).
 */
import { z } from 'zod';
import { CONTROL_MESSAGE, isSingleLine } from './text.ts';
import { emailField } from './user.ts';

export const groupNameField = z
  .string({ error: 'Enter a name for the group, such as "Finance".' })
  .trim()
  .min(1, 'Enter a name for the group, such as "Finance".')
  .max(80, 'Group names are at most 80 characters.')
  .refine(isSingleLine, `Group names ${CONTROL_MESSAGE}.`);

export const groupDescriptionField = z
  .string()
  .trim()
  .max(200, 'Descriptions are at most 200 characters.')
  .refine(isSingleLine, `Descriptions ${CONTROL_MESSAGE}.`)
  .transform((v) => (v === '' ? null : v))
  .nullable();

export const createGroupSchema = z.object({ name: groupNameField, description: groupDescriptionField.optional() });
export type CreateGroupInput = z.input<typeof createGroupSchema>;

export const updateGroupSchema = z.object({ name: groupNameField.optional(), description: groupDescriptionField.optional() });
export type UpdateGroupInput = z.input<typeof updateGroupSchema>;

/** Who to add: an account by its email address, or by its id. */
export const groupMemberSchema = z.union([
  z.object({ email: emailField }),
  z.object({ userId: z.string().min(1, 'Give the user id.').max(200) }),
], { error: 'Give the email address (or the id) of the account to add.' });
export type GroupMemberInput = z.input<typeof groupMemberSchema>;
