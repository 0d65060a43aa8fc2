/**
 * Personal access tokens for the REST API: a name to recognise them by, scopes from a fixed list
 * (GET needs clients:read, writes need clients:write; under /resources resources:read and
 * resources:write; operators' endpoints admin:read and admin:write, for operators only; none implies
 * another), 1–365 days.
 */
import { z } from 'zod';
import { CONTROL_MESSAGE, isSingleLine } from './text.ts';

export const PAT_SCOPES = ['clients:read', 'clients:write', 'resources:read', 'resources:write', 'admin:read', 'admin:write'] as const;
/** Scopes for the operators' endpoints (groups, app access): only operators may create tokens with them. */
export const ADMIN_PAT_SCOPES: readonly (typeof PAT_SCOPES)[number][] = ['admin:read', 'admin:write'];
export const PAT_MAX_DAYS = 365;
/** Personal access tokens start with this, so a leaked one says what it is. */
export const PAT_PREFIX = 'pat_';

export const createPersonalAccessTokenSchema = z.object({
  name: z
    .string({ error: 'Enter a name for the token, such as "CI deploy".' })
    .trim()
    .min(1, 'Enter a name for the token, such as "CI deploy".')
    .max(100, 'Token names are at most 100 characters.')
    .refine(isSingleLine, `Token names ${CONTROL_MESSAGE}.`),
  scopes: z
    .array(z.enum(PAT_SCOPES, { error: `Scopes are ${PAT_SCOPES.join(', ')}.` }), { error: 'Scopes must be a list.' })
    .min(1, 'Choose at least one scope.')
    .transform((list) => [...new Set(list)]),
  expiresInDays: z
    .number({ error: 'Expiry must be a number of days.' })
    .int('Expiry must be a whole number of days.')
    .min(1, 'Tokens last at least 1 day.')
    .max(PAT_MAX_DAYS, `Tokens last at most ${PAT_MAX_DAYS} days.`),
});
export type CreatePersonalAccessTokenInput = z.input<typeof createPersonalAccessTokenSchema>;
