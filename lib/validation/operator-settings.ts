/**
 * Operator settings changed in /admin/settings, besides branding (branding.ts): who may sign up,
 * and who may register apps through RFC 7591 dynamic registration (and how long open
 * registrations live). The stored forms are in lib/settings/settings.ts.
 */
import { z } from 'zod';
import { SIGN_UP_POLICIES } from '../settings/settings.ts';

export const signUpPolicySchema = z.object({
  policy: z.enum(SIGN_UP_POLICIES, { error: 'Sign-up is "open", "invite_only" or "closed".' }),
});

export const REGISTRATION_MODES = ['off', 'open', 'initial_access_token'] as const;

export const registrationPolicySchema = z.object({
  mode: z.enum(REGISTRATION_MODES, { error: 'Registration is "off", "open" or "initial_access_token".' }),
  ttlDays: z
    .number({ error: 'Enter how many days an openly registered app lives, 1 to 3650.' })
    .int('Enter a whole number of days.')
    .min(1, 'Openly registered apps live at least 1 day.')
    .max(3650, 'Openly registered apps live at most 3650 days.')
    .optional(),
});
export type RegistrationPolicyInput = z.input<typeof registrationPolicySchema>;
