/**
 * User fields, written once and shared by the sign-in form, the sign-up/admin forms,
 * server actions and the CLI.
 *
 * Passwords follow NIST SP 800-63B §5.1.1.2: at least 8 characters, at least 64 allowed
 * (we allow 128), no composition rules, never trimmed or otherwise altered, and not one of the
 * 10,000 most common passwords (common-passwords.ts). This one rule serves sign-up, password
 * reset, password change and the CLI.
 */
import { z } from 'zod';
import { isCommonPassword } from './common-passwords.ts';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
export const COMMON_PASSWORD_MESSAGE = 'This password is too common. Choose a longer, less predictable one.';

/** Emails are compared trimmed and lower-cased, so that is how they are stored. */
export const emailField = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter your email address.')
  .max(254, 'Email addresses are at most 254 characters.')
  .pipe(z.email({ error: 'Enter a valid email address, like name@example.com.' }));

export const newPasswordField = z
  .string({ error: 'Enter a password.' })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`)
  .refine((password) => !isCommonPassword(password), COMMON_PASSWORD_MESSAGE);

export const nameField = z
  .string()
  .trim()
  .max(100, 'Names are at most 100 characters.')
  .optional()
  .transform((name) => (name ? name : undefined));

export const createUserSchema = z.object({
  email: emailField,
  password: newPasswordField,
  name: nameField,
  isAdmin: z.boolean().default(false),
});

export type CreateUserInput = z.input<typeof createUserSchema>;
