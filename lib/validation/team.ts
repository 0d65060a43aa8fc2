/** Team fields: names, member roles and invitations, shared by the portal forms and use cases. */
import { z } from 'zod';
import { CONTROL_MESSAGE, isSingleLine } from './text.ts';
import { emailField } from './user.ts';

export const TEAM_ROLES = ['owner', 'developer', 'viewer'] as const;

export const teamRoleField = z.enum(TEAM_ROLES, { error: 'Role must be owner, developer or viewer.' });

export const teamNameField = z
  .string({ error: 'Enter a team name.' })
  .trim()
  .min(1, 'Enter a team name.')
  .max(100, 'Team names are at most 100 characters.')
  .refine(isSingleLine, `Team names ${CONTROL_MESSAGE}.`);

export const createTeamSchema = z.object({ name: teamNameField });
export type CreateTeamInput = z.input<typeof createTeamSchema>;

export const renameTeamSchema = z.object({ name: teamNameField });
export type RenameTeamInput = z.input<typeof renameTeamSchema>;

export const inviteMemberSchema = z.object({ email: emailField, role: teamRoleField.default('developer') });
export type InviteMemberInput = z.input<typeof inviteMemberSchema>;
