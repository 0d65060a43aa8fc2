/**
 * The self-service sign-up form (developer portal). The same field rules as every other way of
 * creating a user (user.ts: NIST SP 800-63B password length), minus `isAdmin`, which nobody
 * grants themselves.
 */
import { z } from 'zod';
import { emailField, nameField, newPasswordField } from './user.ts';

export const signUpSchema = z.object({
  name: nameField,
  email: emailField,
  password: newPasswordField,
});

export type SignUpInput = z.input<typeof signUpSchema>;
export type SignUpValues = z.output<typeof signUpSchema>;
