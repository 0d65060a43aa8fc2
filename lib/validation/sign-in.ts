/**
 * The sign-in form. The password is only checked for presence here: length rules apply when a
 * password is chosen (see user.ts), and telling someone "too short" at sign-in reveals nothing useful.
 */
import { z } from 'zod';
import { emailField, PASSWORD_MAX_LENGTH } from './user.ts';

export const signInSchema = z.object({
  email: emailField,
  password: z
    .string({ error: 'Enter your password.' })
    .min(1, 'Enter your password.')
    .max(PASSWORD_MAX_LENGTH, `Passwords are at most ${PASSWORD_MAX_LENGTH} characters.`),
});

export type SignInInput = z.input<typeof signInSchema>;
export type SignInValues = z.output<typeof signInSchema>;
